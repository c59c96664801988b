using Teilhabe.Core.Programmes;

namespace Teilhabe.UnitTests.Programmes;

/// <summary>Issue 9: modules and coaching numbers are data of the programme, copied from its template.</summary>
public sealed class ProgrammeConfigurationTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static Programme Create(ProgrammeTemplate template)
        => new(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "Programm", template, 10);

    private static ProgrammeParameters With(int referralMonths = 12, int informationTalkDays = 7, int? maxExtension = null)
        => new(referralMonths, informationTalkDays, maxExtension, null);

    [Fact]
    [Trait("Rule", "PRG-LO-01")]
    public void PRGLO01_a_programme_copies_the_module_table_of_its_template()
    {
        var modular = Create(ProgrammeTemplate.ModularQualification);
        Assert.Equal(ProgrammeModules.Modular.Select(m => m.Code), modular.Modules.Select(m => m.Code));
        Assert.True(modular.Modules[0].IsEntry);
        Assert.Equal(48m, modular.Modules[0].HourCap);
        Assert.Empty(Create(ProgrammeTemplate.Coaching).Modules);
    }

    [Fact]
    [Trait("Rule", "PRG-LO-02")]
    public void PRGLO02_a_lowered_cap_refuses_a_booking_above_it_and_leaves_the_template_alone()
    {
        var programme = Create(ProgrammeTemplate.ModularQualification);
        var modules = programme.Modules.Select(m => m.Code == ProgrammeModules.Entry ? m with { HourCap = 20m } : m).ToList();
        programme.ConfigureModules(modules);

        var check = ProgrammeRules.CheckBooking(programme.Modules, [new ModuleBooking(ProgrammeModules.Entry, Day, 16)], ProgrammeModules.Entry, Day.AddDays(1), 8);

        Assert.Equal(["PRG-LO-02"], check.Violations.Select(v => v.Rule));
        Assert.Contains("20 Stunden", check.Violations[0].Message, StringComparison.Ordinal);
        Assert.Equal(48m, ProgrammeModules.Modular[0].HourCap);
        Assert.Empty(ProgrammeRules.CheckBooking(ProgrammeModules.Modular, [new ModuleBooking(ProgrammeModules.Entry, Day, 16)], ProgrammeModules.Entry, Day.AddDays(1), 8).Violations);
    }

    [Fact]
    [Trait("Rule", "PRG-LO-01")]
    public void PRGLO01_the_entry_module_is_a_property_of_the_data_not_a_code()
    {
        List<ModuleDefinition> modules =
        [
            new("orientierung", "Orientierung", 1, 2, DurationUnit.Weeks, 10m, null, IsEntry: true),
            new("praxis", "Praxisphase", 1, 6, DurationUnit.Months, 100m, null),
        ];

        Assert.Equal(["PRG-LO-01"], ProgrammeRules.CheckBooking(modules, [], "praxis", Day, 4).Violations.Select(v => v.Rule));
        Assert.Empty(ProgrammeRules.CheckBooking(modules, [new ModuleBooking("orientierung", Day, 4)], "praxis", Day.AddDays(1), 4).Violations);

        List<ModuleDefinition> noEntry = [modules[1] with { }];
        Assert.Empty(ProgrammeRules.CheckBooking(noEntry, [], "praxis", Day, 4).Violations);
    }

    [Fact]
    [Trait("Rule", "PRG-LO-01")]
    public void PRGLO01_a_retired_module_takes_no_new_bookings()
    {
        var modules = ProgrammeModules.Modular.Select(m => m.Code == ProgrammeModules.Transition ? m with { Retired = true } : m).ToList();
        var check = ProgrammeRules.CheckBooking(modules, [new ModuleBooking(ProgrammeModules.Entry, Day, 4)], ProgrammeModules.Transition, Day.AddDays(1), 4);
        Assert.Equal(["PRG-LO-01"], check.Violations.Select(v => v.Rule));
        Assert.Contains("stillgelegt", check.Violations[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "PRG-LO-01")]
    public void PRGLO01_a_module_with_bookings_cannot_be_deleted_only_retired()
    {
        var current = ProgrammeModules.Modular;
        var without = current.Where(m => m.Code != ProgrammeModules.Transition).ToList();
        var retired = current.Select(m => m.Code == ProgrammeModules.Transition ? m with { Retired = true } : m).ToList();
        var booked = new HashSet<string> { ProgrammeModules.Transition };

        var errors = ProgrammeConfigurationRules.CheckModules(without, current, booked);
        Assert.Equal(["PRG-LO-01"], errors.Select(e => e.Rule));
        Assert.Contains("Übergangsphase", errors[0].Message, StringComparison.Ordinal);
        Assert.Empty(ProgrammeConfigurationRules.CheckModules(retired, current, booked));
        Assert.Empty(ProgrammeConfigurationRules.CheckModules(without, current, new HashSet<string>()));
    }

    [Fact]
    [Trait("Rule", "PRG-LO-01")]
    public void PRGLO01_invalid_module_definitions_are_refused_each_with_a_message()
    {
        List<ModuleDefinition> modules =
        [
            new("Neu Modul", " ", 5, 2, DurationUnit.Weeks, -1m, null, IsEntry: true),
            new("a", "A", 0, 4, DurationUnit.Weeks, null, 0m, IsEntry: true),
            new("a", "B", 0, 4, DurationUnit.Months, null, null, HourlyRate: 0m),
        ];

        var errors = ProgrammeConfigurationRules.CheckModules(modules, [], new HashSet<string>());

        Assert.Contains(errors, e => e.Field == "modules[0].code");
        Assert.Contains(errors, e => e.Field == "modules[0].label");
        Assert.Contains(errors, e => e.Field == "modules[0].maxDuration");
        Assert.Contains(errors, e => e.Field == "modules[0].hourCap" && e.Rule == "PRG-LO-02");
        Assert.Contains(errors, e => e.Field == "modules[1].hoursPerMonthCap");
        Assert.Contains(errors, e => e.Field == "modules[2].hourlyRate" && e.Rule == "PRG-LO-03");
        Assert.Contains(errors, e => e.Message.Contains("„a“ kommt mehrfach", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("Höchstens ein Modul", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "PRG-TR-04")]
    public void PRGTR04_a_changed_information_talk_deadline_moves_the_due_date_of_new_referrals()
    {
        var programme = Create(ProgrammeTemplate.Coaching);
        var before = new Participation(programme, Guid.CreateVersion7(), Guid.CreateVersion7(), LegalSphere.Sgb3, Day, Day, ParticipationStatus.Active);
        programme.Configure(programme.Name, programme.YearlyPlaces, [], [], With(informationTalkDays: 3));
        var after = new Participation(programme, Guid.CreateVersion7(), Guid.CreateVersion7(), LegalSphere.Sgb3, Day, Day, ParticipationStatus.Active);

        Assert.Equal(Day.AddDays(7), Assert.Single(ProgrammeDeadlines.For(before, Day), d => d.Rule == "PRG-TR-04").DueOn);
        var due = Assert.Single(ProgrammeDeadlines.For(after, Day), d => d.Rule == "PRG-TR-04");
        Assert.Equal(Day.AddDays(3), due.DueOn);
        Assert.Contains("3 Tage", due.Label, StringComparison.Ordinal);
        Assert.True(Assert.Single(ProgrammeDeadlines.For(after, Day.AddDays(4)), d => d.Rule == "PRG-TR-04").Overdue);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-05")]
    public void PRGTR05_a_changed_referral_period_sets_the_end_of_new_referrals()
    {
        var programme = Create(ProgrammeTemplate.Coaching);
        programme.Configure(programme.Name, programme.YearlyPlaces, [], [], With(referralMonths: 6, maxExtension: 3));
        var p = new Participation(programme, Guid.CreateVersion7(), Guid.CreateVersion7(), LegalSphere.Sgb3, Day, Day, ParticipationStatus.Active);

        Assert.Equal(new DateOnly(2026, 9, 1), p.ReferralEndsOn);
        Assert.Equal(new DateOnly(2026, 12, 1), programme.LatestExtensionEnd(Day));
        Assert.Null(Create(ProgrammeTemplate.Coaching).LatestExtensionEnd(Day));
    }

    [Fact]
    [Trait("Rule", "PRG-TR-05")]
    public void PRGTR05_coaching_numbers_outside_their_range_are_refused()
    {
        var errors = ProgrammeConfigurationRules.CheckSettings("Programm", 0, [(" ", 3, null)], new ProgrammeParameters(0, 0, 0, 0));
        Assert.Equal(
            ["PRG-TR-01:yearlyPlaces", "PRG-TR-01:sites[0]", "PRG-TR-05:referralMonths", "PRG-TR-05:maxExtensionMonths", "PRG-TR-04:informationTalkDays", "PRG-TR-07:aftercareMonths"],
            errors.Select(e => $"{e.Rule}:{e.Field}"));
        Assert.Empty(ProgrammeConfigurationRules.CheckSettings("Programm", 150, [("Trier", 40, "Aufzug")], ProgrammeParameters.Default));
    }
}

using Teilhabe.Core.Directory;
using Teilhabe.Core.Programmes;

namespace Teilhabe.UnitTests.Programmes;

public sealed class ProgrammeRuleTests
{
    private static readonly Guid Office = Guid.CreateVersion7();
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static (Programme Programme, Funder Agency, Funder Jobcenter, Funder Other) Coaching()
    {
        var agency = new Funder(Office, "Agentur für Arbeit Trier", FunderKind.EmploymentAgency, null);
        var jobcenter = new Funder(Office, "Jobcenter Trier", FunderKind.Jobcenter, null);
        var other = new Funder(Office, "Jobcenter Mainz", FunderKind.Jobcenter, null);
        var programme = new Programme(Guid.CreateVersion7(), Office, Guid.CreateVersion7(), "Inklusionsinitiative", ProgrammeTemplate.Coaching, 150);
        programme.AddReferringBody(agency.Id);
        programme.AddReferringBody(jobcenter.Id);
        return (programme, agency, jobcenter, other);
    }

    private static ProgrammeRules.BookingCheck Book(IReadOnlyList<ModuleBooking> existing, string code, DateOnly date, decimal hours)
        => ProgrammeRules.CheckBooking(ProgrammeModules.Modular, existing, code, date, hours);

    private static List<string> Rules(ProgrammeRules.BookingCheck check) => [.. check.Violations.Select(v => v.Rule).Distinct()];

    [Fact]
    [Trait("Rule", "PRG-TR-01")]
    public void PRGTR01_referrals_within_the_yearly_places_are_active_beyond_them_waiting()
    {
        Assert.Equal(ParticipationStatus.Active, ProgrammeRules.StatusForReferral(149, 150));
        Assert.Equal(ParticipationStatus.Waiting, ProgrammeRules.StatusForReferral(150, 150));
        Assert.Equal(ParticipationStatus.Waiting, ProgrammeRules.StatusForReferral(151, 150));
    }

    [Fact]
    [Trait("Rule", "PRG-TR-01")]
    public void PRGTR01_admitting_over_capacity_activates_and_records_the_reason()
    {
        var (programme, agency, _, _) = Coaching();
        var p = new Participation(programme, Guid.CreateVersion7(), agency.Id, LegalSphere.Sgb3, Day, Day, ParticipationStatus.Waiting);

        p.AdmitOverCapacity("  Dringender Fall, Ausbildungsbeginn im April ", "lead", Day);

        Assert.Equal(ParticipationStatus.Active, p.Status);
        Assert.Equal("Dringender Fall, Ausbildungsbeginn im April", p.OverCapacityReason);
        Assert.Equal("lead", p.AdmittedBy);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-02")]
    public void PRGTR02_a_configured_Agentur_under_SGB_III_and_Jobcenter_under_SGB_II_may_refer()
    {
        var (programme, agency, jobcenter, _) = Coaching();
        Assert.Empty(ProgrammeRules.CheckReferral(programme, agency, LegalSphere.Sgb3));
        Assert.Empty(ProgrammeRules.CheckReferral(programme, jobcenter, LegalSphere.Sgb2));
    }

    [Fact]
    [Trait("Rule", "PRG-TR-02")]
    public void PRGTR02_a_body_not_configured_or_a_wrong_legal_sphere_is_refused()
    {
        var (programme, agency, _, other) = Coaching();
        Assert.Equal(["PRG-TR-02"], ProgrammeRules.CheckReferral(programme, other, LegalSphere.Sgb2).Select(v => v.Rule));
        Assert.Equal(["legalSphere"], ProgrammeRules.CheckReferral(programme, agency, LegalSphere.Sgb9).Select(v => v.Field));
        Assert.Equal(["legalSphere"], ProgrammeRules.CheckReferral(programme, agency, LegalSphere.Sgb2).Select(v => v.Field));
        Assert.Equal(2, ProgrammeRules.CheckReferral(programme, null, LegalSphere.Sgb9).Count);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-02")]
    public void PRGTR02_a_coaching_programme_takes_only_Agentur_and_Jobcenter_a_budget_programme_only_Eingliederungshilfe()
    {
        var agency = new Funder(Office, "Agentur", FunderKind.EmploymentAgency, null);
        var eh = new Funder(Office, "Eingliederungshilfe Landkreis", FunderKind.IntegrationAssistance, null);
        Assert.Single(ProgrammeRules.CheckReferringBodies(ProgrammeTemplate.Coaching, [agency, eh]));
        Assert.Single(ProgrammeRules.CheckReferringBodies(ProgrammeTemplate.ModularQualification, [agency, eh]));
        Assert.Empty(ProgrammeRules.CheckReferringBodies(ProgrammeTemplate.ModularQualification, [eh]));
    }

    [Fact]
    [Trait("Rule", "PRG-TR-04")]
    public void PRGTR04_the_information_talk_is_due_a_week_after_first_contact_and_overdue_after()
    {
        var (programme, agency, _, _) = Coaching();
        var p = new Participation(programme, Guid.CreateVersion7(), agency.Id, LegalSphere.Sgb3, Day, Day, ParticipationStatus.Active);

        var due = Assert.Single(ProgrammeDeadlines.For(p, Day.AddDays(7)), d => d.Rule == "PRG-TR-04");
        Assert.Equal(Day.AddDays(7), due.DueOn);
        Assert.False(due.Overdue);
        Assert.True(Assert.Single(ProgrammeDeadlines.For(p, Day.AddDays(8)), d => d.Rule == "PRG-TR-04").Overdue);

        p.SetInformationTalk(Day.AddDays(5));
        Assert.DoesNotContain(ProgrammeDeadlines.For(p, Day.AddDays(8)), d => d.Rule == "PRG-TR-04");
    }

    [Fact]
    [Trait("Rule", "PRG-TR-05")]
    public void PRGTR05_a_referral_lasts_12_months_and_is_extended_with_a_reason()
    {
        var (programme, agency, _, _) = Coaching();
        var p = new Participation(programme, Guid.CreateVersion7(), agency.Id, LegalSphere.Sgb3, Day, Day, ParticipationStatus.Active);
        Assert.Equal(new DateOnly(2027, 3, 1), p.ReferralEndsOn);
        Assert.DoesNotContain(ProgrammeDeadlines.For(p, new DateOnly(2027, 2, 14)), d => d.Rule == "PRG-TR-05");
        Assert.Contains(ProgrammeDeadlines.For(p, new DateOnly(2027, 2, 15)), d => d.Rule == "PRG-TR-05");

        p.Extend(new DateOnly(2027, 9, 1), "Ausbildung beginnt im August");

        Assert.Equal(new DateOnly(2027, 9, 1), p.ReferralEndsOn);
        Assert.Equal("Ausbildung beginnt im August", p.ExtensionReason);
        Assert.DoesNotContain(ProgrammeDeadlines.For(p, new DateOnly(2027, 2, 15)), d => d.Rule == "PRG-TR-05");
    }

    [Fact]
    [Trait("Rule", "PRG-LO-01")]
    public void PRGLO01_no_module_before_the_Einstiegsphase()
    {
        var check = Book([], ProgrammeModules.Qualification, Day, 4);
        Assert.Equal(["PRG-LO-01"], Rules(check));

        var afterEntry = Book([new ModuleBooking(ProgrammeModules.Entry, Day, 4)], ProgrammeModules.Qualification, Day.AddDays(1), 4);
        Assert.Empty(afterEntry.Violations);
    }

    [Fact]
    [Trait("Rule", "PRG-LO-01")]
    public void PRGLO01_Jobcoaching_is_linked_to_an_IFD_commission_never_booked()
    {
        var check = Book([new ModuleBooking(ProgrammeModules.Entry, Day, 4)], ProgrammeModules.JobCoaching, Day.AddDays(1), 2);
        Assert.Equal(["PRG-LO-01"], Rules(check));
    }

    [Fact]
    [Trait("Rule", "PRG-LO-02")]
    public void PRGLO02_a_booking_beyond_the_hour_cap_is_refused_up_to_the_cap_accepted()
    {
        List<ModuleBooking> existing = [new(ProgrammeModules.Entry, Day, 40)];
        Assert.Equal(["PRG-LO-02"], Rules(Book(existing, ProgrammeModules.Entry, Day.AddDays(1), 8.5m)));
        Assert.Empty(Book(existing, ProgrammeModules.Entry, Day.AddDays(20), 8).Violations);
    }

    [Fact]
    [Trait("Rule", "PRG-LO-02")]
    public void PRGLO02_a_booking_beyond_the_maximum_duration_is_refused()
    {
        List<ModuleBooking> existing = [new(ProgrammeModules.Entry, Day, 4)];
        Assert.Empty(Book(existing, ProgrammeModules.Entry, Day.AddDays(27), 4).Violations);
        var late = Book(existing, ProgrammeModules.Entry, Day.AddDays(28), 4);
        Assert.Equal(["PRG-LO-02"], Rules(late));
        Assert.Equal("date", late.Violations[0].Field);
    }

    [Fact]
    [Trait("Rule", "PRG-LO-02")]
    public void PRGLO02_job_retention_is_capped_at_30_hours_per_month()
    {
        List<ModuleBooking> existing = [new(ProgrammeModules.Entry, Day, 4), new(ProgrammeModules.JobRetention, Day.AddDays(1), 25)];
        Assert.Equal(["PRG-LO-02"], Rules(Book(existing, ProgrammeModules.JobRetention, Day.AddDays(2), 6)));
        Assert.Empty(Book(existing, ProgrammeModules.JobRetention, Day.AddDays(2), 5).Violations);
        Assert.Empty(Book(existing, ProgrammeModules.JobRetention, new DateOnly(2026, 4, 1), 20).Violations);
    }

    [Fact]
    [Trait("Rule", "PRG-LO-02")]
    public void PRGLO02_using_up_a_module_below_its_minimum_duration_only_warns()
    {
        List<ModuleBooking> existing = [new(ProgrammeModules.Entry, Day, 40)];
        var check = Book(existing, ProgrammeModules.Entry, Day.AddDays(5), 8);
        Assert.Empty(check.Violations);
        Assert.Equal("PRG-LO-02", Assert.Single(check.Warnings).Rule);
        Assert.True(ProgrammeRules.BelowMinimumDuration(ProgrammeModules.Modular[0], [.. existing, new ModuleBooking(ProgrammeModules.Entry, Day.AddDays(5), 8)]));
        Assert.False(ProgrammeRules.BelowMinimumDuration(ProgrammeModules.Modular[0], [.. existing, new ModuleBooking(ProgrammeModules.Entry, Day.AddDays(13), 8)]));
    }

    [Fact]
    [Trait("Rule", "PRG-LO-03")]
    public void PRGLO03_invoice_lines_are_hours_times_rate_per_module_within_the_period()
    {
        List<ModuleBooking> bookings =
        [
            new(ProgrammeModules.Entry, new DateOnly(2026, 2, 27), 4),
            new(ProgrammeModules.Entry, new DateOnly(2026, 3, 2), 6),
            new(ProgrammeModules.Entry, new DateOnly(2026, 3, 9), 2.5m),
            new(ProgrammeModules.Qualification, new DateOnly(2026, 3, 31), 3),
            new(ProgrammeModules.Qualification, new DateOnly(2026, 4, 1), 9),
        ];

        var lines = ProgrammeRules.InvoiceLines(bookings, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), ProgrammeModules.Modular, code => code == ProgrammeModules.Entry ? 52m : 60m);

        Assert.Equal(2, lines.Count);
        Assert.Equal((ProgrammeModules.Entry, 8.5m, 52m, 442m), (lines[0].ModuleCode, lines[0].Hours, lines[0].Rate, lines[0].Amount));
        Assert.Equal((ProgrammeModules.Qualification, 3m, 60m, 180m), (lines[1].ModuleCode, lines[1].Hours, lines[1].Rate, lines[1].Amount));
    }
}

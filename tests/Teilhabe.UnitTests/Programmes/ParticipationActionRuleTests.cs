using Teilhabe.Core.Contacts;
using Teilhabe.Core.Programmes;

namespace Teilhabe.UnitTests.Programmes;

public sealed class ParticipationActionRuleTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static Participation Coaching(ParticipationStatus status = ParticipationStatus.Active)
    {
        var programme = new Programme(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "Inklusionsinitiative", ProgrammeTemplate.Coaching, 150);
        return new Participation(programme, Guid.CreateVersion7(), Guid.CreateVersion7(), LegalSphere.Sgb3, Day, Day, status);
    }

    private static List<string> Rules(IEnumerable<Teilhabe.Core.Rules.RuleViolation> violations) => [.. violations.Select(v => v.Rule).Distinct()];

    [Fact]
    [Trait("Rule", "PRG-TR-07")]
    public void PRGTR07_aftercare_runs_from_the_job_start_up_to_job_start_plus_the_programmes_months()
    {
        var p = Coaching();
        Assert.Equal(["PRG-TR-07"], Rules(ParticipationActionRules.CheckAftercareContact(p, Day, AftercareParty.Participant, ContactForm.Phone, null, Day.AddYears(1))));

        p.RecordJobStart(Day.AddDays(10), "employment", aftercareMonths: 6);
        var today = Day.AddYears(1);
        Assert.Equal(Day.AddDays(10).AddMonths(6), p.AftercareEndsOn);
        Assert.Equal(["PRG-TR-07"], Rules(ParticipationActionRules.CheckAftercareContact(p, Day.AddDays(9), AftercareParty.Participant, ContactForm.Phone, null, today)));
        Assert.Empty(ParticipationActionRules.CheckAftercareContact(p, Day.AddDays(10), AftercareParty.Employer, ContactForm.Personal, null, today));
        Assert.Empty(ParticipationActionRules.CheckAftercareContact(p, p.AftercareEndsOn!.Value, AftercareParty.Employer, ContactForm.Personal, null, today));
        Assert.Equal(["PRG-TR-07"], Rules(ParticipationActionRules.CheckAftercareContact(p, p.AftercareEndsOn.Value.AddDays(1), AftercareParty.Employer, ContactForm.Personal, null, today)));

        var unlimited = Coaching();
        unlimited.RecordJobStart(Day, "apprenticeship", aftercareMonths: null);
        Assert.Null(unlimited.AftercareEndsOn);
        Assert.Empty(ParticipationActionRules.CheckAftercareContact(unlimited, Day.AddYears(3), AftercareParty.Participant, ContactForm.Written, null, Day.AddYears(3)));
    }

    [Fact]
    [Trait("Rule", "PRG-TR-07")]
    public void PRGTR07_a_contact_per_party_is_due_a_month_after_the_last_one_and_none_after_the_aftercare_end()
    {
        var p = Coaching();
        p.RecordJobStart(Day, "employment", aftercareMonths: 2);
        p.AddAftercareContact(Day.AddDays(20), AftercareParty.Participant, ContactForm.Phone, null, null, DateTimeOffset.UnixEpoch);

        var items = ProgrammeDeadlines.For(p, Day.AddDays(40)).Where(d => d.Rule == "PRG-TR-07").ToList();
        Assert.Equal(2, items.Count);
        var employer = Assert.Single(items, d => d.Label.Contains("Betrieb", StringComparison.Ordinal));
        Assert.Equal(Day.AddMonths(1), employer.DueOn);
        Assert.True(employer.Overdue);
        var participant = Assert.Single(items, d => d.Label.Contains("Teilnehmende", StringComparison.Ordinal));
        Assert.Equal(Day.AddDays(20).AddMonths(1), participant.DueOn);
        Assert.False(participant.Overdue);

        p.AddAftercareContact(Day.AddMonths(2), AftercareParty.Participant, ContactForm.Phone, null, null, DateTimeOffset.UnixEpoch);
        p.AddAftercareContact(Day.AddMonths(2), AftercareParty.Employer, ContactForm.Phone, null, null, DateTimeOffset.UnixEpoch);
        Assert.DoesNotContain(ProgrammeDeadlines.For(p, Day.AddMonths(2)), d => d.Rule == "PRG-TR-07");
    }

    [Fact]
    [Trait("Rule", "PRG-TR-05")]
    public void PRGTR05_an_ended_participation_takes_no_aftercare_contact_job_start_contract_or_second_end()
    {
        var p = Coaching();
        p.RecordJobStart(Day, "employment", null);
        Assert.Equal(["PRG-TR-05"], Rules(ParticipationActionRules.CheckEnd(p, Day, ParticipationEndReason.Other, " ", Day)));
        Assert.Empty(ParticipationActionRules.CheckEnd(p, Day, ParticipationEndReason.Placement, null, Day));
        p.End(Day, ParticipationEndReason.Placement, null);

        Assert.Equal(ParticipationStatus.Ended, p.Status);
        Assert.Equal(["PRG-TR-05"], Rules(ParticipationActionRules.CheckAftercareContact(p, Day, AftercareParty.Participant, ContactForm.Phone, null, Day)));
        Assert.Equal(["PRG-TR-05"], Rules(ParticipationActionRules.CheckJobStart(p, Day, "employment")));
        Assert.Equal(["PRG-TR-05"], Rules(ParticipationActionRules.CheckContract(p, Day, Day)));
        Assert.Equal(["PRG-TR-05"], Rules(ParticipationActionRules.CheckEnd(p, Day, ParticipationEndReason.Dropout, null, Day)));
        Assert.Empty(ProgrammeDeadlines.For(p, Day.AddMonths(3)));
    }

    [Fact]
    [Trait("Rule", "PRG-TR-01")]
    public void PRGTR01_the_waiting_list_moves_up_first_in_first_out_and_only_into_a_free_place()
    {
        var programme = new Programme(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "Inklusionsinitiative", ProgrammeTemplate.Coaching, 2);
        var later = new Participation(programme, Guid.CreateVersion7(), Guid.CreateVersion7(), LegalSphere.Sgb3, Day, Day.AddDays(3), ParticipationStatus.Waiting);
        var earlier = new Participation(programme, Guid.CreateVersion7(), Guid.CreateVersion7(), LegalSphere.Sgb3, Day, Day.AddDays(1), ParticipationStatus.Waiting);
        var active = new Participation(programme, Guid.CreateVersion7(), Guid.CreateVersion7(), LegalSphere.Sgb3, Day, Day, ParticipationStatus.Active);

        var next = ParticipationActionRules.NextFromWaitingList([later, active, earlier]);
        Assert.Same(earlier, next);
        Assert.Equal(["PRG-TR-01"], Rules(ParticipationActionRules.CheckMoveUp(next, placesUsed: 2, yearlyPlaces: 2)));
        Assert.Empty(ParticipationActionRules.CheckMoveUp(next, placesUsed: 1, yearlyPlaces: 2));
        Assert.Equal(["PRG-TR-01"], Rules(ParticipationActionRules.CheckMoveUp(null, placesUsed: 0, yearlyPlaces: 2)));

        earlier.MoveUp("lead", Day.AddDays(5));
        Assert.Equal(ParticipationStatus.Active, earlier.Status);
        Assert.Null(earlier.OverCapacityReason);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-08")]
    public void PRGTR08_the_prospect_is_assessed_on_a_day_of_the_participation()
    {
        var p = Coaching();
        Assert.Equal(["PRG-TR-08"], Rules(ParticipationActionRules.CheckProspect(p, true, Day.AddDays(-1), Day)));
        Assert.Equal(["INPUT"], Rules(ParticipationActionRules.CheckProspect(p, null, Day, Day)));
        Assert.Empty(ParticipationActionRules.CheckProspect(p, true, Day, Day));
        p.SetPlacementProspect(true, Day);
        Assert.True(p.PlacementProspect);
        Assert.Equal(Day, p.ProspectAssessedOn);
    }
}

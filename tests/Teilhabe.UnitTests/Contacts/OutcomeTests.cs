using Teilhabe.Core.Cases;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Profiles;
using Teilhabe.UnitTests.Cases;

namespace Teilhabe.UnitTests.Contacts;

public sealed class OutcomeTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Outcome NewOutcome() => new(new CaseBuilder().Build().Case, "employer-counselled", null, DateTimeOffset.UtcNow, "cw");

    [Fact]
    [Trait("Rule", "LEK-01")]
    public void LEK01_an_invalidated_LEK_keeps_who_when_and_why_and_stays_an_LEK()
    {
        var outcome = NewOutcome();
        var at = DateTimeOffset.UtcNow;
        Assert.NotEmpty(outcome.Invalidate("cw", at, " "));
        Assert.True(outcome.IsValid);

        Assert.Empty(outcome.Invalidate("cw", at, "Doppelt erfasst"));
        Assert.False(outcome.IsValid);
        Assert.Equal(("cw", at, "Doppelt erfasst"), (outcome.InvalidatedBy, outcome.InvalidatedAt, outcome.InvalidationReason));
        Assert.Equal("LEK-01", Assert.Single(outcome.Invalidate("cw", at, "nochmal")).Rule);
    }

    [Fact]
    [Trait("Rule", "LEK-02")]
    public void LEK02_the_first_linked_contact_enters_the_start_date_and_the_end_follows_the_last()
    {
        var outcome = NewOutcome();
        Assert.Null(outcome.StartDate);
        outcome.Link(Today.AddDays(-10), Today);
        Assert.Equal((Today.AddDays(-10), Today.AddDays(-10)), (outcome.StartDate, outcome.EndDate));
        outcome.Link(Today.AddDays(-2), Today);
        Assert.Equal((Today.AddDays(-10), Today.AddDays(-2)), (outcome.StartDate, outcome.EndDate));
        outcome.Link(Today.AddDays(-12), Today);
        Assert.Equal((Today.AddDays(-12), Today.AddDays(-2)), (outcome.StartDate, outcome.EndDate));
    }

    [Fact]
    [Trait("Rule", "LEK-03")]
    public void LEK03_an_LEK_without_start_date_is_flagged_until_a_contact_is_linked_again()
    {
        var outcome = NewOutcome();
        Assert.True(outcome.LacksStartDate);
        outcome.Link(Today, Today);
        Assert.False(outcome.LacksStartDate);
        Assert.Empty(outcome.RemoveStartDate(Today, StateProfiles.Thuringia));
        Assert.True(outcome.LacksStartDate);

        // LEK-02: the next linked contact gives the LEK its start date back.
        outcome.Link(Today, Today);
        Assert.False(outcome.LacksStartDate);
        Assert.Equal(Today, outcome.StartDate);
    }

    [Fact]
    [Trait("Rule", "LEK-04")]
    public void LEK04_a_start_date_older_than_six_weeks_cannot_be_removed()
    {
        var outcome = NewOutcome();
        outcome.Link(Today.AddDays(-44), Today.AddDays(-44));
        Assert.Equal("LEK-04", Assert.Single(outcome.RemoveStartDate(Today, StateProfiles.Thuringia)).Rule);
        Assert.Equal(Today.AddDays(-44), outcome.StartDate);
        Assert.Empty(outcome.RemoveStartDate(Today.AddDays(-3), StateProfiles.Thuringia));
    }

    [Fact]
    [Trait("Rule", "LEK-04")]
    public void LEK04_a_start_date_entered_on_the_day_of_the_Anfangsbericht_is_locked()
    {
        var locked = NewOutcome();
        locked.Link(Today.AddDays(-3), Today.AddDays(-1));
        locked.LockForReport(Today.AddDays(-1));
        Assert.Equal("LEK-04", Assert.Single(locked.RemoveStartDate(Today, StateProfiles.Thuringia)).Rule);

        var earlier = NewOutcome();
        earlier.Link(Today.AddDays(-3), Today.AddDays(-3));
        earlier.LockForReport(Today.AddDays(-1));
        Assert.Empty(earlier.RemoveStartDate(Today, StateProfiles.Thuringia));
    }

    [Fact]
    [Trait("Rule", "FU-05")]
    public void FU05_a_preset_entry_takes_the_case_funder_otherwise_the_Integrationsamt_unless_a_Reha_Traeger_funds_the_case()
    {
        var service = Guid.NewGuid();
        var office = Guid.NewGuid();
        var ina = new Funder(office, "Integrationsamt", FunderKind.IntegrationOffice, null);
        var pension = new Funder(office, "DRV", FunderKind.PensionInsurance, null);
        var jobcenter = new Funder(office, "Jobcenter", FunderKind.Jobcenter, null);

        Assert.Equal(jobcenter.Id, OutcomeFunder.Resolve(true, null, service, jobcenter, ina.Id).FunderId);
        Assert.Equal(ina.Id, OutcomeFunder.Resolve(false, null, service, jobcenter, ina.Id).FunderId);
        Assert.Equal(pension.Id, OutcomeFunder.Resolve(false, null, service, pension, ina.Id).FunderId);
    }

    [Fact]
    [Trait("Rule", "FU-04")]
    public void FU04_a_chosen_LEK_funder_must_be_released_for_the_IFD()
    {
        var service = Guid.NewGuid();
        var office = Guid.NewGuid();
        var insurer = new Funder(office, "AOK", FunderKind.HealthInsurance, null);
        Assert.Equal("FU-04", Assert.Single(OutcomeFunder.Resolve(false, insurer, service, null, null).Errors).Rule);
        insurer.Release(service, "ina", DateTimeOffset.UtcNow);
        Assert.Equal(insurer.Id, OutcomeFunder.Resolve(false, insurer, service, null, null).FunderId);
    }
}

using Teilhabe.Core.Cases;
using Teilhabe.Core.IfdTasks;
using Teilhabe.Core.Rules;
using Teilhabe.UnitTests.Cases;

namespace Teilhabe.UnitTests.IfdTasks;

public sealed class IfdTaskRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Case NewCase() => new CaseBuilder().ForIntegrationOffice().InPhase(Phase.P3).Build().Item1;

    private static ColleagueConsent Consent(Case c, DateOnly givenOn)
        => ColleagueConsent.Record(c, new ConsentDraft(givenOn, ConsentForm.Written, "Team Versand", "Art der Anfälle"), Today, Now, "u1").Consent!;

    private static AbilityProfileDraft Draft(string recommendation = "Lager") => new(Today, "Genau", null, null, null, null, null, null, recommendation, true, false, null, null, null);

    [Fact]
    [Trait("Rule", "IFD-01")]
    public void IFD01_informing_colleagues_without_any_consent_is_refused_at_topic_and_outcome()
    {
        var v = ColleagueConsentRules.Check(["inform-colleagues"], ["colleagues-informed"], Today, []);

        Assert.Equal(["topicCodes", "outcomeIds"], v.Select(x => x.Field));
        Assert.All(v, x => Assert.Equal("IFD-01", x.Rule));
        Assert.All(v, x => Assert.Contains("Einwilligung der Klientin/des Klienten zur Information der Kolleginnen und Kollegen erfassen", x.Message));
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public void IFD01_other_topics_need_no_consent()
        => Assert.Empty(ColleagueConsentRules.Check(["counselling-job"], ["employer-counselled"], Today, []));

    [Fact]
    [Trait("Rule", "IFD-01")]
    public void IFD01_a_consent_is_valid_from_its_day_until_the_day_before_its_revocation()
    {
        var c = NewCase();
        var consent = Consent(c, Today.AddDays(-10));

        Assert.NotEmpty(ColleagueConsentRules.Check(["inform-colleagues"], [], Today.AddDays(-11), [consent]));
        Assert.Empty(ColleagueConsentRules.Check(["inform-colleagues"], [], Today.AddDays(-10), [consent]));
        Assert.Empty(consent.Revoke(Today.AddDays(-2), Today, Now, "u1"));
        Assert.Empty(ColleagueConsentRules.Check(["inform-colleagues"], [], Today.AddDays(-3), [consent]));
        Assert.NotEmpty(ColleagueConsentRules.Check(["inform-colleagues"], [], Today.AddDays(-2), [consent]));
        Assert.NotEmpty(ColleagueConsentRules.Check([], ["colleagues-informed"], Today, [consent]));
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public void IFD01_a_revocation_cannot_precede_the_consent_lie_in_the_future_or_be_repeated()
    {
        var consent = Consent(NewCase(), Today.AddDays(-5));

        Assert.Equal("revokedOn", Assert.Single(consent.Revoke(Today.AddDays(-6), Today, Now, "u1")).Field);
        Assert.Single(consent.Revoke(Today.AddDays(1), Today, Now, "u1"));
        Assert.Empty(consent.Revoke(Today, Today, Now, "u1"));
        Assert.Single(consent.Revoke(Today, Today, Now, "u1"));
        Assert.Equal(Today, consent.RevokedOn);
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public void IFD01_a_consent_records_date_form_and_scope()
    {
        var (consent, errors) = ColleagueConsent.Record(NewCase(), new ConsentDraft(null, null, " ", null), Today, Now, "u1");

        Assert.Null(consent);
        Assert.Equal(["givenOn", "form", "colleagues", "information"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal(RuleIds.Input, e.Rule));
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public void IFD01_a_change_after_the_agreement_starts_the_next_edition_as_a_draft_and_keeps_the_history()
    {
        var profile = new AbilityProfile(NewCase(), Now);
        Assert.Empty(profile.Save(Draft(), null, Today, Now, "u1"));
        Assert.Empty(profile.Save(Draft(), Today, Today, Now, "u1"));
        Assert.Equal((1, Today), (profile.Edition, profile.AgreedOn));

        // Saving the same content again does not open a new edition.
        Assert.Empty(profile.Save(Draft(), null, Today, Now, "u1"));
        Assert.Equal((1, Today), (profile.Edition, profile.AgreedOn));

        Assert.Empty(profile.Save(Draft("Gartenbau"), null, Today, Now, "u2"));
        Assert.Equal(2, profile.Edition);
        Assert.False(profile.IsAgreed);
        Assert.Equal(4, profile.Version);
        Assert.Equal([1, 1, 1, 2], profile.Revisions.Select(r => r.Edition));
        Assert.Equal("u2", profile.Revisions[^1].SavedBy);
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public void IFD01_a_profile_cannot_be_agreed_in_the_future_or_without_content_and_names_missing_cooperation()
    {
        var profile = new AbilityProfile(NewCase(), Now);
        var empty = new AbilityProfileDraft(null, null, null, null, null, null, null, null, null, false, false, null, null, null);

        var errors = profile.Save(empty, Today.AddDays(1), Today, Now, "u1");

        Assert.Equal(["abilities", "agreedOn"], errors.Select(e => e.Field));
        Assert.Equal(0, profile.Version);
        Assert.Single(profile.Save(empty with { Interests = "Holz" }, Today, Today, Now, "u1"));
        Assert.Empty(profile.Save(empty with { Interests = "Holz" }, null, Today, Now, "u1"));
        Assert.Equal(3, profile.CooperationHints().Count);
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public void IFD01_an_aborted_apprenticeship_needs_its_date_and_reason()
    {
        var a = new Apprenticeship(NewCase(), Now);
        var draft = new ApprenticeshipDraft(Guid.NewGuid(), "Koch", Chamber.Ihk, null, null, Today.AddYears(-1), Today.AddYears(2), null, null, ApprenticeshipStatus.Aborted, null, null);

        Assert.Equal(["endedOn", "abortReason"], a.Update(draft, Today).Select(e => e.Field));
        Assert.Empty(a.Update(draft with { EndedOn = Today, AbortReason = "Umzug" }, Today));
        Assert.Equal(ApprenticeshipStatus.Aborted, a.Status);
        Assert.Empty(a.Update(draft with { Status = ApprenticeshipStatus.Running, AbortReason = "x", EndedOn = Today }, Today));
        Assert.Null(a.AbortReason);
        Assert.Null(a.EndedOn);
    }

    [Fact]
    [Trait("Rule", "IFD-01")]
    public void IFD01_school_orientation_activities_are_dated_and_not_in_the_future()
    {
        var s = new SchoolOrientation(NewCase(), Now);
        Assert.Equal(["requestedOn", "schoolId"], s.Update(new SchoolOrientationDraft(null, null, null, null, null, null), Today).Select(e => e.Field));

        Assert.Equal(["kind", "date"], s.AddActivity(null, Today.AddDays(1), null, Today).Errors.Select(e => e.Field));
        var (activity, errors) = s.AddActivity(OrientationActivityKind.CareerConference, Today, "Ausbildung ab Herbst", Today);
        Assert.Empty(errors);
        Assert.Same(activity, Assert.Single(s.Activities));
        Assert.Equal(OrientationActivityKind.CareerConference, OrientationActivityKinds.Parse("career-conference"));
    }
}

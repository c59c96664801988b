using Teilhabe.Core.Cases;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Profiles;
using static Teilhabe.UnitTests.Cases.CaseBuilder;

namespace Teilhabe.UnitTests.Cases;

/// <summary>Kinds of commission (DOMAIN.md section 4) in the phase machine and the commission status.</summary>
public sealed class CommissionKindsTests
{
    private static readonly StateProfile Th = StateProfiles.Thuringia;

    [Fact]
    [Trait("Rule", "BA-SI-01")]
    public void BASI01_an_InA_Sicherung_is_requested_until_day_28_after_its_P3_date_and_commissioned_from_day_29()
    {
        var (c, _) = new CaseBuilder().InPhase(Phase.P3).ForIntegrationOffice().Build();
        var p3 = c.CommissionStart!.Value;
        Assert.Equal(p3.AddDays(28), CommissionKinds.ObjectionDeadline(p3, Th));
        Assert.Equal(CommissionKinds.Requested, CommissionKinds.StatusOf(c, true, p3.AddDays(27), Th));
        Assert.Equal(CommissionKinds.Requested, CommissionKinds.StatusOf(c, true, p3.AddDays(28), Th));
        Assert.Equal(CommissionKinds.Commissioned, CommissionKinds.StatusOf(c, true, p3.AddDays(29), Th));
        Assert.Null(CommissionKinds.StatusOf(c, false, p3.AddDays(3), Th));

        c.RecordObjection(p3.AddDays(27), "Reha-Träger vorrangig", "ina");
        Assert.Equal(CommissionKinds.Objected, CommissionKinds.StatusOf(c, true, p3.AddDays(40), Th));
    }

    [Fact]
    [Trait("Rule", "BA-SI-01")]
    public void BASI01_only_InA_funded_Sicherung_other_than_UB_and_stabilisation_is_a_request_for_commission()
    {
        var (sicherung, _) = new CaseBuilder().ForIntegrationOffice().Build();
        var (ub, _) = new CaseBuilder().ForIntegrationOffice("sgb9-55-3").Build();
        var (reha, _) = new CaseBuilder().ForRehabilitation().Build();
        Assert.True(CommissionKinds.IsInaRetention(sicherung, FunderKind.IntegrationOffice));
        Assert.False(CommissionKinds.IsInaRetention(sicherung, FunderKind.PensionInsurance));
        Assert.False(CommissionKinds.IsInaRetention(ub, FunderKind.IntegrationOffice));
        Assert.False(CommissionKinds.IsInaRetention(reha, FunderKind.PensionInsurance));
    }

    [Fact]
    [Trait("Rule", "BA-SI-01")]
    public void BASI01_an_objected_case_closes_with_objection_only_and_objection_needs_an_objection()
    {
        var (objected, client) = new CaseBuilder().InPhase(Phase.P3).ForIntegrationOffice().WithClosingResult().Build();
        objected.RecordObjection(Today.AddDays(-1), "Keine Zuständigkeit", "ina");
        var fulfilled = PhaseMachine.Check(Facts(objected, client, Phase.P4, o => { o.Reason = "fulfilled"; o.ReasonPhase = "P4"; o.Outcome = "other"; }));
        Assert.Contains(fulfilled.Violations, v => v.Rule == "BA-SI-01");
        var objection = PhaseMachine.Check(Facts(objected, client, Phase.P4, o => { o.Reason = "objection"; o.ReasonPhase = "P4"; o.Outcome = "other"; }));
        Assert.True(objection.Allowed, string.Join(" ", objection.Violations));

        var (plain, client2) = new CaseBuilder().InPhase(Phase.P3).ForIntegrationOffice().WithClosingResult().Build();
        var withoutObjection = PhaseMachine.Check(Facts(plain, client2, Phase.P4, o => { o.Reason = "objection"; o.ReasonPhase = "P4"; o.Outcome = "other"; }));
        Assert.Equal("BA-SI-01", Assert.Single(withoutObjection.Violations).Rule);
    }

    [Fact]
    [Trait("Rule", "BA-SI-02")]
    [Trait("Rule", "BA-UB-02")]
    [Trait("Rule", "BA-ST-02")]
    public void BASI02_the_planned_end_is_9_months_for_InA_Sicherung_12_for_InA_UB_6_for_stabilisation_and_open_for_a_Reha_UB()
    {
        var p3 = new DateOnly(2026, 3, 31);
        Assert.Equal(new DateOnly(2026, 12, 31), CommissionKinds.PlannedEnd(new CaseBuilder().ForIntegrationOffice().Build().Case, true, p3, Th));
        Assert.Equal(new DateOnly(2027, 3, 31), CommissionKinds.PlannedEnd(new CaseBuilder().ForIntegrationOffice("sgb9-55-3").Build().Case, true, p3, Th));
        Assert.Null(CommissionKinds.PlannedEnd(new CaseBuilder().ForIntegrationOffice("sgb9-55-3").Build().Case, false, p3, Th));
        Assert.Equal(new DateOnly(2026, 9, 30), CommissionKinds.PlannedEnd(new CaseBuilder().ForIntegrationOffice("sgb9-196-3").Build().Case, false, p3, Th));
    }

    [Fact]
    [Trait("Rule", "BA-SI-03")]
    public void BASI03_failed_Sicherung_is_refused_until_an_ending_employment_situation_was_recorded_since_the_P3_date()
    {
        var (c, client) = new CaseBuilder().InPhase(Phase.P3).ForIntegrationOffice().WithCompleteClient().WithClosingResult().Build();
        void Failed(CaseBuilder.FactsOptions o)
        {
            o.Reason = "retention-failed";
            o.ReasonPhase = "P4";
            o.Outcome = "job-ended-agreement";
        }

        var refused = PhaseMachine.Check(Facts(c, client, Phase.P4, Failed));
        Assert.Equal("BA-SI-03", Assert.Single(refused.Violations).Rule);

        // An ending situation recorded before the P3 date does not count.
        client.AddEmployment("unemployed", new DateOnly(2019, 1, 1), null, c.CommissionStart!.Value.AddDays(-1));
        Assert.Contains(PhaseMachine.Check(Facts(c, client, Phase.P4, Failed)).Violations, v => v.Rule == "BA-SI-03");

        // Recorded now, starting in the future (termination agreement): closing on the day of knowledge is allowed.
        client.AddEmployment("unemployed", Today.AddMonths(1), null, Today);
        var allowed = PhaseMachine.Check(Facts(c, client, Phase.P4, Failed));
        Assert.True(allowed.Allowed, string.Join(" ", allowed.Violations));
    }

    [Fact]
    [Trait("Rule", "BA-SI-03")]
    public void BASI03_failed_Sicherung_is_no_closing_reason_for_a_Vermittlung()
    {
        var (c, client) = new CaseBuilder().InPhase(Phase.P3).ForRehabilitation().WithClosingResult().Build();
        client.AddEmployment("unemployed", Today, null, Today);
        var check = PhaseMachine.Check(Facts(c, client, Phase.P4, o => { o.Reason = "retention-failed"; o.ReasonPhase = "P4"; o.Outcome = "other"; }));
        Assert.Contains(check.Violations, v => v.Rule == "BA-SI-03");
    }

    [Fact]
    [Trait("Rule", "BA-SI-05")]
    public void BASI05_P3_of_an_InA_Sicherung_warns_without_proof_of_status_or_insured_employment_but_does_not_refuse_for_it()
    {
        var (c, client) = new CaseBuilder().ForIntegrationOffice().WithSignedNotice().Build();
        client.AddEmployment("marginal-employment", Today.AddDays(-100), null, Today);
        var check = PhaseMachine.Check(Facts(c, client, Phase.P3));
        var warnings = check.Warnings.Where(w => w.Rule == "BA-SI-05").Select(w => w.Field).ToList();
        Assert.Contains("disabilityEvidence", warnings);
        Assert.Contains("employment", warnings);
        Assert.DoesNotContain(check.Violations, v => v.Rule == "BA-SI-05");

        var (fine, complete) = new CaseBuilder().ForIntegrationOffice().WithSignedNotice().WithCompleteClient().Build();
        Assert.DoesNotContain(PhaseMachine.Check(Facts(fine, complete, Phase.P3)).Warnings, w => w.Rule == "BA-SI-05");
    }

    [Fact]
    [Trait("Rule", "BA-SI-04")]
    public void BASI04_a_Wiedereingliederung_on_an_InA_case_warns_to_check_the_Reha_Traeger_unless_Krankengeld_is_received()
    {
        var (c, client) = new CaseBuilder().ForIntegrationOffice().WithSignedNotice().WithCompleteClient().Build();
        var without = PhaseMachine.Check(Facts(c, client, Phase.P3) with { ReintegrationRecorded = true });
        Assert.Contains(without.Warnings, w => w.Rule == "BA-SI-04");
        var withSickPay = PhaseMachine.Check(Facts(c, client, Phase.P3) with { ReintegrationRecorded = true, SickPayReceived = true });
        Assert.DoesNotContain(withSickPay.Warnings, w => w.Rule == "BA-SI-04");
        Assert.DoesNotContain(PhaseMachine.Check(Facts(c, client, Phase.P3)).Warnings, w => w.Rule == "BA-SI-04");
    }

    [Fact]
    [Trait("Rule", "BA-UB-01")]
    public void BAUB01_UB_reaches_P3_only_from_the_first_day_of_the_employment()
    {
        var (c, client) = new CaseBuilder().ForIntegrationOffice("sgb9-55-3").WithSignedNotice().WithCompleteClient().Build();
        client.AddEmployment("employed", Today.AddDays(3), null, Today);
        var early = PhaseMachine.Check(Facts(c, client, Phase.P3));
        Assert.Contains(early.Violations, v => v.Rule == "BA-UB-01");
        var onTheDay = PhaseMachine.Check(Facts(c, client, Phase.P3) with { Date = Today.AddDays(3), Today = Today.AddDays(3) });
        Assert.DoesNotContain(onTheDay.Violations, v => v.Rule == "BA-UB-01");
    }

    [Theory]
    [Trait("Rule", "BA-ST-01")]
    [InlineData("employed", "permanent-employment")]
    [InlineData("apprenticeship", "apprenticeship")]
    public void BAST01_the_closed_Vermittlung_gets_the_outcome_fitting_the_employment(string kind, string outcome)
        => Assert.Equal(outcome, CommissionKinds.PlacementOutcomeFor(kind));
}

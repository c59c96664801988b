using Teilhabe.Core.Cases;
using Teilhabe.Core.Profiles;
using static Teilhabe.UnitTests.Cases.CaseBuilder;

namespace Teilhabe.UnitTests.Cases;

/// <summary>The refusals of the kinds of commission (DOMAIN.md section 4), checked by the core's rule class.</summary>
public sealed class CommissionRuleTests
{
    private static readonly StateProfile Th = StateProfiles.Thuringia;

    [Fact]
    [Trait("Rule", "BA-SI-01")]
    public void BASI01_objection_is_refused_for_a_case_that_is_no_InA_Sicherung_in_P3_and_without_a_reason()
    {
        var (p1, _) = new CaseBuilder().ForIntegrationOffice().Build();
        var refused = CommissionRules.CheckObjection(p1, inaRetention: true, reason: null, Today, Th);
        Assert.Contains(refused, v => v.Rule == "BA-SI-01" && v.Field == "phase");
        Assert.Contains(refused, v => v.Rule == "BA-SI-01" && v.Field == "reason");

        var (p3, _) = new CaseBuilder().InPhase(Phase.P3).ForIntegrationOffice().Build();
        Assert.Empty(CommissionRules.CheckObjection(p3, inaRetention: true, "Reha-Träger vorrangig", Today, Th));
        Assert.Contains(CommissionRules.CheckObjection(p3, inaRetention: false, "Reha-Träger vorrangig", Today, Th), v => v.Rule == "BA-SI-01");
    }

    [Fact]
    [Trait("Rule", "BA-SI-01")]
    public void BASI01_objection_is_refused_after_the_objection_weeks_and_a_second_time()
    {
        var (c, _) = new CaseBuilder().InPhase(Phase.P3).ForIntegrationOffice().Build();
        var deadline = CommissionKinds.ObjectionDeadline(c.CommissionStart!.Value, Th);
        Assert.Empty(CommissionRules.CheckObjection(c, true, "Grund", deadline, Th));
        Assert.Equal("BA-SI-01", Assert.Single(CommissionRules.CheckObjection(c, true, "Grund", deadline.AddDays(1), Th)).Rule);

        c.RecordObjection(Today, "Grund", "ina");
        var again = Assert.Single(CommissionRules.CheckObjection(c, true, "Noch einmal", Today, Th));
        Assert.Equal("BA-SI-01", again.Rule);
        Assert.Contains("bereits", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "BA-EXT-01")]
    public void BAEXT01_extension_needs_a_running_extendable_P3_case_a_progress_report_and_a_later_end()
    {
        var (c, _) = new CaseBuilder().InPhase(Phase.P3).ForIntegrationOffice().Build();
        c.SetPlannedEnd(Today.AddMonths(3));
        Assert.Empty(CommissionRules.CheckExtensionRequest(c, extendable: true, pendingRequest: false, "Sachstand", Today.AddMonths(6), Today, Th));

        Assert.Contains(CommissionRules.CheckExtensionRequest(c, extendable: false, false, "Sachstand", Today.AddMonths(6), Today, Th), v => v.Rule == "BA-EXT-01" && v.Field == "phase");
        Assert.Contains(CommissionRules.CheckExtensionRequest(c, true, false, " ", Today.AddMonths(6), Today, Th), v => v.Rule == "BA-EXT-01" && v.Field == "progressReport");
        Assert.Contains(CommissionRules.CheckExtensionRequest(c, true, false, "Sachstand", Today.AddMonths(2), Today, Th), v => v.Rule == "BA-EXT-01" && v.Field == "requestedEndDate");
        Assert.Contains(CommissionRules.CheckExtensionRequest(c, true, pendingRequest: true, "Sachstand", Today.AddMonths(6), Today, Th), v => v.Rule == "BA-EXT-01" && v.Field is null);
    }

    [Fact]
    [Trait("Rule", "BA-EXT-01")]
    public void BAEXT01_extension_is_requested_at_least_the_lead_weeks_before_the_planned_end()
    {
        var (c, _) = new CaseBuilder().InPhase(Phase.P3).ForIntegrationOffice().Build();
        var end = Today.AddDays(7 * Th.ExtensionLeadWeeks);
        c.SetPlannedEnd(end);
        Assert.Empty(CommissionRules.CheckExtensionRequest(c, true, false, "Sachstand", end.AddMonths(3), Today, Th));
        var late = Assert.Single(CommissionRules.CheckExtensionRequest(c, true, false, "Sachstand", end.AddMonths(3), Today.AddDays(1), Th));
        Assert.Equal("BA-EXT-01", late.Rule);
    }

    [Fact]
    [Trait("Rule", "BA-EXT-01")]
    public void BAEXT01_an_extension_is_decided_once_and_an_approval_moves_the_end_later()
    {
        var (c, _) = new CaseBuilder().InPhase(Phase.P3).ForIntegrationOffice().Build();
        c.SetPlannedEnd(Today.AddMonths(3));
        var request = new ExtensionRequest(c, "Sachstand", Today.AddMonths(6), Today, "cw");
        Assert.Empty(CommissionRules.CheckExtensionDecision(c, request, approved: true, null, Today.AddMonths(6)));
        Assert.Contains(CommissionRules.CheckExtensionDecision(c, request, approved: true, null, Today.AddMonths(2)), v => v.Rule == "BA-EXT-01" && v.Field == "newEndDate");

        request.Decide(true, null, Today.AddMonths(6), Today, "ina");
        Assert.Contains(CommissionRules.CheckExtensionDecision(c, request, approved: false, null, Today.AddMonths(6)), v => v.Rule == "BA-EXT-01" && v.Field is null);
    }

    [Fact]
    [Trait("Rule", "BA-IB-01")]
    public void BAIB01_application_needs_the_need_beyond_217_and_an_open_case_and_is_decided_once()
    {
        var (c, _) = new CaseBuilder().InPhase(Phase.P3).ForIntegrationOffice().Build();
        Assert.Empty(CommissionRules.CheckInclusionCompanyApplication(c, "Begleitung am Arbeitsplatz"));
        Assert.Equal("BA-IB-01", Assert.Single(CommissionRules.CheckInclusionCompanyApplication(c, "")).Rule);

        var (closed, _) = new CaseBuilder().InPhase(Phase.P4).ForIntegrationOffice().WithClosingResult().Build();
        Assert.Contains(CommissionRules.CheckInclusionCompanyApplication(closed, "Bedarf"), v => v.Rule == "BA-IB-01" && v.Field == "phase");

        var application = new InclusionCompanyApplication(c, "Bedarf", Today, "cw");
        Assert.Empty(CommissionRules.CheckInclusionCompanyDecision(application, true, null));
        application.Decide(true, null, Today, "ina");
        Assert.Equal("BA-IB-01", Assert.Single(CommissionRules.CheckInclusionCompanyDecision(application, false, null)).Rule);
    }

    [Fact]
    [Trait("Rule", "BA-ST-01")]
    public void BAST01_successful_placement_needs_a_placement_in_P3_and_every_fact_of_the_new_Sicherung()
    {
        var (c, _) = new CaseBuilder().InPhase(Phase.P3).ForRehabilitation().WithClosingResult().Build();
        var complete = new CommissionRules.PlacementFacts(Today.AddDays(7), "employed", true, CommissionKinds.Stabilisation, Today, "2026-01", "2026-01");
        Assert.Empty(CommissionRules.CheckPlacement(c, complete, Today));

        Assert.Contains(CommissionRules.CheckPlacement(c, complete with { JobStart = c.PhaseSince }, Today), v => v.Rule == "BA-ST-01" && v.Field == "jobStart");
        Assert.Contains(CommissionRules.CheckPlacement(c, complete with { EmploymentKindCode = "unemployed" }, Today), v => v.Rule == "BA-ST-01" && v.Field == "employmentKindCode");
        Assert.Contains(CommissionRules.CheckPlacement(c, complete with { EmployerKnown = false }, Today), v => v.Rule == "BA-ST-01" && v.Field == "institutionId");
        Assert.Contains(CommissionRules.CheckPlacement(c, complete with { LegalBasisCode = "sgb9-185-2" }, Today), v => v.Rule == "BA-ST-01" && v.Field == "legalBasisCode");
        Assert.Contains(CommissionRules.CheckPlacement(c, complete with { NoticeSignedOn = Today.AddDays(1) }, Today), v => v.Rule == "BA-ST-01" && v.Field == "dataProtectionNoticeSignedOn");
        Assert.Contains(CommissionRules.CheckPlacement(c, complete with { NoticeVersion = "2019-01" }, Today), v => v.Rule == "DOC-04");

        var (retention, _) = new CaseBuilder().InPhase(Phase.P3).ForIntegrationOffice().WithClosingResult().Build();
        Assert.Contains(CommissionRules.CheckPlacement(retention, complete, Today), v => v.Rule == "BA-ST-01" && v.Field == "phase");
        var (withoutResult, _) = new CaseBuilder().InPhase(Phase.P3).ForRehabilitation().Build();
        Assert.Contains(CommissionRules.CheckPlacement(withoutResult, complete, Today), v => v.Rule == "PH-P4-02");
    }

    [Fact]
    [Trait("Rule", "BA-ST-01")]
    public void BAST01_a_missing_file_of_the_new_Sicherung_names_BA_ST_01_and_PH_P3_01()
        => Assert.Equal(["BA-ST-01", "PH-P3-01"], CommissionRules.MissingPlacementFile("goalAgreement", "Zielvereinbarung").Select(v => v.Rule));
}

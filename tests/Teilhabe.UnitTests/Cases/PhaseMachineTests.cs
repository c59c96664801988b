using Teilhabe.Core.Cases;
using Teilhabe.Core.Directory;
using static Teilhabe.UnitTests.Cases.CaseBuilder;

namespace Teilhabe.UnitTests.Cases;

public sealed class PhaseMachineTests
{
    private static readonly HashSet<(Phase, Phase)> AllowedForMainCases =
    [
        (Phase.P1, Phase.P2), (Phase.P1, Phase.P3), (Phase.P1, Phase.P4),
        (Phase.P2, Phase.P3), (Phase.P2, Phase.P4),
        (Phase.P3, Phase.P4),
        (Phase.FP1, Phase.FP3), (Phase.FP1, Phase.FP5),
        (Phase.FP3, Phase.FP4), (Phase.FP3, Phase.FP5),
    ];

    public static TheoryData<Phase, Phase> AllPairs()
    {
        var data = new TheoryData<Phase, Phase>();
        foreach (var from in Enum.GetValues<Phase>())
        {
            foreach (var to in Enum.GetValues<Phase>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void PH00_every_from_to_pair_is_allowed_exactly_as_the_diagram_says(Phase from, Phase to)
        => Assert.Equal(AllowedForMainCases.Contains((from, to)), PhaseMachine.IsAllowedEdge(from, to, additionalStatement: false));

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void PH00_additional_statements_go_FP1_to_FP4_directly_and_never_through_FP3(Phase from, Phase to)
    {
        var expected = (from, to) is (Phase.FP1, Phase.FP4) or (Phase.FP1, Phase.FP5) or (Phase.FP3, Phase.FP5) or (Phase.FP3, Phase.FP4)
            || (AllowedForMainCases.Contains((from, to)) && !PhaseLabels.IsExpertStatement(from));
        Assert.Equal(expected, PhaseMachine.IsAllowedEdge(from, to, additionalStatement: true));
    }

    [Fact]
    public void PH00_a_refused_edge_names_PH00()
    {
        var (c, client) = new CaseBuilder().InPhase(Phase.P3).ForIntegrationOffice().Build();
        var check = PhaseMachine.Check(Facts(c, client, Phase.P2));
        Assert.Equal("PH-00", Assert.Single(check.Violations).Rule);
    }

    [Fact]
    public void PHFDS01_choosing_care_type_FDS_creates_the_case_in_FP1()
    {
        var (c, _) = new CaseBuilder().AsExpertStatement().Build();
        Assert.Equal(Phase.FP1, c.Phase);
        var (plain, _) = new CaseBuilder().Build();
        Assert.Equal(Phase.P1, plain.Phase);
    }

    [Fact]
    public void PHP201_P2_is_refused_listing_every_missing_item_at_once()
    {
        var (c, client) = new CaseBuilder().Build();
        var check = PhaseMachine.Check(Facts(c, client, Phase.P2));
        Assert.False(check.Allowed);
        Assert.Contains(check.Violations, v => v.Rule == "PH-P2-01" && v.Field == "dataProtectionNotice");
        Assert.Contains(check.Violations, v => v.Rule == "PH-P2-01" && v.Field == "documents.DisabilityProof");
        Assert.Contains(check.Violations, v => v.Rule == "PH-P2-01" && v.Field == "documents.DataProtectionNotice");
        Assert.Contains(check.Violations, v => v.Rule == "PH-P2-01" && v.Field == "plannedContents");
        Assert.Contains(check.Violations, v => v.Rule == "DOC-REQ");
    }

    [Fact]
    public void PHP201_P2_is_allowed_with_signed_and_uploaded_notice_proof_and_planned_contents()
    {
        var (c, client) = new CaseBuilder().WithSignedNotice().WithPlannedContents().Build();
        var check = PhaseMachine.Check(Facts(c, client, Phase.P2, o => o.Documents = [DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice]));
        Assert.True(check.Allowed, string.Join("; ", check.Violations));
    }

    [Fact]
    public void DIS01_an_SB_Ausweis_is_not_accepted_as_proof_for_P2()
    {
        var (c, client) = new CaseBuilder().WithSignedNotice().WithPlannedContents().Build();
        var check = PhaseMachine.Check(Facts(c, client, Phase.P2, o => o.Documents = [DocumentKind.DisabilityCard, DocumentKind.DataProtectionNotice]));
        Assert.Contains(check.Violations, v => v.Field == "documents.DisabilityProof" && v.Message.Contains("DIS-01", StringComparison.Ordinal));
    }

    [Fact]
    public void PHP201_several_concerns_only_warn()
    {
        var (c, client) = new CaseBuilder().WithSignedNotice().WithPlannedContents().Build();
        c.UpdateTexts(c.Texts with { Concern = "- Konflikt mit Vorgesetztem\n- Umsetzung auf anderen Arbeitsplatz" });
        var check = PhaseMachine.Check(Facts(c, client, Phase.P2, o => o.Documents = [DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice]));
        Assert.True(check.Allowed);
        Assert.Contains(check.Warnings, w => w.Rule == "PH-P2-01" && w.Field == "concern");
    }

    [Fact]
    public void DOC04_a_notice_signed_on_an_outdated_version_is_refused()
    {
        var (c, client) = new CaseBuilder().WithPlannedContents().Build();
        c.SignDataProtectionNotice(Today.AddDays(-2), "2024-01", null);
        var check = PhaseMachine.Check(Facts(c, client, Phase.P2, o => o.Documents = [DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice]));
        Assert.Contains(check.Violations, v => v.Rule == "DOC-04");
    }

    [Fact]
    public void FU01_in_P2_funder_without_care_type_is_refused()
    {
        var (c, client) = new CaseBuilder().WithSignedNotice().WithPlannedContents().Build();
        c.Update(new CaseSettings(Guid.NewGuid(), null, null, "support-need", "self"));
        var check = PhaseMachine.Check(Facts(c, client, Phase.P2, o =>
        {
            o.Documents = [DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice];
            o.FunderKind = FunderKind.IntegrationOffice;
        }));
        Assert.Contains(check.Violations, v => v.Rule == "FU-01");
    }

    [Fact]
    public void PHP204_a_renewed_P2_needs_a_prior_agreement_with_InA()
    {
        var (c, client) = new CaseBuilder().WithSignedNotice().WithPlannedContents().Build();
        var docs = new HashSet<DocumentKind> { DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice };
        Assert.Contains(PhaseMachine.Check(Facts(c, client, Phase.P2, o => { o.Documents = docs; o.EarlierCounselling = true; })).Violations, v => v.Rule == "PH-P2-04");

        var (agreed, client2) = new CaseBuilder().WithSignedNotice().WithPlannedContents().WithAgreement(CaseAgreement.P2Renewal).Build();
        Assert.True(PhaseMachine.Check(Facts(agreed, client2, Phase.P2, o => { o.Documents = docs; o.EarlierCounselling = true; })).Allowed);
    }

    [Fact]
    public void CT03_a_phase_date_older_than_six_weeks_or_in_the_future_is_refused()
    {
        var (c, client) = new CaseBuilder().Build();
        Assert.Contains(PhaseMachine.Check(Facts(c, client, Phase.P4, o => { o.Date = Today.AddDays(-43); o.Reason = "fulfilled"; o.ReasonPhase = "P4"; })).Violations, v => v.Rule == "CT-03");
        Assert.Contains(PhaseMachine.Check(Facts(c, client, Phase.P4, o => { o.Date = Today.AddDays(1); o.Reason = "fulfilled"; o.ReasonPhase = "P4"; })).Violations, v => v.Rule == "CT-03");
        Assert.True(PhaseMachine.Check(Facts(c, client, Phase.P4, o => { o.Date = Today.AddDays(-14); o.Reason = "fulfilled"; o.ReasonPhase = "P4"; })).Allowed);
    }

    [Fact]
    public void PHP301_P3_for_an_InA_case_is_refused_without_goal_agreement()
    {
        var (c, client) = new CaseBuilder().ForIntegrationOffice().WithSignedNotice().WithCompleteClient().Build();
        var check = PhaseMachine.Check(Facts(c, client, Phase.P3, o => o.Documents = [DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice]));
        Assert.Contains(check.Violations, v => v.Rule == "PH-P3-01" && v.Field == "documents.GoalAgreement");
        Assert.DoesNotContain(check.Violations, v => v.Field == "documents.WrittenCommission");
    }

    [Fact]
    public void PHP301_P3_for_a_Reha_case_also_needs_the_written_commission()
    {
        var (c, client) = new CaseBuilder().ForRehabilitation().WithSignedNotice().WithCompleteClient().Build();
        var check = PhaseMachine.Check(Facts(c, client, Phase.P3, o => o.Documents = [DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice, DocumentKind.GoalAgreement]));
        Assert.Contains(check.Violations, v => v.Rule == "PH-P3-01" && v.Field == "documents.WrittenCommission");
    }

    [Fact]
    public void PHP301_the_missing_statistical_fields_are_listed_by_name()
    {
        var (c, client) = new CaseBuilder().ForIntegrationOffice().WithSignedNotice().Build();
        var check = PhaseMachine.Check(Facts(c, client, Phase.P3, o => o.Documents = [DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice, DocumentKind.GoalAgreement]));
        Assert.Contains(check.Violations, v => v.Rule == "PH-P3-01" && v.Field == "client.workingLifePosition");
        Assert.Contains(check.Violations, v => v.Rule == "PH-P3-01" && v.Field == "client.careRelevantDisability");
        Assert.Contains(check.Violations, v => v.Rule == "PH-P3-01" && v.Field == "client.employmentSituation");
    }

    [Fact]
    public void PHP301_P3_is_allowed_from_P1_when_everything_is_there()
    {
        var (c, client) = new CaseBuilder().ForIntegrationOffice().WithSignedNotice().WithCompleteClient().Build();
        var check = PhaseMachine.Check(Facts(c, client, Phase.P3, o => o.Documents = [DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice, DocumentKind.GoalAgreement]));
        Assert.True(check.Allowed, string.Join("; ", check.Violations));
    }

    [Fact]
    public void FU02_an_InA_case_in_P3_has_care_type_Sicherung()
    {
        var (c, client) = new CaseBuilder().ForIntegrationOffice(careType: CareTypes.Placement).WithSignedNotice().WithCompleteClient().Build();
        var check = PhaseMachine.Check(Facts(c, client, Phase.P3, o => o.Documents = [DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice, DocumentKind.GoalAgreement]));
        Assert.Contains(check.Violations, v => v.Rule == "FU-02");
    }

    [Fact]
    public void FU06_a_legal_basis_of_another_Auftraggeber_group_than_the_funder_is_refused()
    {
        var (c, client) = new CaseBuilder().ForIntegrationOffice().WithSignedNotice().WithCompleteClient().Build();
        var check = PhaseMachine.Check(Facts(c, client, Phase.P3, o =>
        {
            o.Documents = [DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice, DocumentKind.GoalAgreement];
            o.FunderKind = FunderKind.Jobcenter;
        }));
        Assert.Contains(check.Violations, v => v.Rule == "FU-06");
    }

    [Fact]
    public void PHP205_P2_to_P3_requires_a_personal_contact_and_P2_to_P4_only_warns()
    {
        var docs = new HashSet<DocumentKind> { DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice, DocumentKind.GoalAgreement };
        var (c, client) = new CaseBuilder().InPhase(Phase.P2).ForIntegrationOffice().WithSignedNotice().WithCompleteClient().WithAgreement(CaseAgreement.P2ToP3).Build();
        Assert.Contains(PhaseMachine.Check(Facts(c, client, Phase.P3, o => o.Documents = docs)).Violations, v => v.Rule == "PH-P2-05");
        Assert.True(PhaseMachine.Check(Facts(c, client, Phase.P3, o => { o.Documents = docs; o.PersonalContactsInP2 = 1; })).Allowed);

        var (p2, client2) = new CaseBuilder().InPhase(Phase.P2).WithClosingResult().Build();
        var closing = PhaseMachine.Check(Facts(p2, client2, Phase.P4, o => { o.Reason = "no-further-need"; o.ReasonPhase = "P4"; o.Outcome = "other"; }));
        Assert.True(closing.Allowed);
        Assert.Contains(closing.Warnings, w => w.Rule == "PH-P2-05");
    }

    [Fact]
    public void PHP204_P2_to_P3_of_an_InA_case_needs_a_prior_agreement()
    {
        var docs = new HashSet<DocumentKind> { DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice, DocumentKind.GoalAgreement };
        var (c, client) = new CaseBuilder().InPhase(Phase.P2).ForIntegrationOffice().WithSignedNotice().WithCompleteClient().Build();
        Assert.Contains(PhaseMachine.Check(Facts(c, client, Phase.P3, o => { o.Documents = docs; o.PersonalContactsInP2 = 1; })).Violations, v => v.Rule == "PH-P2-04");
    }

    [Fact]
    public void PHP303_and_PHP304_a_second_InA_P3_within_a_month_is_refused_and_later_needs_agreement()
    {
        var docs = new HashSet<DocumentKind> { DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice, DocumentKind.GoalAgreement };
        var (c, client) = new CaseBuilder().ForIntegrationOffice().WithSignedNotice().WithCompleteClient().Build();
        var recent = PhaseMachine.Check(Facts(c, client, Phase.P3, o => { o.Documents = docs; o.LatestOtherInaCommission = Today.AddDays(-20); }));
        Assert.Contains(recent.Violations, v => v.Rule == "PH-P3-03");
        Assert.Contains(recent.Violations, v => v.Rule == "PH-P3-04");

        var (agreed, client2) = new CaseBuilder().ForIntegrationOffice().WithSignedNotice().WithCompleteClient().WithAgreement(CaseAgreement.P3Renewal).Build();
        var later = PhaseMachine.Check(Facts(agreed, client2, Phase.P3, o => { o.Documents = docs; o.LatestOtherInaCommission = Today.AddMonths(-3); }));
        Assert.True(later.Allowed, string.Join("; ", later.Violations));
    }

    [Fact]
    public void PHP401_P4_without_reason_is_refused()
    {
        var (c, client) = new CaseBuilder().Build();
        Assert.Contains(PhaseMachine.Check(Facts(c, client, Phase.P4)).Violations, v => v.Rule == "PH-P4-01");
        Assert.Contains(PhaseMachine.Check(Facts(c, client, Phase.P4, o => { o.Reason = "client-refuses"; o.ReasonPhase = "FP5"; })).Violations, v => v.Rule == "PH-P4-01");
    }

    [Fact]
    public void PHP402_P3_to_P4_needs_closing_result_and_outcome_but_P1_closes_without()
    {
        var (p3, client) = new CaseBuilder().InPhase(Phase.P3).ForIntegrationOffice().Build();
        var check = PhaseMachine.Check(Facts(p3, client, Phase.P4, o => { o.Reason = "fulfilled"; o.ReasonPhase = "P4"; }));
        Assert.Contains(check.Violations, v => v.Rule == "PH-P4-02" && v.Field == "closingResult");
        Assert.Contains(check.Violations, v => v.Rule == "PH-P4-02" && v.Field == "outcomeCategoryCode");

        var (p1, client1) = new CaseBuilder().Build();
        Assert.True(PhaseMachine.Check(Facts(p1, client1, Phase.P4, o => { o.Reason = "no-further-need"; o.ReasonPhase = "P4"; })).Allowed);
    }

    [Fact]
    public void PHFDS02_FP1_to_FP3_needs_funder_kind_of_statement_proof_commission_and_notice()
    {
        var (c, client) = new CaseBuilder().AsExpertStatement().Build();
        var check = PhaseMachine.Check(Facts(c, client, Phase.FP3));
        Assert.Contains(check.Violations, v => v.Rule == "PH-FDS-02" && v.Field == "documents.WrittenCommission");
        Assert.Contains(check.Violations, v => v.Rule == "PH-FDS-02" && v.Field == "dataProtectionNotice");

        var (ok, client2) = new CaseBuilder().AsExpertStatement().WithSignedNotice().Build();
        Assert.True(PhaseMachine.Check(Facts(ok, client2, Phase.FP3, o => o.Documents = [DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice, DocumentKind.WrittenCommission])).Allowed);
    }

    [Fact]
    public void PHFDS03_FP3_to_FP4_needs_the_statement_and_the_confidentiality_release_and_reminds_of_the_post()
    {
        var (c, client) = new CaseBuilder().AsExpertStatement().WithSignedNotice().InPhase(Phase.FP3).Build();
        Assert.Contains(PhaseMachine.Check(Facts(c, client, Phase.FP4, o => o.Documents = [DocumentKind.ExpertStatement])).Violations, v => v.Rule == "PH-FDS-03" && v.Field == "documents.ConfidentialityRelease");
        var done = PhaseMachine.Check(Facts(c, client, Phase.FP4, o => o.Documents = [DocumentKind.ExpertStatement, DocumentKind.ConfidentialityRelease]));
        Assert.True(done.Allowed);
        Assert.Contains(done.Warnings, w => w.Rule == "PH-FDS-03" && w.Message.Contains("Post", StringComparison.Ordinal));
    }

    [Fact]
    public void PHFDS04_a_return_because_the_client_refuses_lists_what_goes_beyond_the_commission_and_needs_confirmation()
    {
        var (c, client) = new CaseBuilder().AsExpertStatement().WithSignedNotice().WithPlannedContents().Build();
        var unconfirmed = PhaseMachine.Check(Facts(c, client, Phase.FP5, o => { o.Reason = PhaseMachine.ClientRefuses; o.ReasonPhase = "FP5"; o.Documents = [DocumentKind.WrittenCommission, DocumentKind.Other]; }));
        var violation = Assert.Single(unconfirmed.Violations);
        Assert.Equal("PH-FDS-04", violation.Rule);
        Assert.Contains("Geplante Inhalte und Maßnahmen", violation.Message, StringComparison.Ordinal);
        Assert.Contains("Sonstiges Dokument", violation.Message, StringComparison.Ordinal);

        var confirmed = PhaseMachine.Check(Facts(c, client, Phase.FP5, o => { o.Reason = PhaseMachine.ClientRefuses; o.ReasonPhase = "FP5"; o.ConfirmPurge = true; }));
        Assert.True(confirmed.Allowed);
        c.MoveTo(Phase.FP5, Today, "cw", DateTimeOffset.UtcNow, PhaseMachine.ClientRefuses, null, null);
        Assert.Contains("PlannedContents", c.PurgeBeyondCommission());
        Assert.True(c.RestrictedToCommission);
        Assert.Null(c.Texts.PlannedContents);
    }

    [Fact]
    public void PHFDS05_an_additional_statement_goes_FP1_to_FP4_with_the_finished_document_only()
    {
        var (c, client) = new CaseBuilder().AsExpertStatement(parent: Guid.NewGuid(), legalBasis: "fds-jobcoaching").Build();
        var missing = PhaseMachine.Check(Facts(c, client, Phase.FP4, o => o.ParentCareType = CareTypes.Retention));
        Assert.Contains(missing.Violations, v => v.Rule == "PH-FDS-05" && v.Field == "documents.ExpertStatement");
        Assert.DoesNotContain(missing.Violations, v => v.Field is "dataProtectionNotice" or "documents.WrittenCommission");

        Assert.True(PhaseMachine.Check(Facts(c, client, Phase.FP4, o => { o.ParentCareType = CareTypes.Retention; o.Documents = [DocumentKind.ExpertStatement]; })).Allowed);
        Assert.Contains(PhaseMachine.Check(Facts(c, client, Phase.FP4, o => { o.ParentCareType = CareTypes.Placement; o.Documents = [DocumentKind.ExpertStatement]; })).Violations, v => v.Rule == "PH-FDS-05");
        Assert.True(PhaseMachine.Check(Facts(c, client, Phase.FP4, o => { o.ParentCareType = CareTypes.Placement; o.ParentLegalBasis = "sgb9-55-3"; o.Documents = [DocumentKind.ExpertStatement]; })).Allowed);
    }

    [Fact]
    public void PHFDS06_the_27_SchwbAV_recommendation_needs_confirmations_and_no_earlier_employer_application()
    {
        var (c, client) = new CaseBuilder().AsExpertStatement(parent: Guid.NewGuid(), legalBasis: "fds-27-schwbav").Build();
        var docs = new HashSet<DocumentKind> { DocumentKind.ExpertStatement };
        Assert.Contains(PhaseMachine.Check(Facts(c, client, Phase.FP4, o => { o.ParentCareType = CareTypes.Retention; o.Documents = docs; })).Violations, v => v.Rule == "PH-FDS-06");

        c.ConfirmSchwbAv27(employerAppliedBefore: true, withIfdSupport: true, measuresExhausted: true);
        Assert.Contains(PhaseMachine.Check(Facts(c, client, Phase.FP4, o => { o.ParentCareType = CareTypes.Retention; o.Documents = docs; })).Violations, v => v.Rule == "PH-FDS-06");

        c.ConfirmSchwbAv27(employerAppliedBefore: false, withIfdSupport: true, measuresExhausted: true);
        Assert.True(PhaseMachine.Check(Facts(c, client, Phase.FP4, o => { o.ParentCareType = CareTypes.Retention; o.Documents = docs; })).Allowed);
    }
}

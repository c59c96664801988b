using Teilhabe.Core.Cases;
using static Teilhabe.UnitTests.Cases.CaseBuilder;

namespace Teilhabe.UnitTests.Cases;

/// <summary>Rules on a case's settings and records outside the phase machine, checked by the core's rule class.</summary>
public sealed class CaseRuleTests
{
    [Fact]
    [Trait("Rule", "PH-FDS-05")]
    public void PHFDS05_only_the_two_FDS_statements_belong_to_a_Sicherung_or_UB_main_case()
    {
        var (retention, _) = new CaseBuilder().ForIntegrationOffice().Build();
        Assert.Null(CaseRules.CheckSubCase(retention, CareTypes.ExpertStatement, "fds-27-schwbav"));
        Assert.Null(CaseRules.CheckSubCase(retention, CareTypes.ExpertStatement, "fds-jobcoaching"));
        Assert.Equal("legalBasisCode", CaseRules.CheckSubCase(retention, CareTypes.ExpertStatement, "fds-ina")?.Field);

        var (placement, _) = new CaseBuilder().ForRehabilitation().Build();
        var refused = CaseRules.CheckSubCase(placement, CareTypes.ExpertStatement, "fds-jobcoaching");
        Assert.Equal(("PH-FDS-05", "parentCaseId"), (refused?.Rule, refused?.Field));
    }

    [Fact]
    [Trait("Rule", "PH-FDS-05")]
    public void PHFDS05_an_additional_FDS_statement_records_no_outcomes()
    {
        var (statement, _) = new CaseBuilder().AsExpertStatement(parent: Guid.NewGuid(), legalBasis: "fds-jobcoaching").Build();
        Assert.Equal("PH-FDS-05", CaseRules.CheckOutcomeAllowed(statement)?.Rule);
        var (main, _) = new CaseBuilder().ForIntegrationOffice().Build();
        Assert.Null(CaseRules.CheckOutcomeAllowed(main));
    }

    [Fact]
    [Trait("Rule", "PH-P3-02")]
    public void PHP302_after_P3_funder_and_legal_basis_change_only_through_the_guided_change()
    {
        var (c, _) = new CaseBuilder().InPhase(Phase.P3).ForIntegrationOffice().Build();
        var same = new CaseSettings(c.FunderId, c.CareTypeCode, c.LegalBasisCode, c.CaseGroupCode, c.ReferringBodyCode);
        Assert.Empty(CaseRules.CheckEdit(c, same, new CaseTexts()));
        var refused = Assert.Single(CaseRules.CheckEdit(c, same with { FunderId = Guid.NewGuid() }, new CaseTexts()));
        Assert.Equal(("PH-P3-02", "funderId"), (refused.Rule, refused.Field));

        Assert.Empty(CaseRules.CheckFunderChange(c, funderChanged: true, basisChanged: false));
        Assert.Contains(CaseRules.CheckFunderChange(c, funderChanged: false, basisChanged: false), v => v.Rule == "PH-P3-02" && v.Field == "funderId");
        var (p1, _) = new CaseBuilder().ForIntegrationOffice().Build();
        Assert.Contains(CaseRules.CheckFunderChange(p1, funderChanged: true, basisChanged: false), v => v.Rule == "PH-P3-02" && v.Field == "phase");
    }

    [Theory]
    [Trait("Rule", "PH-FDS-01")]
    [InlineData(Phase.P1)]
    [InlineData(Phase.P2)]
    public void PHFDS01_a_case_of_the_phases_P1_to_P4_does_not_become_an_FDS_and_the_refusal_says_to_open_one(Phase phase)
    {
        var (c, _) = new CaseBuilder().InPhase(phase).ForIntegrationOffice().Build();
        var toFds = new CaseSettings(c.FunderId, CareTypes.ExpertStatement, c.LegalBasisCode, c.CaseGroupCode, c.ReferringBodyCode);

        var refused = Assert.Single(CaseRules.CheckEdit(c, toFds, new CaseTexts()));

        Assert.Equal(("PH-FDS-01", "careTypeCode"), (refused.Rule, refused.Field));
        Assert.Contains("neuen Auftrag mit der Betreuungsart FDS anlegen", refused.Message);
    }

    [Fact]
    [Trait("Rule", "PH-00")]
    public void PH00_an_FDS_does_not_switch_to_the_phases_P1_to_P4()
    {
        var (c, _) = new CaseBuilder().AsExpertStatement().Build();
        var toPlacement = new CaseSettings(c.FunderId, CareTypes.Placement, c.LegalBasisCode, c.CaseGroupCode, c.ReferringBodyCode);

        var refused = Assert.Single(CaseRules.CheckEdit(c, toPlacement, new CaseTexts()));

        Assert.Equal(("PH-00", "careTypeCode"), (refused.Rule, refused.Field));
    }

    [Fact]
    [Trait("Rule", "BA-UB-02")]
    public void BAUB02_only_a_UB_of_a_rehabilitation_funder_carries_its_own_planned_end_not_before_the_commission()
    {
        var (c, _) = new CaseBuilder().InPhase(Phase.P3).ForIntegrationOffice("sgb9-55-3").Build();
        var settings = new CaseSettings(c.FunderId, c.CareTypeCode, "sgb9-55-3", c.CaseGroupCode, c.ReferringBodyCode);
        Assert.Null(CaseRules.CheckPlannedEnd(c, settings, funderIsIntegrationOffice: false, Today.AddMonths(12)));
        Assert.Equal("BA-UB-02", CaseRules.CheckPlannedEnd(c, settings, funderIsIntegrationOffice: true, Today.AddMonths(12))?.Rule);
        Assert.Equal("BA-UB-02", CaseRules.CheckPlannedEnd(c, settings with { LegalBasisCode = "sgb9-185-2" }, false, Today.AddMonths(12))?.Rule);
        Assert.Equal("BA-UB-02", CaseRules.CheckPlannedEnd(c, settings, false, c.CommissionStart!.Value.AddDays(-1))?.Rule);
    }

    [Fact]
    [Trait("Rule", "DOC-04")]
    public void DOC04_the_notice_is_signed_on_the_form_version_valid_that_day()
    {
        var (c, _) = new CaseBuilder().ForIntegrationOffice().Build();
        Assert.Empty(CaseRules.CheckNoticeSignature(c, "2026-01", "2026-01", signedOnKnown: true));
        Assert.Equal("DOC-04", Assert.Single(CaseRules.CheckNoticeSignature(c, "2019-01", "2026-01", signedOnKnown: true)).Rule);
        Assert.Equal("DOC-04", Assert.Single(CaseRules.CheckNoticeSignature(c, "2026-01", null, signedOnKnown: true)).Rule);
    }

    [Fact]
    [Trait("Rule", "DOC-02")]
    public void DOC02_the_second_signature_goes_on_the_signed_notice_during_P2_or_P3()
    {
        var (unsigned, _) = new CaseBuilder().InPhase(Phase.P2).ForIntegrationOffice().Build();
        Assert.Equal("dataProtectionNotice", Assert.Single(CaseRules.CheckSecondSignature(unsigned)).Field);

        var (signed, _) = new CaseBuilder().InPhase(Phase.P2).ForIntegrationOffice().WithSignedNotice().Build();
        Assert.Empty(CaseRules.CheckSecondSignature(signed));
        var (p1, _) = new CaseBuilder().ForIntegrationOffice().WithSignedNotice().Build();
        Assert.Equal(("DOC-02", "phase"), (CaseRules.CheckSecondSignature(p1).Single().Rule, CaseRules.CheckSecondSignature(p1).Single().Field));
    }
}

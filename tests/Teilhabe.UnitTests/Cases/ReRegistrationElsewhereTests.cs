using Teilhabe.Core.Cases;
using Teilhabe.Core.Rules;
using static Teilhabe.UnitTests.Cases.CaseBuilder;

namespace Teilhabe.UnitTests.Cases;

/// <summary>PH-P2-04, PH-P3-03, PH-P3-04 for a registration at another IFD of the Integrationsamt: refused, told without its details.</summary>
public sealed class ReRegistrationElsewhereTests
{
    private static readonly HashSet<DocumentKind> P2Documents = [DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice];
    private static readonly HashSet<DocumentKind> P3Documents = [DocumentKind.DisabilityProof, DocumentKind.DataProtectionNotice, DocumentKind.GoalAgreement];

    private static void AsksCoordinationOnly(RuleViolation v, DateOnly otherDate)
    {
        Assert.Contains("bitte mit der InA-Koordination klären", v.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(otherDate.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), v.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "PH-P2-04")]
    public void PHP204_a_counselling_at_another_IFD_needs_agreement_and_the_message_only_asks_to_clear_it()
    {
        var (c, client) = new CaseBuilder().WithSignedNotice().WithPlannedContents().Build();
        var refused = PhaseMachine.Check(Facts(c, client, Phase.P2, o => { o.Documents = P2Documents; o.EarlierCounsellingAtOtherService = true; }));
        AsksCoordinationOnly(Assert.Single(refused.Violations, v => v.Rule == "PH-P2-04"), Today);

        var (agreed, client2) = new CaseBuilder().WithSignedNotice().WithPlannedContents().WithAgreement(CaseAgreement.P2Renewal).Build();
        Assert.True(PhaseMachine.Check(Facts(agreed, client2, Phase.P2, o => { o.Documents = P2Documents; o.EarlierCounsellingAtOtherService = true; })).Allowed);
    }

    [Fact]
    [Trait("Rule", "PH-P3-03")]
    public void PHP303_an_InA_P3_at_another_IFD_within_a_month_is_refused_without_its_date()
    {
        var (c, client) = new CaseBuilder().ForIntegrationOffice().WithSignedNotice().WithCompleteClient().WithAgreement(CaseAgreement.P3Renewal).Build();
        var other = Today.AddDays(-20);
        var refused = PhaseMachine.Check(Facts(c, client, Phase.P3, o => { o.Documents = P3Documents; o.LatestInaCommissionAtOtherService = other; }));
        AsksCoordinationOnly(Assert.Single(refused.Violations, v => v.Rule == "PH-P3-03"), other);
    }

    [Fact]
    [Trait("Rule", "PH-P3-04")]
    public void PHP304_an_earlier_InA_P3_at_another_IFD_needs_agreement()
    {
        var other = Today.AddMonths(-3);
        var (c, client) = new CaseBuilder().ForIntegrationOffice().WithSignedNotice().WithCompleteClient().Build();
        var refused = PhaseMachine.Check(Facts(c, client, Phase.P3, o => { o.Documents = P3Documents; o.LatestInaCommissionAtOtherService = other; }));
        Assert.DoesNotContain(refused.Violations, v => v.Rule == "PH-P3-03");
        AsksCoordinationOnly(Assert.Single(refused.Violations, v => v.Rule == "PH-P3-04"), other);

        var (agreed, client2) = new CaseBuilder().ForIntegrationOffice().WithSignedNotice().WithCompleteClient().WithAgreement(CaseAgreement.P3Renewal).Build();
        var later = PhaseMachine.Check(Facts(agreed, client2, Phase.P3, o => { o.Documents = P3Documents; o.LatestInaCommissionAtOtherService = other; }));
        Assert.True(later.Allowed, string.Join("; ", later.Violations));
    }
}

using Teilhabe.Core.Cases;
using Teilhabe.UnitTests.Cases;
using static Teilhabe.UnitTests.Cases.CaseBuilder;

namespace Teilhabe.UnitTests.Coordination;

/// <summary>Domain side of TR-01, TR-02 (DOC-02 renewal) and ACC-08 (time limit).</summary>
public sealed class TransferAndIncidentTests
{
    [Fact]
    [Trait("Rule", "TR-01")]
    public void TR01_a_handover_keeps_phase_and_Merkblatt_and_drops_the_new_caseworker_from_the_deputies()
    {
        var (c, client) = new CaseBuilder().WithSignedNotice().WithPlannedContents().Build();
        c.SetDeputies(["deputy-1", "colleague"]);
        var notice = c.DataProtectionNotice;
        var phase = c.Phase;

        c.TransferWithinService("colleague", keepDeputies: true);

        Assert.Equal("colleague", c.CaseworkerId);
        Assert.Equal(phase, c.Phase);
        Assert.Same(notice, c.DataProtectionNotice);
        Assert.False(c.NoticeRenewalRequired);
        Assert.Equal(["deputy-1"], c.Deputies.Select(d => d.UserId));
        Assert.DoesNotContain(PhaseMachine.Check(Facts(c, client, Phase.P2)).Violations, v => v.Field == "dataProtectionNotice");

        c.TransferWithinService("deputy-1", keepDeputies: false);
        Assert.Empty(c.Deputies);
    }

    [Fact]
    [Trait("Rule", "TR-02")]
    public void TR02_a_move_to_another_IFD_needs_a_new_Merkblatt_until_it_is_signed()
    {
        var (c, client) = new CaseBuilder().WithSignedNotice().WithPlannedContents().Build();
        c.SetDeputies(["deputy-1"]);
        var other = Guid.NewGuid();

        c.TransferToService(other, "receiver", "2026-0099");

        Assert.Equal(other, c.ServiceId);
        Assert.Equal("receiver", c.CaseworkerId);
        Assert.Empty(c.Deputies);
        Assert.Equal(Phase.P1, c.Phase);
        Assert.Null(c.ClosedOn);
        Assert.True(c.NoticeRenewalRequired);
        Assert.Contains(PhaseMachine.Check(Facts(c, client, Phase.P2)).Violations, v => v.Rule == "DOC-02");

        c.SignDataProtectionNotice(Today, "2026-01", null);

        Assert.False(c.NoticeRenewalRequired);
        Assert.DoesNotContain(PhaseMachine.Check(Facts(c, client, Phase.P2)).Violations, v => v.Rule == "DOC-02");
    }

    [Fact]
    [Trait("Rule", "ACC-08")]
    public void ACC08_an_incident_access_lasts_the_profiles_days()
    {
        var (c, _) = new CaseBuilder().ForIntegrationOffice().Build();
        var opened = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

        var access = new IncidentAccess(c, "ina-1", "  Beschwerde  ", opened, days: 7);

        Assert.Equal("Beschwerde", access.Reason);
        Assert.Equal(opened.AddDays(7), access.ExpiresAt);
        Assert.True(access.IsActiveAt(opened));
        Assert.True(access.IsActiveAt(opened.AddDays(7).AddTicks(-1)));
        Assert.False(access.IsActiveAt(opened.AddDays(7)));
        Assert.False(access.IsActiveAt(opened.AddDays(8)));
    }
}

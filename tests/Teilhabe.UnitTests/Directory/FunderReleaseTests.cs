using Teilhabe.Core.Directory;

namespace Teilhabe.UnitTests.Directory;

/// <summary>FU-04: an LEK funder must be released per IFD by InA-Koordination (request → approve).</summary>
public sealed class FunderReleaseTests
{
    private static readonly Guid Office = Guid.NewGuid();
    private static readonly Guid IfdErfurt = Guid.NewGuid();
    private static readonly Guid IfdJena = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FU04_a_requested_funder_is_not_usable_until_released()
    {
        var funder = new Funder(Office, "AOK PLUS", FunderKind.HealthInsurance, null);
        var request = funder.RequestRelease(IfdErfurt, "caseworker", Now);
        Assert.Null(request.ReleasedAt);
        Assert.False(funder.IsReleasedFor(IfdErfurt));
    }

    [Fact]
    public void FU04_a_release_counts_for_that_IFD_only()
    {
        var funder = new Funder(Office, "AOK PLUS", FunderKind.HealthInsurance, null);
        funder.RequestRelease(IfdErfurt, "caseworker", Now);
        funder.Release(IfdErfurt, "ina", Now.AddHours(2));
        Assert.True(funder.IsReleasedFor(IfdErfurt));
        Assert.False(funder.IsReleasedFor(IfdJena));
        Assert.Single(funder.Releases);
    }

    [Fact]
    public void FU04_asking_twice_does_not_create_a_second_request()
    {
        var funder = new Funder(Office, "Barmer", FunderKind.HealthInsurance, null);
        var first = funder.RequestRelease(IfdErfurt, "a", Now);
        var second = funder.RequestRelease(IfdErfurt, "b", Now.AddDays(1));
        Assert.Same(first, second);
    }

    [Fact]
    [Trait("Rule", "FU-05")]
    public void FU05_the_Integrationsamt_needs_no_release_as_LEK_funder()
    {
        var ina = new Funder(Office, "TLVwA – Referat 640 – Integrationsamt", FunderKind.IntegrationOffice, null);
        Assert.True(ina.IsReleasedFor(IfdJena));
    }
}

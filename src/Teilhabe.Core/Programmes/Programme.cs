using Teilhabe.Core.Organisations;

namespace Teilhabe.Core.Programmes;

/// <summary>
/// A programme of a provider (section 9), configured from a template: sites, yearly places, referring
/// bodies. It belongs to the provider's service its staff (Trainer, ProgrammeLead) work in, so the same
/// tenant filter (ACC-06) that guards clients and cases guards it.
/// </summary>
public sealed class Programme : IServiceScoped, IAuditedEntity
{
    private readonly List<ProgrammeSite> _sites = [];
    private readonly List<ProgrammeReferringBody> _referringBodies = [];

    private Programme()
    {
        Name = string.Empty;
    }

    public Programme(Guid serviceId, Guid integrationOfficeId, Guid providerId, string name, ProgrammeTemplate template, int yearlyPlaces)
    {
        Id = Guid.CreateVersion7();
        ServiceId = serviceId;
        IntegrationOfficeId = integrationOfficeId;
        ProviderId = providerId;
        Name = name.Trim();
        Template = template;
        YearlyPlaces = yearlyPlaces;
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }
    public Guid ProviderId { get; private set; }
    public string Name { get; private set; }
    public ProgrammeTemplate Template { get; private set; }

    /// <summary>PRG-TR-01: places per calendar year.</summary>
    public int YearlyPlaces { get; private set; }

    public IReadOnlyList<ProgrammeSite> Sites => _sites;
    public IReadOnlyList<ProgrammeReferringBody> ReferringBodies => _referringBodies;

    public IReadOnlyList<ModuleDefinition> Modules => ProgrammeModules.For(Template);

    public ProgrammeSite AddSite(string name, int places, string? accessibilityNote)
    {
        var site = new ProgrammeSite(name, places, accessibilityNote);
        _sites.Add(site);
        return site;
    }

    public void AddReferringBody(Guid funderId)
    {
        if (_referringBodies.All(r => r.FunderId != funderId))
        {
            _referringBodies.Add(new ProgrammeReferringBody(funderId));
        }
    }

    public bool MayRefer(Guid funderId) => _referringBodies.Any(r => r.FunderId == funderId);
}

/// <summary>A site of a programme with its places and a note on accessible rooms (PRG-TR-01).</summary>
public sealed class ProgrammeSite
{
    private ProgrammeSite()
    {
        Name = string.Empty;
    }

    internal ProgrammeSite(string name, int places, string? accessibilityNote)
    {
        Id = Guid.CreateVersion7();
        Name = name.Trim();
        Places = places;
        AccessibilityNote = string.IsNullOrWhiteSpace(accessibilityNote) ? null : accessibilityNote.Trim();
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public int Places { get; private set; }
    public string? AccessibilityNote { get; private set; }
}

/// <summary>PRG-TR-02: a body from the funder directory that may refer to the programme.</summary>
public sealed class ProgrammeReferringBody
{
    private ProgrammeReferringBody()
    {
    }

    internal ProgrammeReferringBody(Guid funderId) => FunderId = funderId;

    public Guid FunderId { get; private set; }
}

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
    private readonly List<ProgrammeModule> _modules = [];

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
        ApplyParameters(ProgrammeParameters.For(template));
        CopyTemplateModulesIfMissing();
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

    /// <summary>Optimistic concurrency of the configuration (ETag of the settings API and page).</summary>
    public int Version { get; private set; }

    /// <summary>PRG-TR-05: referral period in months (seed 002: 12).</summary>
    public int ReferralMonths { get; private set; }

    /// <summary>PRG-TR-04: the information talk appointment is given within this many days of first contact (seed 002: 7).</summary>
    public int InformationTalkDays { get; private set; }

    /// <summary>PRG-TR-05: longest extension beyond the referral period in months; null = per case without limit.</summary>
    public int? MaxExtensionMonths { get; private set; }

    /// <summary>PRG-TR-07: aftercare period after a job start in months; null = not limited.</summary>
    public int? AftercareMonths { get; private set; }

    /// <summary>The stored module rows (EF navigation); rules use <see cref="Modules"/>.</summary>
    public IReadOnlyList<ProgrammeModule> ModuleRows => _modules;

    /// <summary>PRG-LO-01: the programme's own modules in their order (copied from the template, maintained by the lead).</summary>
    public IReadOnlyList<ModuleDefinition> Modules => [.. _modules.OrderBy(m => m.Position).ThenBy(m => m.Code, StringComparer.Ordinal).Select(m => m.ToDefinition())];

    public ProgrammeParameters Parameters => new(ReferralMonths, InformationTalkDays, MaxExtensionMonths, AftercareMonths);

    /// <summary>PRG-TR-05: referral end for a referral on the given day (last day inclusive).</summary>
    public DateOnly ReferralEnd(DateOnly referredOn) => referredOn.AddMonths(ReferralMonths).AddDays(-1);

    /// <summary>PRG-TR-05: the latest day an extension may reach (null = no limit).</summary>
    public DateOnly? LatestExtensionEnd(DateOnly referredOn) => MaxExtensionMonths is { } m ? referredOn.AddMonths(ReferralMonths + m).AddDays(-1) : null;

    /// <summary>Name, places, sites, referring bodies and coaching numbers, as the lead configured them.</summary>
    public void Configure(string name, int yearlyPlaces, IEnumerable<(string Name, int Places, string? AccessibilityNote)> sites, IEnumerable<Guid> referringBodyIds, ProgrammeParameters parameters)
    {
        Name = name.Trim();
        YearlyPlaces = yearlyPlaces;
        var wanted = sites.ToList();
        for (var i = 0; i < wanted.Count; i++)
        {
            if (i < _sites.Count)
            {
                _sites[i].Update(wanted[i].Name, wanted[i].Places, wanted[i].AccessibilityNote);
            }
            else
            {
                AddSite(wanted[i].Name, wanted[i].Places, wanted[i].AccessibilityNote);
            }
        }

        _sites.RemoveRange(wanted.Count, _sites.Count - wanted.Count);
        var bodies = referringBodyIds.Distinct().ToList();
        _referringBodies.RemoveAll(r => !bodies.Contains(r.FunderId));
        foreach (var body in bodies)
        {
            AddReferringBody(body);
        }

        ApplyParameters(parameters);
        Version++;
    }

    /// <summary>
    /// PRG-LO-01: the module table as the lead configured it, matched by code (existing rows keep their identity);
    /// the list order is the module order. Callers check first that no removed module has bookings.
    /// </summary>
    public void ConfigureModules(IReadOnlyList<ModuleDefinition> modules)
    {
        var codes = modules.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        _modules.RemoveAll(m => !codes.Contains(m.Code));
        for (var i = 0; i < modules.Count; i++)
        {
            var row = _modules.FirstOrDefault(m => m.Code == modules[i].Code);
            if (row is null)
            {
                _modules.Add(new ProgrammeModule(modules[i], i + 1));
            }
            else
            {
                row.Update(modules[i], i + 1);
            }
        }

        Version++;
    }

    /// <summary>Programmes stored before modules were data get their template's table once (at start); true when copied.</summary>
    public bool CopyTemplateModulesIfMissing()
    {
        if (_modules.Count > 0 || ProgrammeModules.For(Template).Count == 0)
        {
            return false;
        }

        var position = 1;
        foreach (var module in ProgrammeModules.For(Template))
        {
            _modules.Add(new ProgrammeModule(module, position++));
        }

        return true;
    }

    private void ApplyParameters(ProgrammeParameters parameters)
    {
        ReferralMonths = parameters.ReferralMonths;
        InformationTalkDays = parameters.InformationTalkDays;
        MaxExtensionMonths = parameters.MaxExtensionMonths;
        AftercareMonths = parameters.AftercareMonths;
    }

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

    internal void Update(string name, int places, string? accessibilityNote)
    {
        Name = name.Trim();
        Places = places;
        AccessibilityNote = string.IsNullOrWhiteSpace(accessibilityNote) ? null : accessibilityNote.Trim();
    }
}

/// <summary>PRG-LO-01: one stored module of a programme (owned by it); see <see cref="ModuleDefinition"/>.</summary>
public sealed class ProgrammeModule
{
    private ProgrammeModule()
    {
        Code = string.Empty;
        Label = string.Empty;
    }

    internal ProgrammeModule(ModuleDefinition module, int position)
        : this()
    {
        Id = Guid.CreateVersion7();
        Update(module, position);
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public string Label { get; private set; }
    public int Position { get; private set; }
    public int MinDuration { get; private set; }
    public int MaxDuration { get; private set; }
    public DurationUnit Unit { get; private set; }
    public decimal? HourCap { get; private set; }
    public decimal? HoursPerMonthCap { get; private set; }
    public bool Bookable { get; private set; }
    public bool IsEntry { get; private set; }
    public bool Retired { get; private set; }
    public decimal? HourlyRate { get; private set; }

    public ModuleDefinition ToDefinition()
        => new(Code, Label, MinDuration, MaxDuration, Unit, HourCap, HoursPerMonthCap, Bookable, IsEntry, Retired, HourlyRate);

    internal void Update(ModuleDefinition module, int position)
    {
        Code = module.Code;
        Label = module.Label.Trim();
        Position = position;
        MinDuration = module.MinDuration;
        MaxDuration = module.MaxDuration;
        Unit = module.Unit;
        HourCap = module.HourCap;
        HoursPerMonthCap = module.HoursPerMonthCap;
        Bookable = module.Bookable;
        IsEntry = module.IsEntry;
        Retired = module.Retired;
        HourlyRate = module.HourlyRate;
    }
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

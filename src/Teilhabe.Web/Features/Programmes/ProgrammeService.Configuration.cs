using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Programmes;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Features.Programmes;

/// <summary>
/// Issue 9: the ProgrammeLead configures the programme (sites, places, referring bodies, modules, coaching numbers).
/// Programme configuration is no case content, but it belongs to the provider's service: only the ProgrammeLead of
/// that service edits it (the Administrator sets programmes up, ACC-06, and has no service scope to see them).
/// Changes apply to future bookings and referrals; existing ones stay as they are.
/// </summary>
internal sealed partial class ProgrammeService
{
    /// <summary>Roles that maintain a programme's configuration.</summary>
    public static readonly string[] ConfigurationRoles = [Roles.ProgrammeLead];

    public bool MayConfigure => ConfigurationRoles.Any(current.IsInRole);

    public sealed record SettingsInput(
        string? Name, int? YearlyPlaces, IReadOnlyList<SiteInput> Sites, IReadOnlyList<Guid> ReferringBodyIds,
        int? ReferralMonths, int? InformationTalkDays, int? MaxExtensionMonths, int? AftercareMonths);

    /// <summary>The programme to configure (tracked), null when unknown or outside the caller's scope.</summary>
    public Task<Programme?> GetForConfigurationAsync(Guid id, CancellationToken ct)
        => db.Programmes.Include(p => p.ReferringBodies).FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>Module codes with bookings in the programme (those are retired, never deleted).</summary>
    public async Task<IReadOnlySet<string>> BookedModuleCodesAsync(Guid programmeId, CancellationToken ct)
    {
        var codes = await (from b in db.ModuleBookings
                           join p in db.Participations on b.ParticipationId equals p.Id
                           where p.ProgrammeId == programmeId
                           select b.ModuleCode).Distinct().ToListAsync(ct);
        return codes.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Referring bodies of the programme's Integrationsamt that its template accepts (PRG-TR-02), for the settings form.</summary>
    public async Task<List<Core.Directory.Funder>> ReferringBodyCandidatesAsync(Programme programme, CancellationToken ct)
    {
        var kinds = ProgrammeRules.ReferringKinds(programme.Template).ToList();
        return await db.Funders.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.IntegrationOfficeId == programme.IntegrationOfficeId && kinds.Contains(f.Kind))
            .OrderBy(f => f.Name).ToListAsync(ct);
    }

    public async Task<Result<Programme>> ConfigureAsync(Guid id, int? expectedVersion, SettingsInput input, CancellationToken ct)
    {
        if (!MayConfigure)
        {
            return Result<Programme>.Forbidden();
        }

        var programme = await GetForConfigurationAsync(id, ct);
        if (programme is null)
        {
            return Result<Programme>.NotFound();
        }

        if (expectedVersion is { } v && v != programme.Version)
        {
            return Result<Programme>.Conflict();
        }

        var parameters = new ProgrammeParameters(input.ReferralMonths ?? 0, input.InformationTalkDays ?? 0, input.MaxExtensionMonths, input.AftercareMonths);
        var errors = ProgrammeConfigurationRules.CheckSettings(input.Name, input.YearlyPlaces,
            [.. input.Sites.Select(s => (s.Name, s.Places, s.AccessibilityNote))], parameters);
        var wanted = input.ReferringBodyIds.Distinct().ToList();
        var bodies = await db.Funders.IgnoreQueryFilters()
            .Where(f => wanted.Contains(f.Id) && f.IntegrationOfficeId == programme.IntegrationOfficeId).ToListAsync(ct);
        if (bodies.Count != wanted.Count)
        {
            errors.Add(new(ProgrammeRules.Referral, "Eine der zuweisenden Stellen ist im Verzeichnis der Leistungsträger nicht bekannt.", "referringBodyIds"));
        }

        errors.AddRange(ProgrammeRules.CheckReferringBodies(programme.Template, bodies));
        if (wanted.Count == 0)
        {
            errors.Add(new(ProgrammeRules.Referral, "Mindestens eine zuweisende Stelle ist nötig.", "referringBodyIds"));
        }

        if (errors.Count > 0)
        {
            return Result<Programme>.Invalid(errors);
        }

        programme.Configure(input.Name!, input.YearlyPlaces!.Value, input.Sites.Select(s => (s.Name!, s.Places!.Value, s.AccessibilityNote)), wanted, parameters);
        return await SaveConfigurationAsync(programme, "settings", ct);
    }

    public async Task<Result<Programme>> ConfigureModulesAsync(Guid id, int? expectedVersion, IReadOnlyList<ModuleDefinition> modules, CancellationToken ct)
    {
        if (!MayConfigure)
        {
            return Result<Programme>.Forbidden();
        }

        var programme = await GetForConfigurationAsync(id, ct);
        if (programme is null)
        {
            return Result<Programme>.NotFound();
        }

        if (expectedVersion is { } v && v != programme.Version)
        {
            return Result<Programme>.Conflict();
        }

        var errors = ProgrammeConfigurationRules.CheckModules(modules, programme.Modules, await BookedModuleCodesAsync(id, ct));
        if (errors.Count > 0)
        {
            return Result<Programme>.Invalid(errors);
        }

        programme.ConfigureModules(modules);
        return await SaveConfigurationAsync(programme, "modules", ct);
    }

    /// <summary>Saves the change together with an audit row naming what was configured (the interceptor records the field changes).</summary>
    private async Task<Result<Programme>> SaveConfigurationAsync(Programme programme, string what, CancellationToken ct)
    {
        try
        {
            await audit.RecordAsync(AuditActions.Update, nameof(Programme), programme.Id.ToString(), ct, serviceId: programme.ServiceId, reason: what);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Programme>.Conflict();
        }

        return Result<Programme>.Ok(programme);
    }
}

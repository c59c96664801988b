using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Data;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Features.Catalogues;

/// <summary>
/// All catalogue entries (a few hundred rows, the same for every tenant), read once and kept for a short time: a case
/// page asks for a dozen catalogues. A change through <see cref="CatalogueService"/> drops the copy at once; other
/// instances of a scale-out see it after <see cref="Lifetime"/> at the latest.
/// </summary>
internal sealed class CatalogueCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private sealed record Snapshot(IReadOnlyList<CatalogueEntry> Entries, long LoadedAt);

    private Snapshot? _current;

    public async Task<IReadOnlyList<CatalogueEntry>> AllAsync(TeilhabeDbContext db, CancellationToken ct)
    {
        var snapshot = Volatile.Read(ref _current);
        if (snapshot is not null && Environment.TickCount64 - snapshot.LoadedAt < Lifetime.TotalMilliseconds)
        {
            return snapshot.Entries;
        }

        var loadedAt = Environment.TickCount64;
        var entries = await db.CatalogueEntries.AsNoTracking().ToListAsync(ct);
        Interlocked.CompareExchange(ref _current, new Snapshot(entries, loadedAt), snapshot);
        return entries;
    }

    public void Invalidate() => Volatile.Write(ref _current, null);
}

/// <summary>Reading and maintaining catalogues (TOP-01), for pages and API.</summary>
internal sealed class CatalogueService(TeilhabeDbContext db, CatalogueCache cache, Core.Profiles.StateProfile profile)
{
    public static bool Exists(string name) => CatalogueNames.All.Contains(name);

    /// <summary>
    /// The entries of a catalogue as the caller's state uses them: the shared entries without those the state profile
    /// hides, plus the state's own (TOP-01); form versions include those of the state profile (DOC-04).
    /// </summary>
    public async Task<List<CatalogueEntry>> ListAsync(string name, bool includeRetired, CancellationToken ct, bool includeHidden = false)
        => [.. (await cache.AllAsync(db, ct))
            .Where(e => e.Catalogue == name && (includeRetired || e.Active) && (includeHidden || !profile.Hides(name, e.Code)))
            .Concat(StateEntries(name))
            .OrderBy(e => e.SortOrder).ThenBy(e => e.Label, StringComparer.Ordinal)];

    private IEnumerable<CatalogueEntry> StateEntries(string name)
        => name == CatalogueNames.FormVersions
            ? profile.FormVersions.Select(f => new CatalogueEntry(CatalogueNames.FormVersions, f.Code, f.Label, 0) { Form = f.Form, ValidFrom = f.ValidFrom })
            : profile.CatalogueAdditions.Where(a => a.Catalogue == name).Select((a, i) => new CatalogueEntry(name, a.Code, a.Label, 10_000 + i) { Group = a.Group });

    /// <summary>Whether an entry comes from the state profile (read-only here; it changes with the profile file).</summary>
    public bool IsFromStateProfile(string name, string code)
        => profile.Adds(name, code)
            || (name == CatalogueNames.FormVersions && profile.FormVersions.Any(f => f.Code == code));

    /// <summary>Whether the caller's state profile leaves a shared entry out (TOP-01).</summary>
    public bool IsHiddenByStateProfile(string name, string code) => profile.Hides(name, code);

    public string StateProfileCode => profile.Code;

    /// <summary>Labels of every code, retired and hidden ones included, so old data keeps its wording.</summary>
    public async Task<Dictionary<string, string>> LabelsAsync(string name, CancellationToken ct)
    {
        var labels = (await cache.AllAsync(db, ct)).Where(e => e.Catalogue == name)
            .GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.First().Label);
        foreach (var entry in StateEntries(name))
        {
            labels.TryAdd(entry.Code, entry.Label);
        }

        return labels;
    }

    /// <summary>Only active entries the caller's state uses can be chosen for new data (TOP-01).</summary>
    public async Task<bool> IsActiveAsync(string name, string? code, CancellationToken ct)
        => code is not null && !profile.Hides(name, code)
            && (profile.Adds(name, code)
                || await db.CatalogueEntries.AnyAsync(e => e.Catalogue == name && e.Code == code && e.Active, ct));

    public async Task<(CatalogueEntry? Entry, IReadOnlyList<RuleViolation> Errors)> AddAsync(
        string name, string? code, string? label, string? group, string? form, DateOnly? validFrom, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(code) || code.Any(ch => !(char.IsAsciiLetterOrDigit(ch) || ch == '-')))
        {
            errors.Add(new(RuleIds.Input, "Der Code fehlt oder enthält andere Zeichen als Buchstaben, Ziffern und Bindestrich.", "code"));
        }

        if (string.IsNullOrWhiteSpace(label))
        {
            errors.Add(new(RuleIds.Input, "Die Bezeichnung fehlt.", "label"));
        }

        if (name == CatalogueNames.FormVersions && (form is not ("DataProtectionNotice" or "GoalAgreement" or "ConfidentialityRelease") || validFrom is null))
        {
            errors.Add(new(RuleIds.Input, "Für eine Formularversion sind das Formular (DataProtectionNotice, GoalAgreement oder ConfidentialityRelease) und „gültig ab“ anzugeben.", "form"));
        }

        if (name == CatalogueNames.LegalBases && group is not (CatalogueSeed.GroupIntegrationOffice or CatalogueSeed.GroupRehabilitation or CatalogueSeed.GroupJobPlacement))
        {
            errors.Add(CatalogueEntry.LegalBasisNeedsGroup);
        }

        InputCheck.MaxLength(errors, "code", code, 64, "Der Code");
        InputCheck.MaxLength(errors, "label", label, 300, "Die Bezeichnung");

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var formKey = form?.Trim() ?? string.Empty;
        if (await db.CatalogueEntries.AnyAsync(e => e.Catalogue == name && e.Form == formKey && e.Code == code, ct))
        {
            return (null, [new(RuleIds.Input, $"Der Code „{code}“ ist in diesem Katalog schon vergeben.", "code")]);
        }

        var order = await db.CatalogueEntries.Where(e => e.Catalogue == name).MaxAsync(e => (int?)e.SortOrder, ct) ?? 0;
        var entry = new CatalogueEntry(name, code!.Trim(), label!.Trim(), order + 1)
        {
            Group = string.IsNullOrWhiteSpace(group) ? null : group.Trim(),
            Form = formKey,
            ValidFrom = validFrom,
        };
        db.CatalogueEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return (entry, []);
    }

    public Task<CatalogueEntry?> FindAsync(string name, string code, string? form, CancellationToken ct)
        => db.CatalogueEntries.FirstOrDefaultAsync(e => e.Catalogue == name && e.Code == code && (form == null || e.Form == form), ct);

    public async Task UpdateAsync(CatalogueEntry entry, string? label, bool? active, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(label))
        {
            entry.Relabel(label);
        }

        if (active == false)
        {
            entry.Retire();
        }
        else if (active == true)
        {
            entry.Reactivate();
        }

        await db.SaveChangesAsync(ct);
        cache.Invalidate();
    }

    /// <summary>TOP-01: whether stored data refers to the entry (then it can only be retired).</summary>
    public Task<bool> IsUsedAsync(CatalogueEntry entry, CancellationToken ct) => CatalogueUsage.IsUsedAsync(db, entry, ct);

    /// <summary>TOP-01: an entry in use can only be retired, not deleted.</summary>
    public async Task<IReadOnlyList<RuleViolation>> DeleteAsync(CatalogueEntry entry, CancellationToken ct)
    {
        if (CatalogueUsage.DeletionRefusal(entry, await CatalogueUsage.IsUsedAsync(db, entry, ct)) is { } refusal)
        {
            return [refusal];
        }

        db.CatalogueEntries.Remove(entry);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return [];
    }
}

/// <summary>Adds the built-in entries that are missing (new codes after an update); never touches edited labels.</summary>
internal static class CatalogueSeeder
{
    public static async Task SeedAsync(TeilhabeDbContext db, CancellationToken ct = default)
    {
        var existing = (await db.CatalogueEntries.Select(e => new { e.Catalogue, e.Form, e.Code }).ToListAsync(ct))
            .Select(e => (e.Catalogue, e.Form, e.Code)).ToHashSet();
        var order = new Dictionary<string, int>();
        foreach (var seed in CatalogueSeed.All())
        {
            var position = order[seed.Catalogue] = order.GetValueOrDefault(seed.Catalogue) + 1;
            if (existing.Contains((seed.Catalogue, seed.Form, seed.Code)))
            {
                continue;
            }

            db.CatalogueEntries.Add(new CatalogueEntry(seed.Catalogue, seed.Code, seed.Label, position)
            {
                Group = seed.Group,
                Parent = seed.Parent,
                Form = seed.Form,
                ValidFrom = seed.ValidFrom,
                PresetsCaseFunder = seed.PresetsCaseFunder,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Data;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Catalogues;

/// <summary>
/// TOP-01: whether stored data refers to a catalogue entry, for every catalogue and every place its codes are
/// kept (cases and their phase history, clients, proof of disability, employment, contacts, outcomes, the
/// signed Merkblatt). An entry in use can only be retired, never deleted: the data would show a raw code.
/// Tenant filters are ignored: an entry used by any Integrationsamt is in use.
/// </summary>
public static class CatalogueUsage
{
    public static Task<bool> IsUsedAsync(TeilhabeDbContext db, CatalogueEntry entry, CancellationToken ct)
    {
        var code = entry.Code;
        return entry.Catalogue switch
        {
            CatalogueNames.LegalBases => db.Cases.IgnoreQueryFilters().AnyAsync(c => c.LegalBasisCode == code, ct),
            CatalogueNames.CareTypes => db.Cases.IgnoreQueryFilters().AnyAsync(c => c.CareTypeCode == code, ct),
            CatalogueNames.CaseGroups => db.Cases.IgnoreQueryFilters().AnyAsync(c => c.CaseGroupCode == code, ct),
            CatalogueNames.ReferringBodies => db.Cases.IgnoreQueryFilters().AnyAsync(c => c.ReferringBodyCode == code, ct),
            CatalogueNames.ClosingReasons => ClosingReasonUsedAsync(db, code, ct),
            CatalogueNames.OutcomeCategories => db.Cases.IgnoreQueryFilters().AnyAsync(c => c.OutcomeCategoryCode == code, ct),
            CatalogueNames.FormVersions => FormVersionUsedAsync(db, entry.Form, code, ct),
            CatalogueNames.Topics => db.Contacts.IgnoreQueryFilters().AnyAsync(c => c.Topics.Any(t => t.Code == code), ct),
            CatalogueNames.Outcomes => db.Outcomes.IgnoreQueryFilters().AnyAsync(o => o.OutcomeCode == code, ct),
            CatalogueNames.DisabilityCategories => db.Disabilities.IgnoreQueryFilters().AnyAsync(d => d.CategoryCode == code, ct),
            CatalogueNames.EmploymentKinds => db.EmploymentSituations.IgnoreQueryFilters().AnyAsync(e => e.KindCode == code, ct),
            CatalogueNames.WorkingLifePositions => db.Clients.IgnoreQueryFilters().AnyAsync(c => c.WorkingLifePosition == code, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Catalogue, "Unbekannter Katalog."),
        };
    }

    /// <summary>TOP-01: the refusal of deleting an entry in use; null when it may be deleted.</summary>
    public static RuleViolation? DeletionRefusal(CatalogueEntry entry, bool inUse)
        => inUse
            ? new RuleViolation(CatalogueEntry.RetireRule,
                $"„{entry.Label}“ wird bereits verwendet: stilllegen statt löschen. Ein stillgelegter Eintrag bleibt in den vorhandenen Daten lesbar und ist für neue Daten nicht mehr wählbar.",
                "code")
            : null;

    private static async Task<bool> ClosingReasonUsedAsync(TeilhabeDbContext db, string code, CancellationToken ct)
        => await db.Cases.IgnoreQueryFilters().AnyAsync(c => c.ClosingReasonCode == code, ct)
           || await db.PhaseChanges.IgnoreQueryFilters().AnyAsync(p => p.ReasonCode == code, ct);

    /// <summary>DOC-04: only the Merkblatt's version is stored with the case; the other forms' versions are checked on upload.</summary>
    private static Task<bool> FormVersionUsedAsync(TeilhabeDbContext db, string form, string code, CancellationToken ct)
        => form == "DataProtectionNotice"
            ? db.Cases.IgnoreQueryFilters().AnyAsync(c => c.DataProtectionNotice != null && c.DataProtectionNotice.Version == code, ct)
            : Task.FromResult(false);
}

using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.IfdTasks;
using Teilhabe.Core.Reports;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Cases;

/// <summary>
/// PH-FDS-04: when the client refuses to cooperate (FP1 or FP3 → FP5, client-refuses), nothing beyond the written
/// commission may stay documented. One list serves the review step and the removal, so what the user confirms is
/// exactly what goes: free texts, the Merkblatt signature, contacts (with their versions), LEK, contact exceptions,
/// goals, IFD tasks, reports, contact drafts and every document of the case except the written commission.
/// </summary>
internal sealed partial class CaseTransitions
{
    private sealed record BeyondCommission(
        List<CaseDocument> Documents,
        List<Outcome> Outcomes,
        List<ContactException> Exceptions,
        List<CaseGoal> Goals,
        List<ColleagueConsent> Consents,
        List<AbilityProfile> Profiles,
        List<SchoolOrientation> Orientations,
        List<Apprenticeship> Apprenticeships,
        List<ReportVersion> Reports,
        List<ContactEntryDraft> Drafts);

    /// <summary>What the purge would remove, without changing anything (the review step).</summary>
    public async Task<IReadOnlyList<string>> PurgePreviewAsync(Case @case, CancellationToken ct)
    {
        var preview = CaseFieldsForm.TextFields.Where(t => !string.IsNullOrWhiteSpace(t.Stored(@case.Texts))).Select(t => "Text „" + t.Label + "“").ToList();
        if (@case.DataProtectionNotice is not null)
        {
            preview.Add("Unterschrift unter das Merkblatt zum Datenschutz");
        }

        foreach (var source in contactFacts)
        {
            preview.AddRange(await source.DescribeAllAsync(@case, ct));
        }

        preview.AddRange(await DescribeAsync(await LoadBeyondCommissionAsync(@case, tracked: false, ct), ct));
        return preview;
    }

    /// <summary>Removes what goes beyond the written commission (audited with the full list); returns the store keys to delete after commit.</summary>
    private async Task<List<string>> PurgeAsync(Case @case, CancellationToken ct)
    {
        var beyond = await LoadBeyondCommissionAsync(@case, tracked: true, ct);
        var removed = @case.PurgeBeyondCommission().Select(name => "Text " + name).ToList();
        foreach (var source in contactFacts)
        {
            removed.AddRange(await source.RemoveAllAsync(@case, ct));
        }

        removed.AddRange(await DescribeAsync(beyond, ct, forAudit: true));
        db.Documents.RemoveRange(beyond.Documents);
        db.Outcomes.RemoveRange(beyond.Outcomes);
        db.ContactExceptions.RemoveRange(beyond.Exceptions);
        db.CaseGoals.RemoveRange(beyond.Goals);
        db.ColleagueConsents.RemoveRange(beyond.Consents);
        db.AbilityProfiles.RemoveRange(beyond.Profiles);
        db.SchoolOrientations.RemoveRange(beyond.Orientations);
        db.Apprenticeships.RemoveRange(beyond.Apprenticeships);
        db.ReportVersions.RemoveRange(beyond.Reports);
        db.ContactEntryDrafts.RemoveRange(beyond.Drafts);
        await audit.RecordAsync(AuditActions.Delete, nameof(Case), @case.Id.ToString(), ct, serviceId: @case.ServiceId, clientId: @case.ClientId, caseId: @case.Id,
            reason: "PH-FDS-04 Mitwirkung verweigert, entfernt: " + string.Join(", ", removed));
        return [.. beyond.Documents.Select(d => d.StorageKey), .. beyond.Reports.Select(r => r.StorageKey)];
    }

    private async Task<BeyondCommission> LoadBeyondCommissionAsync(Case @case, bool tracked, CancellationToken ct)
    {
        IQueryable<T> Of<T>(DbSet<T> set)
            where T : class
            => tracked ? set : set.AsNoTracking();

        var id = @case.Id;
        return new(
            await Of(db.Documents).Where(d => d.CaseId == id && d.Kind != DocumentKind.WrittenCommission).OrderBy(d => d.UploadedAt).ToListAsync(ct),
            await Of(db.Outcomes).Where(o => o.CaseId == id).OrderBy(o => o.CreatedAt).ToListAsync(ct),
            await Of(db.ContactExceptions).Where(e => e.CaseId == id).OrderBy(e => e.From).ToListAsync(ct),
            await Of(db.CaseGoals).Where(g => g.CaseId == id).ToListAsync(ct),
            await Of(db.ColleagueConsents).Where(c => c.CaseId == id).ToListAsync(ct),
            await Of(db.AbilityProfiles).Where(p => p.CaseId == id).ToListAsync(ct),
            await Of(db.SchoolOrientations).Where(s => s.CaseId == id).ToListAsync(ct),
            await Of(db.Apprenticeships).Where(a => a.CaseId == id).ToListAsync(ct),
            await Of(db.ReportVersions).Where(r => r.CaseId == id).OrderBy(r => r.CreatedAt).ToListAsync(ct),
            await Of(db.ContactEntryDrafts).Where(d => d.CaseId == id).ToListAsync(ct));
    }

    /// <summary>
    /// The list shown for review and written to the audit trail; the trail names goals, apprenticeships and documents by
    /// id only, because it outlives the personal data (DEL-01).
    /// </summary>
    private async Task<List<string>> DescribeAsync(BeyondCommission b, CancellationToken ct, bool forAudit = false)
    {
        var codes = b.Outcomes.Select(o => o.OutcomeCode).Distinct().ToList();
        var labels = await db.CatalogueEntries.AsNoTracking().Where(e => e.Catalogue == CatalogueNames.Outcomes && codes.Contains(e.Code))
            .ToDictionaryAsync(e => e.Code, e => e.Label, ct);
        var list = new List<string>();
        list.AddRange(b.Outcomes.Select(o => $"LEK „{labels.GetValueOrDefault(o.OutcomeCode, o.OutcomeCode)}“ vom {GermanFormat.DateTime(o.CreatedAt)}"));
        list.AddRange(b.Exceptions.Select(e => $"Ausnahme von der Kontaktpflicht {GermanFormat.Date(e.From)}–{GermanFormat.Date(e.To)} (CT-06)"));
        list.AddRange(b.Goals.Select(g => forAudit ? $"Ziel {g.Id}" : $"Ziel „{g.Goal}“"));
        list.AddRange(b.Consents.Select(_ => "IFD-Aufgabe: Einverständnis zur Information von Kolleginnen und Kollegen"));
        list.AddRange(b.Profiles.Select(_ => "IFD-Aufgabe: Fähigkeits-, Leistungs- und Interessenprofil"));
        list.AddRange(b.Orientations.Select(_ => "IFD-Aufgabe: schulische Berufsorientierung"));
        list.AddRange(b.Apprenticeships.Select(a => forAudit ? $"IFD-Aufgabe: Ausbildungsbegleitung {a.Id}" : $"IFD-Aufgabe: Ausbildungsbegleitung „{a.Occupation}“"));
        list.AddRange(b.Reports.Select(r => $"Bericht „{r.Title}“"));
        list.AddRange(b.Drafts.Select(_ => "Entwurf eines Kontakts"));
        list.AddRange(b.Documents.Select(d => $"Dokument {(forAudit ? d.Id.ToString() : d.FileName)} ({CaseLabels.Document(d.Kind)})"));
        return list;
    }
}

using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Retention;
using Teilhabe.Web.Features.Documents;

namespace Teilhabe.Web.Features.Retention;

/// <summary>One case whose personal data is due for deletion (DEL-01), for the lead's list and the API.</summary>
internal sealed record RetentionDueItem(Guid CaseId, string CaseNumber, Guid ServiceId, DateOnly ClosedOn, DateOnly DeletionDate);

/// <summary>
/// DEL-01: deletes the personal data of closed cases whose retention period ended (see <see cref="RetentionRules"/>).
/// Deleted: contacts (with participants, topics, LEK links), documents and their stored files, contact drafts,
/// goals, the case's texts and the objection reason, the stored PDFs of report versions (the version rows are
/// immutable, REP-03, and keep only title/hash metadata). Kept, anonymised, for the statistics: the case row with
/// phase history, dates, care type, legal basis, funder, outcome category, and the LEKs (codes and dates).
/// The client is anonymised (not deleted, because the statistics of past years join the kept cases with the client's
/// gender, Personengruppe, disability category/status and birth year) once none of its cases is kept any more and it
/// takes part in no programme. One audit row "delete" with the DEL-01 reason per case and per client.
/// </summary>
internal sealed class RetentionService(TeilhabeDbContext db, IDocumentStore store, IStateProfileResolver profiles, TimeProvider clock, ICurrentUser user)
{
    public static readonly string[] DueReaders = [Roles.ServiceLead, Roles.Administrator];

    public sealed record Result(int Cases, int Clients);

    // Each case is kept for the years of the profile of its Integrationsamt; the query bound uses the shortest of all.
    private int ShortestYears => profiles.All.Min(p => Math.Min(p.RetentionYearsAfterClosing, p.RetentionYearsCounsellingOnly ?? p.RetentionYearsAfterClosing));

    /// <summary>Cases due by <paramref name="until"/> (inclusive) that still hold personal data, in deletion order.</summary>
    public async Task<List<RetentionDueItem>> DueAsync(DateOnly until, CancellationToken ct)
    {
        var bound = RetentionRules.LatestClosingDueBy(until, ShortestYears);
        var query = user.IsSystem || user.IsInRole(Roles.Administrator) ? db.Cases.IgnoreQueryFilters() : db.Cases.Where(c => c.ServiceId == user.ServiceId);
        var rows = await query.AsNoTracking()
            .Where(c => c.ClosedOn != null && c.AnonymisedOn == null && c.ClosedOn <= bound)
            .Select(c => new { c.Id, c.CaseNumber, c.ServiceId, c.IntegrationOfficeId, ClosedOn = c.ClosedOn!.Value, c.CommissionStart })
            .ToListAsync(ct);
        return [.. rows
            .Select(r => new RetentionDueItem(r.Id, r.CaseNumber, r.ServiceId, r.ClosedOn, RetentionRules.DeletionDate(r.ClosedOn, r.CommissionStart is not null, profiles.ForIntegrationOffice(r.IntegrationOfficeId))))
            .Where(r => r.DeletionDate <= until)
            .OrderBy(r => r.DeletionDate).ThenBy(r => r.CaseNumber, StringComparer.Ordinal)];
    }

    /// <summary>Deletes what is due on <paramref name="today"/>. Runs in the system scope (no HTTP request).</summary>
    public async Task<Result> RunAsync(DateOnly today, CancellationToken ct = default)
    {
        var due = await DueAsync(today, ct);
        var clientIds = new HashSet<Guid>();
        foreach (var item in due)
        {
            clientIds.Add(await AnonymiseCaseAsync(item.CaseId, today, ct));
        }

        var clients = 0;
        foreach (var clientId in clientIds)
        {
            if (await AnonymiseClientAsync(clientId, today, ct))
            {
                clients++;
            }
        }

        return new Result(due.Count, clients);
    }

    private async Task<Guid> AnonymiseCaseAsync(Guid caseId, DateOnly today, CancellationToken ct)
    {
        var c = await db.Cases.IgnoreQueryFilters().SingleAsync(x => x.Id == caseId, ct);
        var contacts = await db.Contacts.IgnoreQueryFilters().Where(x => x.CaseId == caseId).ToListAsync(ct);
        var contactIds = contacts.Select(x => x.Id).ToList();
        var documents = await db.Documents.IgnoreQueryFilters()
            .Where(d => d.CaseId == caseId || (d.ContactId != null && contactIds.Contains(d.ContactId.Value))).ToListAsync(ct);
        foreach (var d in documents)
        {
            await store.DeleteAsync(d.StorageKey, ct);
        }

        var reportKeys = await db.ReportVersions.IgnoreQueryFilters().Where(r => r.CaseId == caseId).Select(r => r.StorageKey).ToListAsync(ct);
        foreach (var key in reportKeys)
        {
            await store.DeleteAsync(key, ct);
        }

        db.Documents.RemoveRange(documents);
        db.Contacts.RemoveRange(contacts);
        db.ContactEntryDrafts.RemoveRange(await db.ContactEntryDrafts.IgnoreQueryFilters().Where(x => x.CaseId == caseId).ToListAsync(ct));
        db.CaseGoals.RemoveRange(await db.CaseGoals.IgnoreQueryFilters().Where(x => x.CaseId == caseId).ToListAsync(ct));
        db.ColleagueConsents.RemoveRange(await db.ColleagueConsents.IgnoreQueryFilters().Where(x => x.CaseId == caseId).ToListAsync(ct));
        db.AbilityProfiles.RemoveRange(await db.AbilityProfiles.IgnoreQueryFilters().Include(x => x.Revisions).Where(x => x.CaseId == caseId).ToListAsync(ct));
        db.SchoolOrientations.RemoveRange(await db.SchoolOrientations.IgnoreQueryFilters().Include(x => x.Activities).Where(x => x.CaseId == caseId).ToListAsync(ct));
        db.Apprenticeships.RemoveRange(await db.Apprenticeships.IgnoreQueryFilters().Where(x => x.CaseId == caseId).ToListAsync(ct));
        c.Anonymise(today);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), user.UserId, AuditActions.Delete, "Case", caseId.ToString())
        {
            ServiceId = c.ServiceId,
            ClientId = c.ClientId,
            CaseId = c.Id,
            Reason = RetentionRules.Reason,
        });
        await db.SaveChangesAsync(ct);
        return c.ClientId;
    }

    private async Task<bool> AnonymiseClientAsync(Guid clientId, DateOnly today, CancellationToken ct)
    {
        var kept = await db.Cases.IgnoreQueryFilters().AnyAsync(c => c.ClientId == clientId && c.AnonymisedOn == null, ct)
            || await db.Participations.IgnoreQueryFilters().AnyAsync(p => p.ClientId == clientId, ct);
        if (kept)
        {
            return false;
        }

        var client = await db.Clients.IgnoreQueryFilters().Include(c => c.Disabilities).SingleAsync(c => c.Id == clientId, ct);
        if (client.AnonymisedOn is not null)
        {
            return false;
        }

        var documents = await db.Documents.IgnoreQueryFilters().Where(d => d.ClientId == clientId).ToListAsync(ct);
        foreach (var d in documents)
        {
            await store.DeleteAsync(d.StorageKey, ct);
        }

        db.Documents.RemoveRange(documents);

        // CL-03: earlier values of corrected or removed records (descriptions of disabilities among them) go too.
        db.ClientRecordChanges.RemoveRange(await db.ClientRecordChanges.IgnoreQueryFilters().Where(c => c.ClientId == clientId).ToListAsync(ct));
        client.Anonymise(today);
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), user.UserId, AuditActions.Delete, "Client", clientId.ToString())
        {
            ServiceId = client.ServiceId,
            ClientId = clientId,
            Reason = RetentionRules.Reason,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }
}

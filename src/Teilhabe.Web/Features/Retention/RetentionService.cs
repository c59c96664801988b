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

/// <summary>DEL-01: a case never closed and open for longer than the retention period; nothing is deleted, the lead decides.</summary>
internal sealed record RetentionOpenItem(Guid CaseId, string CaseNumber, Guid ServiceId, string CaseworkerId, Core.Cases.Phase Phase, DateOnly StartDate, int Years);

/// <summary>
/// DEL-01: deletes the personal data of closed cases whose retention period ended (see <see cref="RetentionRules"/>).
/// Deleted with the case: contacts (with participants, topics, LEK links and earlier versions), documents and their
/// stored files, the records of removed documents (file name, reason), contact drafts and exceptions, goals, IFD tasks,
/// extension requests and Inklusionsbetrieb applications, transfer requests (with their copy of name and birth date),
/// incident accesses, coordination notices, the case's texts and the objection reason, the LEK invalidation reasons,
/// the stored PDFs of report versions (the version rows are immutable, REP-03, and keep only title/hash metadata).
/// Kept, anonymised, for the statistics: the case row with phase history, dates, care type, legal basis, funder,
/// outcome category, and the LEKs (codes and dates).
/// A programme participation loses its texts, plan, records, aftercare notes and contract once it ended the same
/// retention period ago (bookings, dates and codes stay for the programme figures).
/// The client is anonymised (not deleted, because the statistics of past years join the kept cases with the client's
/// gender, Personengruppe, disability category/status and birth year) once none of its cases and participations is
/// kept any more; its network profiles go with it. A client without any case or participation is deleted once its
/// last change (the latest write in the audit trail) is the retention period ago. Cases never closed are never deleted
/// here; those open longer than the period are listed for the lead (<see cref="OpenBeyondPeriodAsync"/>).
/// The audit trail is append-only (ACC-09) and writes ids, not personal texts; one row "delete" with the DEL-01 reason
/// per case, participation and client.
/// </summary>
internal sealed class RetentionService(TeilhabeDbContext db, IDocumentStore store, IStateProfileResolver profiles, TimeProvider clock, ICurrentUser user)
{
    public static readonly string[] DueReaders = [Roles.ServiceLead, Roles.Administrator];

    public sealed record Result(int Cases, int Clients, int Participations = 0, int ClientsDeleted = 0);

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

    /// <summary>DEL-01: open cases (never closed) that started more than the profile's retention years before <paramref name="today"/>.</summary>
    public async Task<List<RetentionOpenItem>> OpenBeyondPeriodAsync(DateOnly today, CancellationToken ct)
    {
        var bound = today.AddYears(-ShortestYears);
        var query = user.IsSystem || user.IsInRole(Roles.Administrator) ? db.Cases.IgnoreQueryFilters() : db.Cases.Where(c => c.ServiceId == user.ServiceId);
        var rows = await query.AsNoTracking()
            .Where(c => c.ClosedOn == null && c.AnonymisedOn == null && c.StartDate <= bound)
            .Select(c => new { c.Id, c.CaseNumber, c.ServiceId, c.IntegrationOfficeId, c.CaseworkerId, c.Phase, c.StartDate })
            .ToListAsync(ct);
        return [.. rows
            .Select(r => (Row: r, Years: profiles.ForIntegrationOffice(r.IntegrationOfficeId).RetentionYearsAfterClosing))
            .Where(x => x.Row.StartDate <= today.AddYears(-x.Years))
            .Select(x => new RetentionOpenItem(x.Row.Id, x.Row.CaseNumber, x.Row.ServiceId, x.Row.CaseworkerId, x.Row.Phase, x.Row.StartDate, x.Years))
            .OrderBy(r => r.StartDate).ThenBy(r => r.CaseNumber, StringComparer.Ordinal)];
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

        var participations = 0;
        foreach (var p in await DueParticipationsAsync(today, ct))
        {
            await AnonymiseParticipationAsync(p, today, ct);
            clientIds.Add(p.ClientId);
            participations++;
        }

        var clients = 0;
        foreach (var clientId in clientIds)
        {
            if (await AnonymiseClientAsync(clientId, today, ct))
            {
                clients++;
            }
        }

        var deleted = 0;
        foreach (var clientId in await ClientsWithoutCaseDueAsync(today, ct))
        {
            if (await DeleteClientAsync(clientId, today, ct))
            {
                deleted++;
            }
        }

        return new Result(due.Count, clients, participations, deleted);
    }

    private async Task<List<Core.Programmes.Participation>> DueParticipationsAsync(DateOnly today, CancellationToken ct)
    {
        var bound = RetentionRules.LatestClosingDueBy(today, ShortestYears);
        var ended = await db.Participations.IgnoreQueryFilters()
            .Where(p => p.Status == Core.Programmes.ParticipationStatus.Ended && p.AnonymisedOn == null && p.EndedOn != null && p.EndedOn <= bound)
            .ToListAsync(ct);
        return [.. ended.Where(p => RetentionRules.DeletionDate(p.EndedOn!.Value, true, profiles.ForIntegrationOffice(p.IntegrationOfficeId)) <= today)];
    }

    private async Task AnonymiseParticipationAsync(Core.Programmes.Participation p, DateOnly today, CancellationToken ct)
    {
        if (p.Anonymise(today) is { } contract)
        {
            await store.DeleteAsync(contract, ct);
        }

        Audit("Participation", p.Id.ToString(), p.ServiceId, p.ClientId, null);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Clients with no case and no kept participation whose last change (latest write in the audit trail — creation,
    /// correction, proof, employment) lies the profile's retention period back (end of the N-th calendar year after it).
    /// </summary>
    private async Task<List<Guid>> ClientsWithoutCaseDueAsync(DateOnly today, CancellationToken ct)
    {
        var candidates = await db.Clients.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.AnonymisedOn == null
                && !db.Cases.IgnoreQueryFilters().Any(x => x.ClientId == c.Id)
                && !db.Participations.IgnoreQueryFilters().Any(p => p.ClientId == c.Id && p.AnonymisedOn == null))
            .Select(c => new { c.Id, c.IntegrationOfficeId })
            .ToListAsync(ct);
        var due = new List<Guid>();
        foreach (var c in candidates)
        {
            var id = c.Id;
            var text = id.ToString();
            var last = await db.AuditEntries.AsNoTracking()
                .Where(a => (a.ClientId == id || (a.Entity == "Client" && a.EntityId == text)) && a.Action != AuditActions.Read && a.Action != "export")
                .OrderByDescending(a => a.Id).Select(a => (DateTimeOffset?)a.At).FirstOrDefaultAsync(ct);
            if (last is { } at && RetentionRules.DeletionDate(DateOnly.FromDateTime(Core.Time.BerlinTime.ToBerlin(at).DateTime), true, profiles.ForIntegrationOffice(c.IntegrationOfficeId)) <= today)
            {
                due.Add(id);
            }
        }

        return due;
    }

    /// <summary>A client without any case: deleted (an anonymised participation keeps it, anonymised, for the programme figures).</summary>
    private async Task<bool> DeleteClientAsync(Guid clientId, DateOnly today, CancellationToken ct)
    {
        if (await db.Participations.IgnoreQueryFilters().AnyAsync(p => p.ClientId == clientId, ct))
        {
            return await AnonymiseClientAsync(clientId, today, ct);
        }

        var client = await db.Clients.IgnoreQueryFilters().Include(c => c.Evidence).Include(c => c.Disabilities).Include(c => c.Employment)
            .AsSplitQuery().SingleAsync(c => c.Id == clientId, ct);
        await RemoveClientRecordsAsync(clientId, ct);
        db.Clients.Remove(client);
        Audit("Client", clientId.ToString(), client.ServiceId, clientId, null);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>What belongs to the person and not to a case: proofs (with files), earlier values (CL-03), network profiles.</summary>
    private async Task RemoveClientRecordsAsync(Guid clientId, CancellationToken ct)
    {
        var documents = await db.Documents.IgnoreQueryFilters().Where(d => d.ClientId == clientId).ToListAsync(ct);
        foreach (var d in documents)
        {
            await store.DeleteAsync(d.StorageKey, ct);
        }

        db.Documents.RemoveRange(documents);
        db.RemovedDocuments.RemoveRange(await db.RemovedDocuments.IgnoreQueryFilters().Where(d => d.ClientId == clientId).ToListAsync(ct));

        // CL-03: earlier values of corrected or removed records (descriptions of disabilities among them) go too.
        db.ClientRecordChanges.RemoveRange(await db.ClientRecordChanges.IgnoreQueryFilters().Where(c => c.ClientId == clientId).ToListAsync(ct));

        // NET-03: the anonymised profiles offered to networks are still texts about the person.
        db.NetworkCandidates.RemoveRange(await db.NetworkCandidates.IgnoreQueryFilters().Where(c => c.ClientId == clientId).ToListAsync(ct));
    }

    private void Audit(string entity, string id, Guid serviceId, Guid clientId, Guid? caseId)
        => db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), user.UserId, AuditActions.Delete, entity, id)
        {
            ServiceId = serviceId,
            ClientId = clientId,
            CaseId = caseId,
            Reason = RetentionRules.Reason,
        });

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
        db.RemovedDocuments.RemoveRange(await db.RemovedDocuments.IgnoreQueryFilters()
            .Where(d => d.CaseId == caseId || (d.ContactId != null && contactIds.Contains(d.ContactId.Value))).ToListAsync(ct));
        db.ContactVersions.RemoveRange(await db.ContactVersions.IgnoreQueryFilters().Where(v => contactIds.Contains(v.ContactId)).ToListAsync(ct));
        db.Contacts.RemoveRange(contacts);
        db.ContactExceptions.RemoveRange(await db.ContactExceptions.IgnoreQueryFilters().Where(x => x.CaseId == caseId).ToListAsync(ct));
        db.ExtensionRequests.RemoveRange(await db.ExtensionRequests.IgnoreQueryFilters().Where(x => x.CaseId == caseId).ToListAsync(ct));
        db.InclusionCompanyApplications.RemoveRange(await db.InclusionCompanyApplications.IgnoreQueryFilters().Where(x => x.CaseId == caseId).ToListAsync(ct));
        db.CaseTransferRequests.RemoveRange(await db.CaseTransferRequests.IgnoreQueryFilters().Where(x => x.CaseId == caseId).ToListAsync(ct));
        db.IncidentAccesses.RemoveRange(await db.IncidentAccesses.IgnoreQueryFilters().Where(x => x.CaseId == caseId).ToListAsync(ct));
        db.CoordinationNotifications.RemoveRange(await db.CoordinationNotifications.IgnoreQueryFilters().Where(x => x.CaseId == caseId).ToListAsync(ct));
        foreach (var o in await db.Outcomes.IgnoreQueryFilters().Where(x => x.CaseId == caseId && x.InvalidationReason != null).ToListAsync(ct))
        {
            o.ForgetInvalidationReason();
        }

        db.ContactEntryDrafts.RemoveRange(await db.ContactEntryDrafts.IgnoreQueryFilters().Where(x => x.CaseId == caseId).ToListAsync(ct));
        db.CaseGoals.RemoveRange(await db.CaseGoals.IgnoreQueryFilters().Where(x => x.CaseId == caseId).ToListAsync(ct));
        db.ColleagueConsents.RemoveRange(await db.ColleagueConsents.IgnoreQueryFilters().Where(x => x.CaseId == caseId).ToListAsync(ct));
        db.AbilityProfiles.RemoveRange(await db.AbilityProfiles.IgnoreQueryFilters().Include(x => x.Revisions).Where(x => x.CaseId == caseId).ToListAsync(ct));
        db.SchoolOrientations.RemoveRange(await db.SchoolOrientations.IgnoreQueryFilters().Include(x => x.Activities).Where(x => x.CaseId == caseId).ToListAsync(ct));
        db.Apprenticeships.RemoveRange(await db.Apprenticeships.IgnoreQueryFilters().Where(x => x.CaseId == caseId).ToListAsync(ct));
        c.Anonymise(today);
        Audit("Case", caseId.ToString(), c.ServiceId, c.ClientId, c.Id);
        await db.SaveChangesAsync(ct);
        return c.ClientId;
    }

    private async Task<bool> AnonymiseClientAsync(Guid clientId, DateOnly today, CancellationToken ct)
    {
        var kept = await db.Cases.IgnoreQueryFilters().AnyAsync(c => c.ClientId == clientId && c.AnonymisedOn == null, ct)
            || await db.Participations.IgnoreQueryFilters().AnyAsync(p => p.ClientId == clientId && p.AnonymisedOn == null, ct);
        if (kept)
        {
            return false;
        }

        var client = await db.Clients.IgnoreQueryFilters().Include(c => c.Disabilities).SingleAsync(c => c.Id == clientId, ct);
        if (client.AnonymisedOn is not null)
        {
            return false;
        }

        await RemoveClientRecordsAsync(clientId, ct);
        client.Anonymise(today);
        Audit("Client", clientId.ToString(), client.ServiceId, clientId, null);
        await db.SaveChangesAsync(ct);
        return true;
    }
}

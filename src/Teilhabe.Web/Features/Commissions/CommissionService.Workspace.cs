using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Directory;

namespace Teilhabe.Web.Features.Commissions;

/// <summary>What InA-Koordination has to decide across the IFDs of its state (page /ina).</summary>
internal sealed partial class CommissionService
{
    public sealed record CaseRef(Guid Id, string CaseNumber, string ServiceName);

    public sealed record PendingRequest(CaseRef Case, DateOnly CommissionStart, DateOnly Deadline, int DaysLeft);

    public sealed record PendingExtension(CaseRef Case, ExtensionRequest Request);

    public sealed record PendingApplication(CaseRef Case, InclusionCompanyApplication Application);

    /// <summary>PH-P2-04 / PH-P3-04: an InA case whose next move needs the coordinator's prior agreement, not yet recorded.</summary>
    public sealed record PendingAgreement(CaseRef Case, string Rule, string Kind, string Label);

    public sealed record Workspace(
        IReadOnlyList<PendingRequest> Requests,
        IReadOnlyList<PendingExtension> Extensions,
        IReadOnlyList<PendingApplication> Applications,
        IReadOnlyList<CaseRef> Conflicts,
        IReadOnlyList<PendingAgreement> Agreements);

    public async Task<Workspace> WorkspaceAsync(CancellationToken ct)
    {
        var today = Today;
        var earliest = today.AddDays(-7 * profile.ObjectionWeeks);
        var inaFunders = await db.Funders.AsNoTracking().Where(f => f.Kind == FunderKind.IntegrationOffice).Select(f => f.Id).ToListAsync(ct);
        var visible = access.Visible(db.Cases.AsNoTracking());
        var open = await visible.Where(c => c.Phase == Phase.P1 || c.Phase == Phase.P2 || c.Phase == Phase.P3).ToListAsync(ct);
        var services = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        CaseRef Ref(Case c) => new(c.Id, c.CaseNumber, services.GetValueOrDefault(c.ServiceId, "–"));

        // BA-SI-01: requests whose 4 weeks still run.
        var requests = open
            .Where(c => c.Phase == Phase.P3 && c.ObjectedOn == null && c.CommissionStart >= earliest
                        && c.FunderId is { } f && inaFunders.Contains(f) && CommissionKinds.IsInaRetention(c, FunderKind.IntegrationOffice))
            .Select(c =>
            {
                var deadline = CommissionKinds.ObjectionDeadline(c.CommissionStart!.Value, profile);
                return new PendingRequest(Ref(c), c.CommissionStart.Value, deadline, deadline.DayNumber - today.DayNumber);
            })
            .OrderBy(r => r.Deadline).ToList();

        var byId = open.ToDictionary(c => c.Id);
        var extensions = (await db.ExtensionRequests.AsNoTracking().Where(r => r.Approved == null).OrderBy(r => r.RequestedOn).ToListAsync(ct))
            .Where(r => byId.ContainsKey(r.CaseId)).Select(r => new PendingExtension(Ref(byId[r.CaseId]), r)).ToList();
        var applications = (await db.InclusionCompanyApplications.AsNoTracking().Where(a => a.Approved == null).OrderBy(a => a.AppliedOn).ToListAsync(ct))
            .Where(a => byId.ContainsKey(a.CaseId)).Select(a => new PendingApplication(Ref(byId[a.CaseId]), a)).ToList();

        // BA-IB-02: open cases whose employer is an Inklusionsbetrieb of the IFD's own Träger.
        var conflicts = await ConflictsAsync(open, ct);
        var agreements = await PendingAgreementsAsync(open, inaFunders, Ref, ct);
        return new Workspace(requests, extensions, applications, [.. open.Where(c => conflicts.Contains(c.Id)).Select(Ref).OrderBy(r => r.CaseNumber)], agreements);
    }

    /// <summary>
    /// PH-P2-04 / PH-P3-04 from the coordinator's side, with the same facts the phase machine asks: InA cases in P2 (the
    /// move to P3 needs agreement), P1 cases of clients who had a Qualifizierte Beratung before, and P2 cases of clients
    /// who had an InA commission before — each while the agreement of its kind is missing. A Qualifizierte Beratung
    /// without a funder counts as the Integrationsamt's (PhaseMachine.IsInaCase). "Before" means at any IFD of the
    /// Integrationsamt: the same person (name and birth date) may have a record at each of them.
    /// </summary>
    private async Task<IReadOnlyList<PendingAgreement>> PendingAgreementsAsync(List<Case> open, List<Guid> inaFunders, Func<Case, CaseRef> reference, CancellationToken ct)
    {
        bool IsIna(Case c) => c.FunderId is { } f ? inaFunders.Contains(f) : c.Phase is Phase.P1 or Phase.P2;
        var ina = open.Where(c => c.Phase is Phase.P1 or Phase.P2 && IsIna(c)).ToList();
        if (ina.Count == 0)
        {
            return [];
        }

        var ids = ina.Select(c => c.Id).ToList();
        var clientIds = ina.Select(c => c.ClientId).Distinct().ToList();
        var agreed = (await db.CaseAgreements.AsNoTracking().Where(a => ids.Contains(a.CaseId)).Select(a => new { a.CaseId, a.Kind }).ToListAsync(ct))
            .Select(a => (a.CaseId, a.Kind)).ToHashSet();

        // The person behind each record: the records of the open cases and every record of the same name and birth date.
        var own = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id))
            .Select(c => new { c.Id, c.SearchLastName, c.SearchFirstName, c.BirthDate }).ToListAsync(ct);
        var births = own.Select(c => c.BirthDate).Distinct().ToList();
        var candidates = await db.Clients.AsNoTracking().Where(c => births.Contains(c.BirthDate) && c.AnonymisedOn == null)
            .Select(c => new { c.Id, c.SearchLastName, c.SearchFirstName, c.BirthDate }).ToListAsync(ct);
        var person = candidates.Concat(own).DistinctBy(c => c.Id).ToDictionary(c => c.Id, c => (c.SearchLastName, c.SearchFirstName, c.BirthDate));
        var wanted = own.Select(c => person[c.Id]).ToHashSet();
        var records = person.Where(p => wanted.Contains(p.Value)).Select(p => p.Key).ToList();

        var earlier = await (from h in db.PhaseChanges.AsNoTracking()
                             join c in access.Visible(db.Cases.AsNoTracking()) on h.CaseId equals c.Id
                             where records.Contains(c.ClientId) && (h.To == Phase.P2 || h.To == Phase.P3)
                             select new { c.Id, c.ClientId, c.FunderId, h.To }).ToListAsync(ct);
        bool Had(Case c, Phase to, bool inaOnly) => earlier.Any(e => person[e.ClientId] == person[c.ClientId] && e.Id != c.Id && e.To == to
                                                                     && (!inaOnly || (e.FunderId is { } f && inaFunders.Contains(f))));

        var pending = new List<PendingAgreement>();
        foreach (var c in ina)
        {
            // A Qualifizierte Beratung without a funder that repeats an earlier one: before it starts (P1) or while it runs (P2).
            var renewal = c.Phase == Phase.P1 || (c.Phase == Phase.P2 && c.FunderId is null);
            if (renewal && Had(c, Phase.P2, inaOnly: false) && !agreed.Contains((c.Id, CaseAgreement.P2Renewal)))
            {
                pending.Add(new(reference(c), "PH-P2-04", CaseAgreement.P2Renewal, "erneute Qualifizierte Beratung (die Person war schon in P2)"));
            }

            if (c.Phase == Phase.P2 && c.FunderId is not null && !agreed.Contains((c.Id, CaseAgreement.P2ToP3)))
            {
                pending.Add(new(reference(c), "PH-P2-04", CaseAgreement.P2ToP3, "Wechsel von P2 nach P3"));
            }

            if (c.Phase == Phase.P2 && Had(c, Phase.P3, inaOnly: true) && !agreed.Contains((c.Id, CaseAgreement.P3Renewal)))
            {
                pending.Add(new(reference(c), "PH-P3-04", CaseAgreement.P3Renewal, "erneute Beauftragung im Auftrag des Integrationsamtes"));
            }
        }

        return [.. pending.OrderBy(p => p.Case.CaseNumber).ThenBy(p => p.Rule)];
    }
}

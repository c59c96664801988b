using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Directory;

namespace Teilhabe.Web.Features.Commissions;

/// <summary>What InA-Koordination has to decide across the IFDs of its state (page /ina).</summary>
public sealed partial class CommissionService
{
    public sealed record CaseRef(Guid Id, string CaseNumber, string ServiceName);

    public sealed record PendingRequest(CaseRef Case, DateOnly CommissionStart, DateOnly Deadline, int DaysLeft);

    public sealed record PendingExtension(CaseRef Case, ExtensionRequest Request);

    public sealed record PendingApplication(CaseRef Case, InclusionCompanyApplication Application);

    public sealed record Workspace(
        IReadOnlyList<PendingRequest> Requests,
        IReadOnlyList<PendingExtension> Extensions,
        IReadOnlyList<PendingApplication> Applications,
        IReadOnlyList<CaseRef> Conflicts);

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
        return new Workspace(requests, extensions, applications, [.. open.Where(c => conflicts.Contains(c.Id)).Select(Ref).OrderBy(r => r.CaseNumber)]);
    }
}

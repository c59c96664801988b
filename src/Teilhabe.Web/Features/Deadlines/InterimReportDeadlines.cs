using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Reports;
using Teilhabe.Core.Time;

namespace Teilhabe.Web.Features.Deadlines;

/// <summary>
/// REP-06 (profile rule, off in TH): the next Zwischenbericht of every open commissioned case whose Integrationsamt's
/// profile switches it on, four weeks ahead on the caseworker's list. The Sachstandsberichte produced so far are read in
/// one query for all cases of the list.
/// </summary>
internal sealed class InterimReportDeadlines(TeilhabeDbContext db, IStateProfileResolver profiles) : IDeadlineSource
{
    /// <summary>How long before the due date the entry appears on the list.</summary>
    public const int LeadDays = 28;

    public async Task<IReadOnlyList<DeadlineEntry>> CollectAsync(DeadlineContext context, CancellationToken ct)
    {
        if (context.ForCoordinator)
        {
            return [];
        }

        var commissioned = context.Cases.Where(c => c.CommissionStart is not null && c.ClosedOn is null
            && profiles.ForIntegrationOffice(c.IntegrationOfficeId).InterimReportsRequired).ToList();
        if (commissioned.Count == 0)
        {
            return [];
        }

        var ids = commissioned.Select(c => c.Id).ToList();
        var produced = await db.ReportVersions.AsNoTracking()
            .Where(r => ids.Contains(r.CaseId) && r.Kind == ReportKind.Progress)
            .Select(r => new { r.CaseId, r.CreatedAt }).ToListAsync(ct);
        var byCase = produced.ToLookup(r => r.CaseId, r => DateOnly.FromDateTime(BerlinTime.ToBerlin(r.CreatedAt).DateTime));
        return Entries(c => profiles.ForIntegrationOffice(c.IntegrationOfficeId), commissioned, id => byCase[id]);
    }

    /// <summary>The REP-06 entries for the given cases; <paramref name="reportDays"/> gives the days Sachstandsberichte were produced.</summary>
    public static IReadOnlyList<DeadlineEntry> Entries(StateProfile profile, IEnumerable<Case> cases, Func<Guid, IEnumerable<DateOnly>> reportDays)
        => Entries(_ => profile, cases, reportDays);

    /// <summary>The REP-06 entries, each case under its own profile.</summary>
    public static IReadOnlyList<DeadlineEntry> Entries(Func<Case, StateProfile> profileOf, IEnumerable<Case> cases, Func<Guid, IEnumerable<DateOnly>> reportDays)
    {
        var entries = new List<DeadlineEntry>();
        foreach (var c in cases)
        {
            if (ReportRules.NextInterimReportDue(profileOf(c), c.CommissionStart, c.ClosedOn, reportDays(c.Id)) is { } due)
            {
                entries.Add(new DeadlineEntry(c, "REP-06", "Zwischenbericht fällig", due)
                {
                    VisibleFrom = due.AddDays(-LeadDays),
                    Link = $"/faelle/{c.Id}/berichte",
                });
            }
        }

        return entries;
    }
}

using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Time;

namespace Teilhabe.Web.Features.Cases;

/// <summary>Case filters shared by the case list and the lead's team overview, so both count the same cases.</summary>
internal static class CaseQueries
{

    /// <summary>The first day that still counts as "recent contact": today minus the contact gap of CT-05.</summary>
    public static DateOnly ContactCutoff(DateOnly today, StateProfile profile) => today.AddDays(-7 * profile.ContactGapWeeks);

    /// <summary>
    /// Open P1–P3 cases (FDS cases have no contact rhythm, PH-FDS-02) that started on or before the cutoff and have no
    /// contact documented since then (any form, any participant).
    /// </summary>
    public static IQueryable<Case> WithoutContactSince(this IQueryable<Case> cases, TeilhabeDbContext db, DateOnly cutoff)
    {
        var since = BerlinTime.StartOfDayUtc(cutoff);
        return cases.Where(c => (c.Phase == Phase.P1 || c.Phase == Phase.P2 || c.Phase == Phase.P3) && c.ClosedOn == null && c.StartDate <= cutoff
            && !db.Contacts.Any(k => k.CaseId == c.Id && k.CancelledAt == null && k.OccurredAt >= since));
    }

    public static IQueryable<Case> OpenExpertStatements(this IQueryable<Case> cases)
        => cases.Where(c => c.ClosedOn == null && (c.Phase == Phase.FP1 || c.Phase == Phase.FP3));
}

using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Cases;

namespace Teilhabe.Web.Features.Deadlines;

/// <summary>
/// Gathers the facts of CT-04…CT-07 from the database for <see cref="ContactContinuity"/>, and records the
/// exceptions agreed with InA-Koordination (CT-06).
/// </summary>
internal sealed class ContinuityService(TeilhabeDbContext db, CaseAccess access, ICurrentUser user, TimeProvider clock, StateProfile profile)
{
    /// <summary>The catalogue code (disability-categories) that makes a client hearing-impaired for CT-05.</summary>
    public const string HearingCategory = "hearing";

    /// <summary>CT-04/CT-05 per case (only cases the rules apply to appear).</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ContinuityItem>>> EvaluateAsync(
        IReadOnlyList<Case> cases, DateOnly today, IReadOnlySet<Guid> integrationOfficeFunders, CancellationToken ct)
    {
        var facts = cases.ToDictionary(c => c.Id, c => Facts(c, integrationOfficeFunders, hearing: false));
        var relevant = cases.Where(c => ContactContinuity.Applies(facts[c.Id])).ToList();
        if (relevant.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<ContinuityItem>>();
        }

        var caseIds = relevant.Select(c => c.Id).ToList();
        var clientIds = relevant.Select(c => c.ClientId).Distinct().ToList();
        // The rules only look at the latest contact with the client of each kind, so the database answers with
        // those: one row per case, form and "long phone call" instead of every contact since P2.
        var longCall = profile.LongPhoneCallMinutes;
        var contacts = (await db.Contacts.AsNoTracking()
            .Where(c => caseIds.Contains(c.CaseId) && c.CancelledAt == null && c.Participants.Any(p => p.Kind == ParticipantKind.Client))
            .GroupBy(c => new { c.CaseId, c.Form, Long = c.DurationMinutes != null && c.DurationMinutes >= longCall })
            .Select(g => new { g.Key.CaseId, g.Key.Form, g.Key.Long, Last = g.Max(c => c.OccurredAt) })
            .ToListAsync(ct))
            .ToLookup(c => c.CaseId, c => new ContinuityContact(
                DateOnly.FromDateTime(BerlinTime.ToBerlin(c.Last).DateTime), c.Form, WithClient: true, c.Long ? longCall : null));
        var exceptions = (await db.ContactExceptions.AsNoTracking().Where(e => caseIds.Contains(e.CaseId))
            .Select(e => new { e.CaseId, e.From, e.To }).ToListAsync(ct))
            .ToLookup(e => e.CaseId, e => new ContinuityException(e.From, e.To));
        // CT-05: hearing-impaired when the client's flag or one of the client's disabilities says so.
        var hearing = (await db.Disabilities.AsNoTracking().Where(d => clientIds.Contains(d.ClientId) && d.CategoryCode == HearingCategory)
            .Select(d => d.ClientId)
            .Union(db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id) && c.HearingImpaired).Select(c => c.Id))
            .ToListAsync(ct)).ToHashSet();

        return relevant.ToDictionary(c => c.Id, c => ContactContinuity.Evaluate(
            Facts(c, integrationOfficeFunders, hearing.Contains(c.ClientId)), contacts[c.Id], exceptions[c.Id], today, profile));
    }

    /// <summary>CT-04/CT-05: the rules begin when the case entered P2 or P3.</summary>
    public static ContinuityFacts Facts(Case c, IReadOnlySet<Guid> integrationOfficeFunders, bool hearing)
    {
        var since = c.History.Where(h => h.To is Phase.P2 or Phase.P3).Select(h => (DateOnly?)h.On).Min() ?? c.PhaseSince;
        var fds = c.CareTypeCode == CareTypes.ExpertStatement || c.IsAdditionalStatement;
        var other = c.FunderId is { } f && !integrationOfficeFunders.Contains(f);
        return new ContinuityFacts(c.Phase, fds, since, other, c.ContactFrequencyDays, hearing);
    }

    public Task<List<ContactException>> ListExceptionsAsync(Case @case, CancellationToken ct)
        => db.ContactExceptions.AsNoTracking().Where(e => e.CaseId == @case.Id).OrderBy(e => e.From).ToListAsync(ct);

    /// <summary>CT-06: only InA-Koordination of the case's Integrationsamt records an exception.</summary>
    public bool CanRecordException(Case @case) => access.IsCoordinator && user.IntegrationOfficeId == @case.IntegrationOfficeId;

    public async Task<Result<ContactException>> AddExceptionAsync(
        Case @case, string? reason, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var errors = ContactException.Validate(reason, from, to);
        if (errors.Count > 0)
        {
            return Result<ContactException>.Invalid(errors);
        }

        var exception = new ContactException(@case, reason!, from!.Value, to!.Value, clock.GetUtcNow(), user.UserId);
        db.ContactExceptions.Add(exception);
        await db.SaveChangesAsync(ct);
        return Result<ContactException>.Ok(exception);
    }
}

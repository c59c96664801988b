using Teilhabe.Core.Audit;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Accounts;

/// <summary>
/// TR-03 / ACC-06 "Vertretung per caseworker": a caseworker is away from <see cref="From"/> to <see cref="To"/>
/// (both days included); meanwhile the deputies see and work on every case of that caseworker.
/// </summary>
public sealed class Absence : IServiceScoped, IAuditedEntity
{
    public const string Rule = "TR-03";

    private readonly List<AbsenceDeputy> _deputies = [];

    private Absence()
    {
        UserId = string.Empty;
    }

    private Absence(Guid serviceId, Guid integrationOfficeId, string userId, DateOnly from, DateOnly to, IEnumerable<string> deputyUserIds, DateTimeOffset recordedAt, string? recordedBy)
        : this()
    {
        Id = Guid.CreateVersion7();
        ServiceId = serviceId;
        IntegrationOfficeId = integrationOfficeId;
        UserId = userId;
        From = from;
        To = to;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
        _deputies.AddRange(deputyUserIds.Distinct(StringComparer.Ordinal).Select(d => new AbsenceDeputy(Id, d)));
    }

    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid IntegrationOfficeId { get; private set; }

    /// <summary>The absent caseworker.</summary>
    public string UserId { get; private set; }

    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string? RecordedBy { get; private set; }

    public IReadOnlyList<AbsenceDeputy> Deputies => _deputies;

    public bool IsActiveOn(DateOnly day) => From <= day && day <= To;

    /// <summary>
    /// TR-03: records an absence. <paramref name="colleagues"/> are the active users of the caseworker's IFD who may
    /// stand in (caseworkers, deputies, the lead); every violation is reported at once.
    /// </summary>
    public static (Absence? Absence, IReadOnlyList<RuleViolation> Errors) Record(
        Guid serviceId, Guid integrationOfficeId, string userId, DateOnly? from, DateOnly? to, IReadOnlyList<string> deputyUserIds,
        IReadOnlySet<string> colleagues, DateOnly today, DateTimeOffset now, string? recordedBy)
    {
        var v = new List<RuleViolation>();
        if (from is null)
        {
            v.Add(new(RuleIds.Input, "Bitte angeben, ab wann die Abwesenheit gilt.", "from"));
        }

        if (to is null)
        {
            v.Add(new(RuleIds.Input, "Bitte angeben, bis wann die Abwesenheit gilt.", "to"));
        }

        if (from is { } f && to is { } t)
        {
            if (t < f)
            {
                v.Add(new(Rule, "Das Ende der Abwesenheit liegt vor ihrem Beginn.", "to"));
            }

            if (t < today)
            {
                v.Add(new(Rule, "Eine Abwesenheit, die schon vorbei ist, gibt keiner Vertretung mehr Zugriff; bitte ein Ende ab heute angeben.", "to"));
            }
        }

        if (deputyUserIds.Count == 0)
        {
            v.Add(new(Rule, "Bitte mindestens eine Vertretung angeben.", "deputyUserIds"));
        }
        else if (deputyUserIds.Contains(userId, StringComparer.Ordinal))
        {
            v.Add(new(Rule, "Wer abwesend ist, kann sich nicht selbst vertreten.", "deputyUserIds"));
        }
        else if (deputyUserIds.FirstOrDefault(d => !colleagues.Contains(d)) is { } stranger)
        {
            v.Add(new(Rule, $"Vertretungen sind aktive Kolleginnen und Kollegen desselben IFD; nicht passend: {stranger}.", "deputyUserIds"));
        }

        return v.Count > 0
            ? (null, v)
            : (new Absence(serviceId, integrationOfficeId, userId, from!.Value, to!.Value, deputyUserIds, now, recordedBy), []);
    }
}

/// <summary>One deputy of an absence.</summary>
public sealed class AbsenceDeputy
{
    private AbsenceDeputy()
    {
        UserId = string.Empty;
    }

    public AbsenceDeputy(Guid absenceId, string userId)
    {
        AbsenceId = absenceId;
        UserId = userId;
    }

    public Guid AbsenceId { get; private set; }
    public string UserId { get; private set; }
}

/// <summary>The questions others ask about absences (case access, deadline lists, the team overview).</summary>
public static class AbsenceQueries
{
    /// <summary>The absences of an IFD that are in force on <paramref name="day"/>.</summary>
    public static IQueryable<Absence> CurrentIn(this IQueryable<Absence> absences, Guid serviceId, DateOnly day)
        => absences.Where(a => a.ServiceId == serviceId && a.From <= day && a.To >= day);

    /// <summary>The absences in force on <paramref name="day"/> in which <paramref name="deputyUserId"/> stands in.</summary>
    public static IQueryable<Absence> CoveredBy(this IQueryable<Absence> absences, string deputyUserId, DateOnly day)
        => absences.Where(a => a.From <= day && a.To >= day && a.Deputies.Any(d => d.UserId == deputyUserId));
}

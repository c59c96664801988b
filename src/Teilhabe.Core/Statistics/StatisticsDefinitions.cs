using System.Linq.Expressions;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Clients;

namespace Teilhabe.Core.Statistics;

/// <summary>
/// STAT-01: the counting definitions of the annual statistics (§ 197 SGB IX), written down once. Every figure of
/// the statistics (API, page, CSV, XLSX) is computed from these expressions; the database evaluates them (they are
/// translated to SQL on SQLite and PostgreSQL), and the unit tests evaluate the very same expressions compiled.
/// docs/statistics.md explains them in prose.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The date that decides is always the business date of a phase change (<see cref="PhaseChange.On"/>), never
/// the time it was recorded.</item>
/// <item>Group membership follows the phase history: a case belongs to a group from the day it entered the group's
/// entry phase (<see cref="StatisticsGroup.EntryPhase"/>) up to the day it left that phase (moved on or closed).</item>
/// <item>An <b>entry</b> is an entry day within [from, to]; an <b>exit</b> is a leaving day within [from, to].</item>
/// <item>The <b>stock on a day</b> is taken at the end of that day: entered on or before the day and not left on or
/// before it. Start stock = stock on the day before <c>from</c>; end stock = stock on <c>to</c>. So
/// start + entries − exits = end holds by construction.</item>
/// <item>A leaving day before the entry day (inconsistent data) is read as the entry day.</item>
/// </list>
/// </remarks>
public static class StatisticsDefinitions
{
    public const string Rule = "STAT-01";

    /// <summary>STAT-01: P2, P3 and FDS are counted separately. FDS counts commissioned statements: entry is FP3.</summary>
    public static readonly IReadOnlyList<StatisticsGroup> Groups =
    [
        new("P2", "Qualifizierte Beratung (P2)", Phase.P2),
        new("P3", "Beauftragung (P3)", Phase.P3),
        new("FDS", "Fachdienstliche Stellungnahmen (FP3)", Phase.FP3),
    ];

    /// <summary>
    /// A phase change that makes its case a counted case (entry into P2, P3 or FP3). A case without one is a P1 case
    /// (or an FDS that was never commissioned) and never counts (PH-P1-01), neither do its LEKs.
    /// </summary>
    public static readonly Expression<Func<PhaseChange, bool>> IsCountedEntry
        = h => h.To == Phase.P2 || h.To == Phase.P3 || h.To == Phase.FP3;

    /// <summary>
    /// The membership span of every case (of the given case query) in one group, with the client's gender.
    /// The entry is the first day the case entered the group's phase; the exit the first day it left it.
    /// The history is read once and grouped by case (one hash aggregate instead of two lookups per case).
    /// </summary>
    public static IQueryable<CaseSpan> Spans(IQueryable<Case> cases, IQueryable<Client> clients, IQueryable<PhaseChange> history, Phase entryPhase)
        => from m in history.Where(h => h.To == entryPhase || h.From == entryPhase)
               .GroupBy(h => h.CaseId)
               .Select(g => new
               {
                   CaseId = g.Key,
                   Entry = g.Min(h => h.To == entryPhase ? (DateOnly?)h.On : null),
                   Exit = g.Min(h => h.From == entryPhase ? (DateOnly?)h.On : null),
               })
           where m.Entry != null
           join c in cases on m.CaseId equals c.Id
           join cl in clients on c.ClientId equals cl.Id
           select new CaseSpan
           {
               CaseId = c.Id,
               ClientId = c.ClientId,
               ServiceId = c.ServiceId,
               Gender = cl.Gender,
               Entry = m.Entry,
               Exit = m.Exit != null && m.Exit < m.Entry ? m.Entry : m.Exit,
           };

    /// <summary>Pure counterpart of <see cref="Spans"/> for one case's history (used by the unit tests).</summary>
    public static CaseSpan? SpanOf(IEnumerable<(Phase From, Phase To, DateOnly On)> history, Phase entryPhase, Gender gender = Gender.Unknown)
    {
        var list = history.ToList();
        var entry = list.Where(h => h.To == entryPhase).Select(h => (DateOnly?)h.On).Min();
        if (entry is null)
        {
            return null;
        }

        var exit = list.Where(h => h.From == entryPhase).Select(h => (DateOnly?)h.On).Min();
        return new CaseSpan { Entry = entry, Exit = exit is not null && exit < entry ? entry : exit, Gender = gender };
    }

    /// <summary>Stock at the end of <paramref name="day"/>: entered on or before it and not left on or before it.</summary>
    public static Expression<Func<CaseSpan, bool>> InStockOn(DateOnly day)
        => s => s.Entry != null && s.Entry <= day && (s.Exit == null || s.Exit > day);

    /// <summary>Entries: the entry day lies within [from, to].</summary>
    public static Expression<Func<CaseSpan, bool>> EntersWithin(DateOnly from, DateOnly to)
        => s => s.Entry != null && s.Entry >= from && s.Entry <= to;

    /// <summary>Exits: the leaving day lies within [from, to].</summary>
    public static Expression<Func<CaseSpan, bool>> ExitsWithin(DateOnly from, DateOnly to)
        => s => s.Entry != null && s.Exit != null && s.Exit >= from && s.Exit <= to;

    /// <summary>Cases served in the period (start stock plus entries): the population of the breakdowns.</summary>
    public static Expression<Func<CaseSpan, bool>> ActiveWithin(DateOnly from, DateOnly to)
        => s => s.Entry != null && s.Entry <= to && (s.Exit == null || s.Exit >= from);

    /// <summary>Start stock is taken on the day before the period.</summary>
    public static DateOnly StartStockDay(DateOnly from) => from.AddDays(-1);

    /// <summary>
    /// A closed case (outcomes): moved from P3 to P4 on a day within [from, to]. Its outcome is the outcome category
    /// recorded with that move (PH-P4-02).
    /// </summary>
    public static Expression<Func<PhaseChange, bool>> ClosedFromP3Within(DateOnly from, DateOnly to)
        => h => h.From == Phase.P3 && h.To == Phase.P4 && h.On >= from && h.On <= to;

    /// <summary>LEK-01, LEK-03: a valid LEK with a start date counts in the period its start date falls into.</summary>
    public static Expression<Func<Contacts.Outcome, bool>> LekCountsWithin(DateOnly from, DateOnly to)
        => o => o.InvalidatedAt == null && o.StartDate != null && o.StartDate >= from && o.StartDate <= to;

    /// <summary>
    /// Age band (index into <paramref name="lowerBounds"/>) of a birth date on the reference day, as an expression
    /// the database evaluates: the number of bounds the person has reached, minus one.
    /// </summary>
    public static Expression<Func<DateOnly, int>> AgeBandIndex(DateOnly reference, IReadOnlyList<int> lowerBounds)
    {
        var birth = Expression.Parameter(typeof(DateOnly), "birth");
        Expression sum = Expression.Constant(-1);
        foreach (var bound in lowerBounds)
        {
            // Born on or before reference − bound years ⇔ at least "bound" years old on the reference day.
            var threshold = Expression.Constant(reference.AddYears(-bound));
            sum = Expression.Add(sum, Expression.Condition(Expression.LessThanOrEqual(birth, threshold), Expression.Constant(1), Expression.Constant(0)));
        }

        return Expression.Lambda<Func<DateOnly, int>>(sum, birth);
    }

    /// <summary>The stable code of an age band, e.g. "25-34" or "55+" (bounds from the profile).</summary>
    public static string AgeBandCode(int index, IReadOnlyList<int> lowerBounds)
    {
        if (index < 0)
        {
            return "unspecified";
        }

        return index + 1 < lowerBounds.Count ? $"{lowerBounds[index]}-{lowerBounds[index + 1] - 1}" : $"{lowerBounds[index]}+";
    }

    /// <summary>The age band as a projection of any row type: <paramref name="birthOf"/> composed with <see cref="AgeBandIndex"/>.</summary>
    public static Expression<Func<T, KeyedRow>> AgeBandRow<T>(
        Expression<Func<T, DateOnly>> birthOf, Expression<Func<T, Gender>> genderOf, DateOnly reference, IReadOnlyList<int> lowerBounds)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var band = AgeBandIndex(reference, lowerBounds);
        var birth = new Replace(birthOf.Parameters[0], row).Visit(birthOf.Body)!;
        var index = new Replace(band.Parameters[0], birth).Visit(band.Body)!;
        var gender = new Replace(genderOf.Parameters[0], row).Visit(genderOf.Body)!;
        var body = Expression.MemberInit(
            Expression.New(typeof(KeyedRow)),
            Expression.Bind(typeof(KeyedRow).GetProperty(nameof(KeyedRow.Index))!, index),
            Expression.Bind(typeof(KeyedRow).GetProperty(nameof(KeyedRow.Gender))!, gender));
        return Expression.Lambda<Func<T, KeyedRow>>(body, row);
    }

    /// <summary>STAT-02: in a publication export a cell below the profile's minimum is suppressed (null).</summary>
    public static int? Publish(int value, bool publication, int minimumCell)
        => publication && value < minimumCell ? null : value;
}

/// <summary>A row keyed for counting: a code (or an index for age bands) and the gender.</summary>
public sealed class KeyedRow
{
    public string? Code { get; init; }
    public int Index { get; init; }
    public Gender Gender { get; init; }
}

/// <summary>Replaces one expression node by another (composing the definitions).</summary>
internal sealed class Replace(Expression from, Expression to) : ExpressionVisitor
{
    public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
}

/// <summary>One statistics group (P2, P3, FDS) and the phase whose entry makes a case a member.</summary>
public sealed record StatisticsGroup(string Code, string Label, Phase EntryPhase);

/// <summary>The membership of one case in one group: entry and exit day (exit null while still in the group).</summary>
public sealed class CaseSpan
{
    public Guid CaseId { get; init; }
    public Guid ClientId { get; init; }
    public Guid ServiceId { get; init; }
    public Gender Gender { get; init; }
    public DateOnly? Entry { get; init; }
    public DateOnly? Exit { get; init; }
}

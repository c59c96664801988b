namespace Teilhabe.Core.Time;

/// <summary>How urgent a deadline is on a given (Berlin) day: the list's and the API's <c>status</c>.</summary>
public enum DeadlineStatus
{
    /// <summary>Due before today.</summary>
    Overdue,

    /// <summary>Due today.</summary>
    Today,

    /// <summary>Due within the next seven days (tomorrow up to today + 7).</summary>
    Week,

    /// <summary>Due later than that.</summary>
    Later,
}

public static class DeadlineUrgency
{
    public const int WeekDays = 7;

    /// <summary>The status of a due date on <paramref name="today"/>, the Berlin calendar day (<see cref="BerlinTime.Today"/>).</summary>
    public static DeadlineStatus Of(DateOnly dueDate, DateOnly today)
        => dueDate < today ? DeadlineStatus.Overdue
            : dueDate == today ? DeadlineStatus.Today
            : dueDate <= today.AddDays(WeekDays) ? DeadlineStatus.Week
            : DeadlineStatus.Later;

    /// <summary>The API value (API.md: overdue, today, week, later).</summary>
    public static string ApiValue(this DeadlineStatus status) => status switch
    {
        DeadlineStatus.Overdue => "overdue",
        DeadlineStatus.Today => "today",
        DeadlineStatus.Week => "week",
        _ => "later",
    };

    /// <summary>The German label of the pages.</summary>
    public static string GermanLabel(this DeadlineStatus status) => status switch
    {
        DeadlineStatus.Overdue => "überfällig",
        DeadlineStatus.Today => "heute",
        DeadlineStatus.Week => "diese Woche",
        _ => "später",
    };
}

using Teilhabe.Core.Cases;

namespace Teilhabe.Web.Features.Deadlines;

/// <summary>
/// One family of deadline rules (DOMAIN.md section 10). Each source is a small class registered in DI
/// (<see cref="DeadlineRegistration"/>); the <see cref="DeadlineService"/> asks all of them and needs no change
/// when a feature adds its own (REP-04, DEL-01, PRG-TR-04 …).
/// </summary>
internal interface IDeadlineSource
{
    Task<IReadOnlyList<DeadlineEntry>> CollectAsync(DeadlineContext context, CancellationToken ct);
}

/// <summary>What the sources work on: the open cases in the caller's scope, today, and who asks.</summary>
internal sealed class DeadlineContext
{
    /// <summary>The open cases the caller may see (with their phase history), already limited to the caller's scope.</summary>
    public required IReadOnlyList<Case> Cases { get; init; }

    public required DateOnly Today { get; init; }

    /// <summary>InA-Koordination asks: released metadata only (no client-level timelines, no notes).</summary>
    public required bool ForCoordinator { get; init; }

    /// <summary>The caller, for personal items without a case (ACC-04); null for the system.</summary>
    public required string? UserId { get; init; }

    /// <summary>Funders of kind Integrationsamt: identifies InA cases.</summary>
    public required IReadOnlySet<Guid> IntegrationOfficeFunders { get; init; }

    /// <summary>Cases with a pending or refused extension request for their current end (BA-EXT-01 needs no reminder then).</summary>
    public IReadOnlySet<Guid> ExtensionRequested { get; init; } = new HashSet<Guid>();

    /// <summary>The case page asks for one case: no personal items.</summary>
    public bool SingleCase { get; init; }

    public bool IsIntegrationOfficeCase(Case c) => c.FunderId is { } f && IntegrationOfficeFunders.Contains(f);
}

/// <summary>
/// What a source reports: the rule, a German label and the due date. <see cref="VisibleFrom"/> and
/// <see cref="VisibleUntil"/> limit when the list shows it (the case page shows it regardless).
/// </summary>
internal sealed record DeadlineEntry(Case? Case, string Rule, string Label, DateOnly DueDate)
{
    public DateOnly? VisibleFrom { get; init; }
    public DateOnly? VisibleUntil { get; init; }

    /// <summary>Where to act; the case page when null.</summary>
    public string? Link { get; init; }

    public bool IsVisibleOn(DateOnly today) => (VisibleFrom is null || VisibleFrom <= today) && (VisibleUntil is null || today <= VisibleUntil);
}

/// <summary>One row of the deadline list ("Wiedervorlage") as pages and API show it.</summary>
internal sealed record DeadlineItem(
    Guid? CaseId,
    string? CaseNumber,
    Guid? ClientId,
    string? ClientName,
    string? CaseworkerId,
    string? CaseworkerName,
    Guid? ServiceId,
    string? ServiceName,
    string Rule,
    string Label,
    DateOnly DueDate,
    bool Overdue,
    string Link,
    Teilhabe.Core.Time.DeadlineStatus Status);

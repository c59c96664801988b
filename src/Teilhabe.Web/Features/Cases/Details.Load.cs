using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Catalogues;

using Teilhabe.Web.Features.Deadlines;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Cases;

/// <summary>What the case page shows: the case, its names and labels, the checks of the next steps, the documents.</summary>
internal sealed partial class DetailsModel
{
    /// <summary>One possible next phase and what CaseTransitions.CheckAsync finds for it today (PH-GEN-01).</summary>
    public sealed record NextStep(Phase To, IReadOnlyList<Core.Rules.RuleViolation> Violations, IReadOnlyList<Core.Rules.RuleViolation> Warnings);

    public Case Case { get; private set; } = null!;
    public FormErrors Errors => new(ModelState);
    public bool CanEdit { get; private set; }
    public bool SeesInternalTexts { get; private set; }
    public bool IsCoordinator => access.IsCoordinator;
    public DateOnly Today => cases.Today;

    public string ClientName { get; private set; } = "–";
    public string FunderName { get; private set; } = "–";
    public string? ParentCaseNumber { get; private set; }
    public IReadOnlyDictionary<string, string> UserNames { get; private set; } = new Dictionary<string, string>();
    public CaseChoices Choices { get; private set; } = null!;
    public IReadOnlyList<CatalogueEntry> ClosingReasons { get; private set; } = [];
    public IReadOnlyDictionary<string, string> ClosingReasonLabels { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<CatalogueEntry> OutcomeCategories { get; private set; } = [];

    /// <summary>DOC-04: the maintained versions of the three forms.</summary>
    public IReadOnlyList<CatalogueEntry> FormVersionEntries { get; private set; } = [];
    public IReadOnlyDictionary<string, string> OutcomeLabels { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<CatalogueEntry> NoticeVersions { get; private set; } = [];
    public IReadOnlyList<Phase> Targets { get; private set; } = [];
    public IReadOnlyList<NextStep> NextSteps { get; private set; } = [];
    public IReadOnlyList<CaseDocument> Documents { get; private set; } = [];

    /// <summary>DOC-06: removed documents a past phase change needed, not yet replaced.</summary>
    public IReadOnlyList<(RemovedDocument Removed, PhaseChange Change)> MissingAfterRemoval { get; private set; } = [];

    public bool MayRemoveDocuments { get; private set; }

    public string? Message { get; private set; }
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>The stored case when the fields form was sent on an older version.</summary>
    public Case? Conflict { get; private set; }

    /// <summary>Files stored before a later file of the same upload was refused.</summary>

    public string UserName(string? id) => id is null ? "–" : UserNames.GetValueOrDefault(id, "–");

    /// <summary>The section shown: the overview (empty) or one of <see cref="CaseSections"/>.</summary>
    public string Current => Section ?? CaseSections.Overview;

    /// <summary>The label of the current section for the page title; null on the overview.</summary>
    public string? CurrentLabel => Current.Length == 0 ? null : SectionLinks.FirstOrDefault(l => l.Key == Current)?.Label;

    public IReadOnlyList<CaseSections.Link> SectionLinks { get; private set; } = [];

    /// <summary>How many deadlines and contacts the overview lists before it links to the full section.</summary>
    public const int OverviewItems = 5;

    /// <summary>What only the overview shows: the case's deadlines and, for those who see contact content, the last contacts.</summary>
    public sealed record OverviewPanel(IReadOnlyList<Deadlines.DeadlineItem> Due, IReadOnlyList<RecentContact>? Contacts);

    public sealed record RecentContact(DateTimeOffset OccurredAt, Core.Contacts.ContactForm Form, string? Keywords);

    public OverviewPanel? Overview { get; private set; }

    /// <summary>
    /// Loads the case and what the current section shows, nothing else: the overview its facts, deadlines, last contacts
    /// and next steps; each section its own lists (some are loaded by their partials, e.g. reports and deadlines).
    /// </summary>
    private async Task<bool> LoadAsync(CancellationToken ct, bool keepFields = false)
    {
        var @case = await cases.GetAsync(Id, ct);
        if (@case is null)
        {
            return false;
        }

        Case = @case;
        CanEdit = access.CanEdit(@case);
        SeesInternalTexts = access.SeesInternalTexts(@case);
        Message = TempData[MessageKey] as string;
        Warnings = TempData[WarningsKey] as string[] ?? [];
        SectionLinks = CaseSections.For(@case.Id, CanEdit);
        Targets = [.. Enum.GetValues<Phase>().Where(p => PhaseMachine.IsAllowedEdge(@case.Phase, p, @case.IsAdditionalStatement))];
        ClientName = await db.Clients.AsNoTracking().Where(c => c.Id == @case.ClientId).Select(c => c.LastName + ", " + c.FirstName).FirstOrDefaultAsync(ct) ?? "–";

        var section = Current;
        var withFunders = section == CaseSections.Fields || (section == CaseSections.Phase && CanEdit && @case.Phase == Phase.P3);
        Choices = await CaseChoices.LoadAsync(catalogues, withFunders ? directory : null, ct);
        ClosingReasons = await catalogues.ListAsync(CatalogueNames.ClosingReasons, false, ct);
        ClosingReasonLabels = await catalogues.LabelsAsync(CatalogueNames.ClosingReasons, ct);
        OutcomeCategories = await catalogues.ListAsync(CatalogueNames.OutcomeCategories, false, ct);
        OutcomeLabels = await catalogues.LabelsAsync(CatalogueNames.OutcomeCategories, ct);
        FormVersionEntries = await catalogues.ListAsync(CatalogueNames.FormVersions, false, ct);
        NoticeVersions = [.. FormVersionEntries.Where(e => e.Form == nameof(DocumentKind.DataProtectionNotice))];

        var userIds = new HashSet<string>();
        switch (section)
        {
            case CaseSections.Overview:
                await LoadOverviewAsync(@case, userIds, ct);
                break;
            case CaseSections.Phase:
                FunderName = await FunderNameAsync(@case, ct);
                await LoadNextStepsAsync(@case, ct);
                break;
            case CaseSections.Documents:
                Documents = await documents.ListAsync(@case, ct);
                MissingAfterRemoval = await documents.MissingAfterRemovalAsync(@case, Documents, ct);
                MayRemoveDocuments = documents.MayRemove(@case);
                userIds.UnionWith(Documents.Where(d => d.UploadedBy != null).Select(d => d.UploadedBy!));
                break;
            case CaseSections.History:
                userIds.UnionWith(@case.History.Where(h => h.UserId != null).Select(h => h.UserId!));
                break;
            case CaseSections.Notice:
                Notice.Version ??= @case.DataProtectionNotice?.Version ?? await cases.ValidFormVersionAsync(nameof(DocumentKind.DataProtectionNotice), Today, ct);
                break;
        }

        await LoadUserNamesAsync(userIds, ct);

        if (!keepFields)
        {
            Fields = CaseFieldsForm.From(@case);
        }

        Move.Date ??= Today;
        FunderChange.Date ??= Today;
        return true;
    }

    private async Task LoadOverviewAsync(Case @case, HashSet<string> userIds, CancellationToken ct)
    {
        FunderName = await FunderNameAsync(@case, ct);
        ParentCaseNumber = @case.ParentCaseId is null ? null : await db.Cases.AsNoTracking().Where(c => c.Id == @case.ParentCaseId).Select(c => c.CaseNumber).FirstOrDefaultAsync(ct);
        userIds.Add(@case.CaseworkerId);
        userIds.UnionWith(@case.Deputies.Select(d => d.UserId));
        await LoadCoordinationNoticesAsync(@case, ct);
        var due = await HttpContext.RequestServices.GetRequiredService<DeadlineService>().ForCaseAsync(@case, ct);
        IReadOnlyList<RecentContact>? contacts = null;
        if (SeesInternalTexts && !@case.IsAdditionalStatement)
        {
            contacts = await db.Contacts.AsNoTracking().Where(k => k.CaseId == @case.Id && k.CancelledAt == null)
                .OrderByDescending(k => k.OccurredAt).Take(OverviewItems)
                .Select(k => new RecentContact(k.OccurredAt, k.Form, k.Keywords)).ToListAsync(ct);
        }

        Overview = new OverviewPanel(due, contacts);
        await LoadNextStepsAsync(@case, ct);
    }

    private async Task LoadNextStepsAsync(Case @case, CancellationToken ct)
    {
        if (CanEdit)
        {
            var checks = await transitions.CheckAllAsync(@case, Targets, Today, ct);
            NextSteps = [.. Targets.Zip(checks, (to, check) => new NextStep(to, Merged(check.Violations), Merged(check.Warnings)))];
        }
    }

    /// <summary>The display names the view shows (who changed a phase, uploaded a file, wrote a report …); none read for none.</summary>
    private async Task LoadUserNamesAsync(IReadOnlyCollection<string> userIds, CancellationToken ct)
    {
        if (userIds.Count > 0)
        {
            UserNames = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        }
    }

    private async Task<string> FunderNameAsync(Case @case, CancellationToken ct)
        => @case.FunderId is null ? "–" : await db.Funders.AsNoTracking().Where(f => f.Id == @case.FunderId).Select(f => f.Name).FirstOrDefaultAsync(ct) ?? "–";

    /// <summary>The closing reasons of the reachable closing phases: P4 (PH-P4-01) or FP5 (PH-FDS-04); "erfolgreiche Vermittlung" only for a Vermittlung (BA-ST-01).</summary>
    public IEnumerable<CatalogueEntry> ReasonsForTargets
        => ClosingReasons.Where(r => Targets.Any(t => t.ToString() == r.Parent)
            && (r.Code != CommissionKinds.PlacementSuccessfulReason || Case.CareTypeCode == CareTypes.Placement));

    /// <summary>Outcome categories of the case's care type (STAT-01), all when the care type is open.</summary>
    public IEnumerable<CatalogueEntry> OutcomesForCase
        => OutcomeCategories.Where(o => Case.CareTypeCode is null || o.Parent is null || o.Parent == Case.CareTypeCode);

    /// <summary>After a conflict: where the stored case differs from the user's input, with the stored value.</summary>
    public IReadOnlyList<(string Label, string Value)> ConflictDifferences(Case stored)
    {
        var f = Fields;
        var ch = Choices;
        var differing = new List<(string Label, string Value)>();
        void Compare(string label, string? storedValue, string? input, string shown)
        {
            if ((storedValue ?? string.Empty) != (input ?? string.Empty))
            {
                differing.Add((label, shown));
            }
        }

        var storedFunder = stored.FunderId?.ToString();
        Compare("Auftraggeber", storedFunder, f.FunderId, ch.Funders.FirstOrDefault(o => o.Value == storedFunder)?.Label ?? "–");
        Compare("Betreuungsart", stored.CareTypeCode, f.CareTypeCode, ch.CareTypeLabels.Or(stored.CareTypeCode));
        Compare("Gesetzliche Grundlage", stored.LegalBasisCode, f.LegalBasisCode, ch.LegalBasisLabels.Or(stored.LegalBasisCode));
        Compare("Fallgruppe", stored.CaseGroupCode, f.CaseGroupCode, ch.CaseGroupLabels.Or(stored.CaseGroupCode));
        Compare("Einleitende Stelle", stored.ReferringBodyCode, f.ReferringBodyCode, ch.ReferringBodyLabels.Or(stored.ReferringBodyCode));
        var days = stored.ContactFrequencyDays?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Compare("Kontaktfrequenz des Auftraggebers in Tagen", days, f.ContactFrequencyDays?.Trim(), days ?? "–");
        var input = f.Texts();
        foreach (var t in CaseFieldsForm.TextFields)
        {
            Compare(t.Label, t.Stored(stored.Texts), t.Stored(input), t.Stored(stored.Texts) ?? "–");
        }

        return differing;
    }
}

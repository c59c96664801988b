using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Directory;
using Teilhabe.Web.Features.Documents;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Cases;

/// <summary>
/// The case page. Every action goes through the services the API uses (CaseService, CaseTransitions,
/// DocumentService); a case the user may not see answers 404, editing needs CaseAccess.CanEdit.
/// </summary>
[Authorize(Roles = CaseForms.ListRoles)]
internal sealed partial class DetailsModel(
    CaseService cases,
    CaseTransitions transitions,
    CaseAccess access,
    DocumentService documents,
    CatalogueService catalogues,
    DirectoryService directory,
    Teilhabe.Web.Features.Clients.ClientService clients,
    TeilhabeDbContext db) : PageModel
{
    public const string MessageKey = "CaseMessage";
    private const string WarningsKey = "CaseWarnings";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The section of the address (/faelle/{id}/{section}); a form's handler decides it on a post.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Section { get; set; }

    /// <summary>A form's message, errors and redirect belong to the section the form is in.</summary>
    public override void OnPageHandlerSelected(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context)
    {
        if (context.HandlerMethod is { } handler && string.Equals(handler.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
        {
            Section = CaseSections.ForHandler(handler.Name) is { Length: > 0 } section ? section : null;
        }
    }

    [BindProperty]
    public MoveForm Move { get; set; } = new();

    [BindProperty]
    public FunderChangeForm FunderChange { get; set; } = new();

    [BindProperty]
    public NoticeForm Notice { get; set; } = new();

    [BindProperty]
    public SecondSignatureForm Second { get; set; } = new();

    [BindProperty]
    public CaseFieldsForm Fields { get; set; } = new();

    [BindProperty]
    public UploadForm Upload { get; set; } = new();

    [BindProperty]
    public AgreementForm Agreement { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>The review step before an action that cannot be undone (the FP5 purge, PH-FDS-04).</summary>
    public ConfirmStep? Pending { get; private set; }

    /// <summary>
    /// PH-GEN-01: a refused change lists every violation with its rule ID; nothing is saved. A return to FP5 because
    /// the client refuses to cooperate first shows a review page listing everything that will be removed (PH-FDS-04).
    /// </summary>
    public async Task<IActionResult> OnPostMoveAsync(bool confirmed, CancellationToken ct)
    {
        var (@case, refusal) = await EditableAsync(tracked: true, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        ModelState.Clear();
        if (Move.To is not { } to)
        {
            ModelState.AddModelError("Move.To", "Bitte die neue Phase wählen.");
            return await PageAsync(ct);
        }

        var purge = to == Phase.FP5 && Move.ReasonCode == PhaseMachine.ClientRefuses;
        var request = new CaseTransitions.Request(to, Move.Date, Move.ReasonCode, Move.OutcomeCategoryCode, ConfirmPurge: purge && confirmed);
        if (purge && !confirmed)
        {
            var precheck = await transitions.CheckAsync(@case, request with { ConfirmPurge = true }, ct);
            if (!precheck.Allowed)
            {
                ModelState.AddViolations(Merged(precheck.Violations).At("Move"));
                return await PageAsync(ct);
            }

            var removed = await transitions.PurgePreviewAsync(@case, ct);
            Pending = new ConfirmStep(
                $"Auftrag {@case.CaseNumber} zurückgeben: Mitwirkung verweigert",
                @case.CaseNumber,
                [
                    ("Neue Phase", CaseLabels.Phase(to)),
                    ("Datum", Move.Date is { } on ? GermanFormat.Date(on) : "heute"),
                    ("Wird gelöscht", removed.Count == 0 ? "nichts außer der schriftlichen Beauftragung Vorhandenes" : string.Join("\n", removed)),
                ],
                "Alles, was über die schriftliche Beauftragung hinausgeht, wird endgültig gelöscht (oben aufgeführt); danach wird zu diesem Auftrag nichts mehr erfasst. Das lässt sich nicht rückgängig machen.",
                $"{CaseSections.Path(@case.Id, CaseSections.Phase)}?handler=Move",
                new Dictionary<string, string?>
                {
                    ["Move.To"] = to.ToString(),
                    ["Move.Date"] = Move.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["Move.ReasonCode"] = Move.ReasonCode,
                },
                "Zurückgeben und endgültig löschen",
                CaseSections.Path(@case.Id, CaseSections.Phase, "phase-wechseln"));
            return Page();
        }

        var check = await transitions.MoveAsync(@case, request, ct);
        if (!check.Allowed)
        {
            ModelState.AddViolations(Merged(check.Violations).At("Move"));
            return await PageAsync(ct);
        }

        return Done($"Der Auftrag ist jetzt in {CaseLabels.Phase(to)}.", check.Warnings);
    }

    /// <summary>
    /// PH-P3-02: closes the case on the date of the change and opens a new case for the same client, as the API
    /// does; a refusal lists every violation with its rule ID and changes nothing.
    /// </summary>
    public async Task<IActionResult> OnPostFunderChangeAsync(CancellationToken ct)
    {
        var @case = await cases.GetAsync(Id, ct, tracked: true);
        if (@case is null)
        {
            return NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return Forbid();
        }

        ModelState.Clear();
        var f = FunderChange;
        var (successor, check) = await transitions.ChangeFunderAsync(@case, new CaseTransitions.FunderChange(f.FunderId, f.LegalBasisCode, f.Date, f.OutcomeCategoryCode), cases, ct);
        if (successor is null)
        {
            ModelState.AddViolations(Merged(check.Violations).At("FunderChange"));
            return await PageAsync(ct);
        }

        TempData[MessageKey] = $"Auftrag {@case.CaseNumber} ist zum {GermanFormat.Date(@case.ClosedOn)} abgeschlossen; dies ist der neue Auftrag für dieselbe Person (PH-P3-02).";
        return Redirect($"/faelle/{successor.Id}");
    }

    /// <summary>DOC-02 / DOC-04.</summary>
    public async Task<IActionResult> OnPostNoticeAsync(CancellationToken ct)
    {
        var (@case, refusal) = await EditableAsync(tracked: true, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = await cases.SignNoticeAsync(@case, Notice.SignedOn, Notice.Version, Notice.CommissionDate, ct);
        return await AfterAsync(errors, "Notice", "Das unterschriebene Merkblatt ist erfasst.", ct);
    }

    /// <summary>DOC-02: application to InA during P2/P3, second signature on the same Merkblatt.</summary>
    public async Task<IActionResult> OnPostSecondSignatureAsync(CancellationToken ct)
    {
        var (@case, refusal) = await EditableAsync(tracked: true, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = await cases.SecondSignatureAsync(@case, Second.ApplicationDate, Second.SignedOn, ct);
        return await AfterAsync(errors, "Second", "Antragsdatum und zweite Unterschrift sind auf dem Merkblatt vermerkt.", ct);
    }

    /// <summary>PH-P2-04 / PH-P3-04: recorded by the IFD ("abgestimmt am … mit …") or as approval by InA-Koordination.</summary>
    public async Task<IActionResult> OnPostAgreementAsync(CancellationToken ct)
    {
        var @case = await cases.GetAsync(Id, ct, tracked: true);
        if (@case is null)
        {
            return NotFound();
        }

        if (!access.CanEdit(@case) && !access.IsCoordinator)
        {
            return Forbid();
        }

        var input = new List<RuleViolation>();
        InputCheck.MaxLength(input, "agreedWith", Agreement.AgreedWith, 200, "Der Name");
        if (input.Count > 0)
        {
            return await AfterAsync(input, "Agreement", string.Empty, ct);
        }

        var (_, errors) = await cases.AddAgreementAsync(@case, Agreement.Kind, Agreement.AgreedOn, Agreement.AgreedWith, ct);
        return await AfterAsync(errors, "Agreement", access.IsCoordinator ? "Die Zustimmung der InA-Koordination ist erfasst." : "Die Abstimmung ist erfasst.", ct);
    }

    /// <summary>The case for a writing handler: 404 when the user cannot see it, 403 when the user may only read it.</summary>
    private async Task<(Case Case, IActionResult? Refusal)> EditableAsync(bool tracked, CancellationToken ct)
    {
        var @case = await cases.GetAsync(Id, ct, tracked);
        if (@case is null)
        {
            return (null!, NotFound());
        }

        return access.CanEdit(@case) ? (@case, null) : (@case, Forbid());
    }

    /// <summary>Case fields and texts with the version the form was loaded at; a newer one is a conflict that keeps the input.</summary>
    public async Task<IActionResult> OnPostFieldsAsync(CancellationToken ct)
    {
        var (@case, refusal) = await EditableAsync(tracked: false, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        ModelState.Clear();
        var input = Fields.InputErrors(out var frequency);
        if (input.Count > 0)
        {
            ModelState.AddViolations(input.At("Fields"));
            return await PageAsync(ct, keepFields: true);
        }

        var outcome = await cases.UpdateAsync(Id, Fields.Version, Fields.Settings(), Fields.Texts(), frequency, ct, Fields.Confirmations(), Fields.PlannedEndChange());
        var (stored, errors) = outcome;
        var conflict = outcome.Status == ResultStatus.Conflict;
        if (stored is null && errors.Count == 0)
        {
            return NotFound();
        }

        if (conflict)
        {
            Conflict = stored;
            Fields.Version = stored!.Version;
            return await PageAsync(ct, keepFields: true);
        }

        if (errors.Count > 0)
        {
            ModelState.AddViolations(errors.At("Fields"));
            return await PageAsync(ct, keepFields: true);
        }

        return Done("Die Angaben zum Auftrag sind gespeichert.", []);
    }

    /// <summary>
    /// DOC-01: every file's size is checked before any is stored, so a refusal for size stores nothing. A Nachweis der
    /// Behinderung carries the Bescheid's data (DIS-01, DIS-02): file and data are recorded in one transaction, or nothing.
    /// </summary>
    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        var (@case, refusal) = await EditableAsync(tracked: false, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        ModelState.Clear();
        var files = Upload.Files;
        var proof = Upload.Kind == DocumentKind.DisabilityProof;
        var withEvidence = proof && (Upload.HasEvidence || !await clients.HasEvidenceAsync(@case.ClientId, ct));
        var evidenceErrors = withEvidence ? clients.CheckEvidence(Upload.EvidenceKind, Upload.NoticeDate, Upload.EffectiveFrom, Upload.Degree) : [];
        if (files.Count == 0 || evidenceErrors.Count > 0)
        {
            if (files.Count == 0)
            {
                ModelState.AddModelError("Upload.Files", "Bitte mindestens eine Datei auswählen.");
            }

            ModelState.AddViolations(AtEvidence(evidenceErrors));
            return await PageAsync(ct, keepFields: true);
        }

        var streams = files.Select(f => f.OpenReadStream()).ToList();
        try
        {
            var uploads = files.Select((f, i) => new DocumentService.Upload(f.FileName, streams[i], f.Length)).ToList();
            await using var tx = withEvidence ? await db.Database.BeginTransactionAsync(ct) : null;
            // DOC-04: the form version chosen, or the one valid today when the field is left at its default; the field
            // is one for every kind of document and means nothing for the others.
            var formVersion = Upload.Kind is { } uploadKind && FormVersionRules.IsVersioned(uploadKind) ? Upload.FormVersion : null;
            var (stored, errors) = await documents.UploadAllAsync(@case, Upload.Kind, null, uploads, ct, formVersion: formVersion, validVersionWhenMissing: true);
            if (errors.Count > 0)
            {
                ModelState.AddViolations(AtFiles(errors));
                return await PageAsync(ct, keepFields: true);
            }

            var done = $"Hochgeladen: {string.Join(", ", stored!.Select(d => d.FileName))}.";
            if (withEvidence)
            {
                var recorded = await clients.AddEvidenceAsync(@case.ClientId, Upload.EvidenceKind, Upload.NoticeDate, Upload.EffectiveFrom, Upload.Degree, null, ct);
                if (!recorded.Succeeded)
                {
                    await tx!.RollbackAsync(ct);
                    await documents.DiscardAsync(stored!);
                    ModelState.AddViolations(AtEvidence(recorded.Violations));
                    return await PageAsync(ct, keepFields: true);
                }

                await tx!.CommitAsync(ct);
                done += $" Der Bescheid vom {GermanFormat.Date(Upload.NoticeDate)} ist beim Nachweis der Behinderung erfasst.";
            }

            return Done($"{done} Bitte den Scan jetzt vom PC löschen; das unterschriebene Original bleibt im IFD (DOC-03).", []);
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>The Bescheid's fields of the upload form.</summary>
    private static IEnumerable<RuleViolation> AtEvidence(IEnumerable<RuleViolation> errors)
        => errors.Select(e => e with
        {
            Field = e.Field switch
            {
                "kind" => "Upload.EvidenceKind",
                "noticeDate" => "Upload.NoticeDate",
                "effectiveFrom" => "Upload.EffectiveFrom",
                "degree" => "Upload.Degree",
                _ => "Upload.EvidenceKind",
            },
        });

    /// <summary>Streams one file of this case (or of its client's proofs); 404 when the user may not see it (ACC-07, ACC-10).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid documentId, CancellationToken ct)
    {
        var @case = await cases.GetAsync(Id, ct);
        if (@case is null)
        {
            return NotFound();
        }

        var opened = await documents.OpenAsync(documentId, ct);
        if (opened is not { } o || !(o.Document.CaseId == @case.Id || (o.Document.CaseId is null && o.Document.ClientId == @case.ClientId)))
        {
            return NotFound();
        }

        return File(o.Content, o.Document.ContentType, o.Document.FileName);
    }

    private async Task<IActionResult> AfterAsync(IReadOnlyList<RuleViolation> errors, string prefix, string success, CancellationToken ct)
    {
        ModelState.Clear();
        if (errors.Count == 0)
        {
            return Done(success, []);
        }

        ModelState.AddViolations(errors.At(prefix));
        return await PageAsync(ct);
    }

    /// <summary>Post/Redirect/Get: a reload does not send twice; the message and warnings survive the redirect.</summary>
    private RedirectResult Done(string message, IReadOnlyList<RuleViolation> warnings)
    {
        TempData[MessageKey] = message;
        if (warnings.Count > 0)
        {
            TempData[WarningsKey] = Merged(warnings).Select(w => $"{w.Message} ({w.Rule})").ToArray();
        }

        return Redirect(CaseSections.Path(Id, Current));
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct, bool keepFields = false)
        => await LoadAsync(ct, keepFields) ? Page() : NotFound();

    private static IEnumerable<RuleViolation> AtFiles(IEnumerable<RuleViolation> errors)
        => errors.Select(e => e with { Field = e.Field == "file" ? "files" : e.Field }).At("Upload");

    /// <summary>The same finding under two rule IDs (e.g. PH-P2-01 and DOC-REQ) is listed once with both.</summary>
    public static IReadOnlyList<RuleViolation> Merged(IEnumerable<RuleViolation> violations)
        => [.. violations.GroupBy(v => (v.Message, v.Field))
            .Select(g => g.First() with { Rule = string.Join(", ", g.Select(v => v.Rule).Distinct()) })];
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Cases;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Documents;

/// <summary>
/// DOC-06 "Dokument entfernen": a review page that names the case, the file and what follows before anything happens;
/// the removal is the form on it (a plain POST, no JavaScript needed).
/// </summary>
[Authorize(Roles = CaseForms.IfdRoles)]
internal sealed class RemoveModel(DocumentService documents) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid CaseId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid DocumentId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public CaseDocument Document { get; private set; } = null!;
    public Case Case { get; private set; } = null!;

    /// <summary>The phase changes of this case that relied on a document of this kind (DOC-REQ).</summary>
    public IReadOnlyList<PhaseChange> ReliedOn { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => await LoadAsync(ct) is { } refusal ? refusal : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal)
        {
            return refusal;
        }

        var errors = await documents.RemoveAsync(Document, Case, Reason, ct);
        if (errors.Count > 0)
        {
            ModelState.AddViolations(errors.Select(e => e with { Field = e.Field == "reason" ? "Reason" : null }));
            return Page();
        }

        TempData[DetailsModel.MessageKey] = $"„{Document.FileName}“ ist entfernt und die Datei vernichtet; das Protokoll hält Art, Dateiname, Größe, Prüfsumme und Grund fest (DOC-06).";
        return Redirect($"/faelle/{CaseId}/dokumente");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await documents.FindAsync(DocumentId, CaseId, ct) is not var (document, @case) || @case.Id != CaseId && document.CaseId is not null)
        {
            return NotFound();
        }

        if (!documents.MayRemove(@case))
        {
            return Forbid();
        }

        Document = document;
        Case = @case;
        ReliedOn = [.. @case.History.Where(h => h.At >= document.UploadedAt && RemovedDocument.NeededFor(h.To).Contains(document.Kind)).OrderBy(h => h.At)];
        return null;
    }
}

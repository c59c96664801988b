using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Cases;
using Teilhabe.Web.Features.Documents;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Forms;

/// <summary>
/// DOC-04 "Vordrucke": the versions of Merkblatt, Zielvereinbarung and Schweigepflichtentbindung with the one valid
/// today marked and its PDF template to print; InA-Koordination and administrators upload the templates here.
/// </summary>
[Authorize]
[RequestSizeLimit(FormVersionRules.MaxTemplateBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = FormVersionRules.MaxTemplateBytes + 1024 * 1024)]
internal sealed class TemplatesModel(FormTemplateService templates) : PageModel
{
    public const string Path = "/vordrucke";
    private const string MessageKey = "TemplatesMessage";

    public IReadOnlyList<FormTemplateService.Row> Rows { get; private set; } = [];

    public bool MayMaintain => templates.MayMaintain;

    public string? Message { get; private set; }

    public FormErrors Errors => new(ModelState);

    /// <summary>"Form:Code" of the version the template belongs to.</summary>
    [BindProperty]
    public string? Version { get; set; }

    [BindProperty]
    public IFormFile? PdfFile { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Message = TempData[MessageKey] as string;
        Rows = await templates.ListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!templates.MayMaintain)
        {
            return Forbid();
        }

        var parts = Version?.Split(':', 2);
        await using var stream = PdfFile?.OpenReadStream();
        var (template, errors) = await templates.UploadAsync(parts?[0], parts is { Length: 2 } ? parts[1] : null,
            PdfFile is null ? null : new DocumentService.Upload(PdfFile.FileName, stream!, PdfFile.Length), ct);
        if (template is null)
        {
            ModelState.Clear();
            foreach (var e in errors)
            {
                ModelState.AddModelError(e.Field == "file" ? nameof(PdfFile) : nameof(Version), e.Message);
            }

            Rows = await templates.ListAsync(ct);
            return Page();
        }

        TempData[MessageKey] = $"Vordruck „{template.FileName}“ für die Fassung {template.VersionCode} hinterlegt.";
        return Redirect(Path);
    }

    public async Task<IActionResult> OnGetDownloadAsync(Guid id, CancellationToken ct)
        => await templates.OpenAsync(id, ct) is { } opened
            ? File(opened.Content, "application/pdf", opened.Template.FileName)
            : NotFound();
}

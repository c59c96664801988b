using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Teilhabe.Web.Features.Clients;

/// <summary>GDPR Art. 15: the ZIP download behind the button "Auskunft nach Art. 15 DSGVO (ZIP)" on the client page.</summary>
[Authorize]
internal sealed class ExportModel(ClientExport export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var (outcome, zip, fileName) = await export.BuildAsync(id, ct);
        return outcome switch
        {
            ClientExport.Outcome.NotFound => NotFound(),
            ClientExport.Outcome.Forbidden => Forbid(),
            _ => File(zip!, ClientExportApi.ZipType, fileName),
        };
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Network;

namespace Teilhabe.Web.Features.Network;

/// <summary>/netzwerke/{id}/bericht: potentials by stage, jobs created and new Inklusionsbetriebe per region and year (NET-02).</summary>
[Authorize(Roles = NetworkAccess.ReaderRolesAttribute)]
internal sealed class ReportModel(NetworkService networks) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public JobNetwork Network { get; private set; } = null!;
    public NetworkReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await networks.GetAsync(Id, ct) is not { } network)
        {
            return NotFound();
        }

        Network = network;
        var year = Year is >= 2000 and <= 2100 ? Year : null;
        Report = (await networks.ReportAsync(Id, year, ct))!;
        Year = Report.Year;
        return Page();
    }
}

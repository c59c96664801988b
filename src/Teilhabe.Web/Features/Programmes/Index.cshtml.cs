using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Programmes;

namespace Teilhabe.Web.Features.Programmes;

[Authorize(Roles = ProgrammePages.Staff)]
public sealed class IndexModel(ProgrammeService programmes) : PageModel
{
    public sealed record Row(Programme Programme, int PlacesUsed);

    public List<Row> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        foreach (var p in await programmes.ListAsync(ct))
        {
            Items.Add(new Row(p, await programmes.PlacesUsedAsync(p.Id, ct)));
        }
    }
}

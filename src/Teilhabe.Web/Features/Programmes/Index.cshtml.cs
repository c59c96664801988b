using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Programmes;

namespace Teilhabe.Web.Features.Programmes;

[Authorize(Roles = ProgrammePages.Staff)]
internal sealed class IndexModel(ProgrammeService programmes) : PageModel
{
    public sealed record Row(Programme Programme, int PlacesUsed);

    public List<Row> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var list = await programmes.ListAsync(ct);
        var used = await programmes.PlacesUsedAsync(list.Select(p => p.Id), ct);
        Items.AddRange(list.Select(p => new Row(p, used[p.Id])));
    }
}

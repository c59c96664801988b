using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;

namespace Teilhabe.Web.Features.Clients;

internal sealed class IndexModel(ClientService clients, TeilhabeDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string LastName, string FirstName, DateOnly BirthDate, Gender Gender, DisabilityStatus DisabilityStatus);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public List<Row> Items { get; private set; } = [];
    public int Total { get; private set; }
    public bool CanCreate => ClientService.EditorRoles.Any(User.IsInRole);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.Vary = "HX-Request";
        var (items, total) = await clients.SearchAsync(Q, 1, 100, ct);
        Total = total;
        var ids = items.Select(c => c.Id).ToList();
        var evidence = await db.DisabilityEvidence.AsNoTracking().Where(e => ids.Contains(e.ClientId)).ToListAsync(ct);
        Items = [.. items.Select(c => new Row(c.Id, c.LastName, c.FirstName, c.BirthDate, c.Gender,
            DisabilityRules.StatusOf(evidence.Where(e => e.ClientId == c.Id))))];
    }
}

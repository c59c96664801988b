using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;

namespace Teilhabe.Web.Features.Audit;

[Authorize(Roles = Roles.Administrator + "," + Roles.ServiceLead)]
internal sealed class AuditTrailModel(AuditQuery query, UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    public AuditQuery.Filter Filter => new(null, null, UserId, From, To);
    public List<AuditQuery.Row> Rows { get; private set; } = [];
    public Dictionary<string, string> UserNames { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await query.RunAsync(Filter, ct);
        UserNames = await users.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}

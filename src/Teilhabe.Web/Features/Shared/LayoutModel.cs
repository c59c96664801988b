using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Web.Features.Accounts;

namespace Teilhabe.Web.Features.Shared;

/// <summary>What the layout shows for the signed-in user: name, role, IFD, the navigation of the role, the ACC-04 reminder.</summary>
internal sealed class LayoutModel(UserManager<AppUser> users, AccountService accounts, TeilhabeDbContext db, ICurrentUser current)
{
    public sealed record NavLink(string Href, string Label);

    public bool IsSignedIn { get; private set; }
    public string DisplayName { get; private set; } = string.Empty;
    public string RoleLabel { get; private set; } = string.Empty;
    public string? ServiceName { get; private set; }
    public bool PasswordDue { get; private set; }
    public List<NavLink> Links { get; } = [];

    public async Task LoadAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return;
        }

        IsSignedIn = true;
        DisplayName = user.DisplayName;
        var role = Roles.All.FirstOrDefault(current.IsInRole);
        RoleLabel = role is null ? string.Empty : Roles.GermanLabel(role);
        ServiceName = user.ServiceId is null ? null : await db.Services.Where(s => s.Id == user.ServiceId).Select(s => s.Name).FirstOrDefaultAsync();
        PasswordDue = accounts.PasswordDueForChange(user);
        if (user.MustChangePassword)
        {
            return;
        }

        Links.Add(new NavLink("/", "Start"));
        foreach (var link in NavigationRegistry.For(current))
        {
            Links.Add(link);
        }
    }
}

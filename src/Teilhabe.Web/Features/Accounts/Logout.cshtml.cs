using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;

namespace Teilhabe.Web.Features.Accounts;

internal sealed class LogoutModel(SignInManager<AppUser> signIn, AuditLog audit, Sessions sessions) : PageModel
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Razor Pages finds instance handlers only.")]
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = signIn.UserManager.GetUserId(User);
        if (userId is not null)
        {
            await audit.RecordAsync(AuditActions.Logout, "User", userId, ct);
            await sessions.EndAsync(User, Sessions.LoggedOut, ct);
        }

        await signIn.SignOutAsync();
        return Redirect("/konto/anmelden");
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Teilhabe.Core.Accounts;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Accounts;

[EnableRateLimiting(PlatformSetup.LoginRateLimit)]
internal sealed class LoginModel(AccountService accounts, SignInManager<AppUser> signIn, Sessions sessions) : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Razor Pages finds instance handlers only.")]
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = "Bitte Benutzername und Passwort eingeben.";
            return Page();
        }

        var (outcome, user) = await accounts.CheckCredentialsAsync(UserName, Password, ct);
        switch (outcome)
        {
            case SignInOutcome.LockedOut:
                Error = "Ihr Konto ist gesperrt (ACC-05). Bitte wenden Sie sich an die InA-Koordination, um es entsperren oder ein neues Initialpasswort setzen zu lassen.";
                return Page();
            case SignInOutcome.WrongCredentials:
                Error = "Benutzername oder Passwort ist falsch.";
                return Page();
        }

        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        await signIn.SignInWithClaimsAsync(user!, isPersistent: false, [await sessions.OpenAsync(user!, SessionKind.Page, ct)]);
        if (user!.MustChangePassword)
        {
            return Redirect(SessionValidation.ChangePage);
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}

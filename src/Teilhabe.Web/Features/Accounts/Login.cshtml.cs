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
    /// <summary>ACC-05: what a locked user is told on the login pages.</summary>
    internal const string LockedMessage = "Ihr Konto ist gesperrt (ACC-05). Bitte wenden Sie sich an die InA-Koordination, um es entsperren oder ein neues Initialpasswort setzen zu lassen.";

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
                Error = LockedMessage;
                return Page();
            case SignInOutcome.WrongCredentials:
                Error = "Benutzername oder Passwort ist falsch.";
                return Page();
        }

        await HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        if (user!.TwoFactorEnabled)
        {
            // ACC-11: the password was right; the session opens only after the code (LoginCode).
            await LoginCodeModel.RememberPasswordStepAsync(HttpContext, user);
            return Redirect(LoginCodeModel.Path + (Url.IsLocalUrl(ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(ReturnUrl!) : string.Empty));
        }

        return await CompleteAsync(HttpContext, signIn, sessions, user, ReturnUrl, Url, ct);
    }

    /// <summary>Opens the page session (password and, where set up, the code were right) and leads on.</summary>
    internal static async Task<IActionResult> CompleteAsync(
        HttpContext http, SignInManager<AppUser> signIn, Sessions sessions, AppUser user, string? returnUrl, IUrlHelper url, CancellationToken ct)
    {
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [await sessions.OpenAsync(user, SessionKind.Page, ct)]);
        if (user.MustChangePassword)
        {
            return new RedirectResult(SessionValidation.ChangePage);
        }

        return new LocalRedirectResult(url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}

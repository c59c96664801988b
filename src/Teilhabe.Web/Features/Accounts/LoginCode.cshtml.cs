using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Teilhabe.Core.Accounts;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Accounts;

/// <summary>
/// ACC-11, the second step of the login: the code of the authenticator app (or a recovery code). Between the two steps
/// only Identity's short-lived two-factor cookie names the user; a wrong code counts as a failed login (ACC-05).
/// </summary>
[EnableRateLimiting(PlatformSetup.LoginRateLimit)]
internal sealed class LoginCodeModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SecondFactor secondFactor, Sessions sessions) : PageModel
{
    public const string Path = "/konto/anmelden/code";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>No password step waiting (never signed in, or the five minutes are over).</summary>
    public bool Expired { get; private set; }

    /// <summary>After a right password: the user waits for the code step (Identity's two-factor cookie, 5 minutes).</summary>
    public static Task RememberPasswordStepAsync(HttpContext http, AppUser user)
    {
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        return http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    public async Task<IActionResult> OnGetAsync()
    {
        Expired = await PendingUserAsync() is null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await PendingUserAsync() is not { } user)
        {
            Expired = true;
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Code))
        {
            Error = "Bitte den sechsstelligen Code aus der Authenticator-App eingeben.";
            return Page();
        }

        switch (await secondFactor.VerifyAsync(user, Code, ct))
        {
            case SignInOutcome.LockedOut:
                await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
                Error = LoginModel.LockedMessage;
                return Page();
            case SignInOutcome.WrongCredentials:
                Error = "Der Code stimmt nicht. Bitte den aktuellen Code der App oder einen unbenutzten Wiederherstellungscode eingeben.";
                return Page();
        }

        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        return await LoginModel.CompleteAsync(HttpContext, signIn, sessions, user, ReturnUrl, Url, ct);
    }

    private async Task<AppUser?> PendingUserAsync()
    {
        var pending = await HttpContext.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return pending.Principal?.FindFirstValue(ClaimTypes.Name) is { } id && await users.FindByIdAsync(id) is { IsActive: true, TwoFactorEnabled: true } user
            ? user
            : null;
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Profiles;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Accounts;

internal sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountService accounts, StateProfile profile) : PageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Forced { get; private set; }

    /// <summary>ACC-12: who set the initial password and when, told at the next login.</summary>
    public string? ResetNotice { get; private set; }
    public bool Done { get; private set; }

    public string RulesText =>
        $"{profile.PasswordMinLength} bis {profile.PasswordMaxLength} Zeichen mit Groß- und Kleinbuchstaben, Ziffer und Sonderzeichen " +
        $"(bei mehr als {profile.PasswordSpecialCharOptionalAbove} Zeichen ist das Sonderzeichen entbehrlich). " +
        $"Die letzten {profile.PasswordHistoryCount} Passwörter können nicht wieder verwendet werden.";

    public async Task OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        Forced = user?.MustChangePassword ?? false;
        ResetNotice = Forced ? NoticeOf(user!) : null;
    }

    private static string? NoticeOf(AppUser user)
        => user is { PasswordResetAt: { } at, PasswordResetBy: { } by }
            ? $"Ihr Passwort wurde am {GermanFormat.DateTime(at)} von {by} zurückgesetzt. Wenn Sie das nicht veranlasst haben, wenden Sie sich bitte an Ihre IFD-Leitung oder die Datenschutzbeauftragte."
            : null;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Forced = user.MustChangePassword;
        ResetNotice = Forced ? NoticeOf(user) : null;
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), "Bitte das bisherige Passwort eingeben.");
        }

        if (NewPassword != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "Die Wiederholung stimmt nicht mit dem neuen Passwort überein.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var violations = await accounts.ChangeAsync(user, CurrentPassword!, NewPassword ?? string.Empty, User);
        if (violations.Count > 0)
        {
            ModelState.AddViolations(violations, new Dictionary<string, string>
            {
                ["currentPassword"] = nameof(CurrentPassword),
                ["newPassword"] = nameof(NewPassword),
            });
            return Page();
        }

        // New claims (no forced change any more), the same session: the other sessions ended with the change.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, Sessions.ClaimsOf(User));
        if (Forced)
        {
            return Redirect("/");
        }

        Done = true;
        return Page();
    }
}

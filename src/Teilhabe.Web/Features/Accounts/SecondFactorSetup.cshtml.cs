using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Features.Accounts;

/// <summary>
/// ACC-11: the own second factor. Set up with the QR code (or the key typed in) and a first code; ten recovery codes,
/// shown once; new ones on request; switched off only where the profile does not require it for the user's roles.
/// </summary>
internal sealed class SecondFactorSetupModel(UserManager<AppUser> users, SecondFactor secondFactor) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public SecondFactor.Setup? Setup { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];
    public int RecoveryCodesLeft { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await ShowAsync(renew: false);

    /// <summary>A new key (e.g. the QR code was scanned into the wrong app).</summary>
    public async Task<IActionResult> OnPostRenewAsync() => await ShowAsync(renew: true);

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var outcome = await secondFactor.EnableAsync(user, Code);
        if (outcome.Value is not { } codes)
        {
            foreach (var violation in outcome.Violations)
            {
                ModelState.AddModelError(nameof(Code), $"{violation.Message} ({violation.Rule})");
            }

            return await ShowAsync(renew: false);
        }

        RecoveryCodes = codes;
        Message = "Der zweite Faktor ist eingerichtet. Ab der nächsten Anmeldung fragt Teilhabe nach dem Passwort den Code der App ab.";
        return await ShowAsync(renew: false);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || !user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        RecoveryCodes = await secondFactor.NewRecoveryCodesAsync(user);
        Message = "Neue Wiederherstellungscodes erzeugt; die bisherigen gelten nicht mehr.";
        return await ShowAsync(renew: false);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var outcome = await secondFactor.DisableAsync(user);
        if (outcome.Status != ResultStatus.Ok)
        {
            ModelState.AddModelError(string.Empty, outcome.Violations[0].Message);
        }
        else
        {
            Message = "Der zweite Faktor ist ausgeschaltet.";
        }

        return await ShowAsync(renew: false);
    }

    private async Task<IActionResult> ShowAsync(bool renew)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Enabled = user.TwoFactorEnabled;
        Required = await secondFactor.IsRequiredAsync(user);
        Setup = Enabled ? null : await secondFactor.BeginAsync(user, renew);
        RecoveryCodesLeft = Enabled ? await secondFactor.RecoveryCodesLeftAsync(user) : 0;
        return Page();
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Profiles;

namespace Teilhabe.Web.Features.Accounts;

/// <summary>
/// ACC-11: the second factor (TOTP, RFC 6238) with ASP.NET Core Identity's authenticator support, for pages and API
/// alike. The profile of the user's Integrationsamt names the roles that must use it; every other user may switch it on.
/// A wrong code counts as a failed login (ACC-05).
/// </summary>
internal sealed class SecondFactor(UserManager<AppUser> users, AccountService accounts, AuditLog audit, IStateProfileResolver profiles)
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "Teilhabe";

    public sealed record Setup(string Secret, string OtpauthUri)
    {
        /// <summary>The key in groups of four, as it is typed into an app by hand.</summary>
        public string GroupedSecret => string.Join(' ', Secret.Chunk(4).Select(c => new string(c)));

        /// <summary>The QR code of <see cref="OtpauthUri"/> as a PNG data URI (the CSP allows data: images).</summary>
        public string QrCodeDataUri()
        {
            using var generator = new QRCodeGenerator();
            using var data = generator.CreateQrCode(OtpauthUri, QRCodeGenerator.ECCLevel.M);
            var png = new PngByteQRCode(data).GetGraphic(5);
            return "data:image/png;base64," + Convert.ToBase64String(png);
        }
    }

    /// <summary>Must this user use a second factor (ACC-11)?</summary>
    public async Task<bool> IsRequiredAsync(AppUser user)
    {
        var required = profiles.ForUser(user).SecondFactorRoles;
        return required.Count > 0 && (await users.GetRolesAsync(user)).Any(required.Contains);
    }

    /// <summary>
    /// Must this user still set up the second factor before anything else? Roles from the session's claims; static, as
    /// it is asked on every request (SessionValidation) and needs nothing of this service.
    /// </summary>
    public static bool SetupPending(AppUser user, System.Security.Claims.ClaimsPrincipal principal, StateProfile profile)
        => !user.TwoFactorEnabled && profile.SecondFactorRoles.Any(principal.IsInRole);

    /// <summary>
    /// The key to set up (a new one when <paramref name="renew"/> or none yet); null when the second factor is
    /// already on (a new key would silently replace the working one).
    /// </summary>
    public async Task<Setup?> BeginAsync(AppUser user, bool renew)
    {
        if (user.TwoFactorEnabled)
        {
            return null;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (renew || string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var label = Uri.EscapeDataString($"{Issuer}:{user.UserName}");
        return new Setup(key!, $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6&period=30");
    }

    /// <summary>Confirms the setup with a first code; returns the recovery codes (shown once), or the refusal.</summary>
    public async Task<Result<IReadOnlyList<string>>> EnableAsync(AppUser user, string? code)
    {
        if (user.TwoFactorEnabled)
        {
            return Result<IReadOnlyList<string>>.Conflict(SecondFactorRules.AlreadyEnabled());
        }

        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            return Result<IReadOnlyList<string>>.Invalid(SecondFactorRules.NotStarted());
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalize(code)))
        {
            return Result<IReadOnlyList<string>>.Invalid(SecondFactorRules.WrongCode());
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var recovery = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await audit.RecordAsync(AuditActions.SecondFactorEnable, "User", user.Id, CancellationToken.None, serviceId: user.ServiceId);
        return Result<IReadOnlyList<string>>.Ok([.. recovery ?? []]);
    }

    /// <summary>New recovery codes; the old ones stop working.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(AppUser user)
        => [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];

    public Task<int> RecoveryCodesLeftAsync(AppUser user) => users.CountRecoveryCodesAsync(user);

    /// <summary>Switches the second factor off: only for a user whose roles do not require it.</summary>
    public async Task<Result<AppUser>> DisableAsync(AppUser user)
    {
        if (await IsRequiredAsync(user))
        {
            return Result<AppUser>.Invalid(SecondFactorRules.RequiredForRole());
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(AuditActions.SecondFactorDisable, "User", user.Id, CancellationToken.None, serviceId: user.ServiceId);
        return Result<AppUser>.Ok(user);
    }

    /// <summary>
    /// The code at login: a current authenticator code or an unused recovery code. A wrong one counts as a failed login
    /// and may lock the account (ACC-05).
    /// </summary>
    public async Task<SignInOutcome> VerifyAsync(AppUser user, string? code, CancellationToken ct)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return SignInOutcome.LockedOut;
        }

        var normalized = Normalize(code);
        var valid = normalized.Length == 6 && normalized.All(char.IsAsciiDigit)
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, normalized)
            : normalized.Length > 0 && (await users.RedeemTwoFactorRecoveryCodeAsync(user, normalized)).Succeeded;
        if (!valid)
        {
            return await accounts.CountFailureAsync(user, AuditActions.SecondFactorFailed, ct);
        }

        await users.ResetAccessFailedCountAsync(user);
        return SignInOutcome.Succeeded;
    }

    /// <summary>Spaces left out, capitals; a recovery code typed without its hyphen gets it back ("ABCDE-12345").</summary>
    private static string Normalize(string? code)
    {
        var plain = string.Concat((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).ToUpper(CultureInfo.InvariantCulture);
        return plain.Length == 10 && !plain.Contains('-') ? plain.Insert(5, "-") : plain;
    }
}

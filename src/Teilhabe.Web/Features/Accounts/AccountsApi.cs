using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Accounts;

internal static class AccountsApi
{
    public sealed record TokenRequest(string? UserName, string? Password, string? Code = null);

    public sealed record SecondFactorSetupResponse(string Secret, string OtpauthUri);

    public sealed record SecondFactorCode(string? Code);

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

    public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/token", IssueTokenAsync).AllowAnonymous().RequireRateLimiting(PlatformSetup.LoginRateLimit)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status423Locked);
        group.MapPost("/password", ChangePasswordAsync).RequireAuthorization(PlatformSetup.ApiPolicy);
        group.MapPost("/logout", LogoutAsync).RequireAuthorization(PlatformSetup.ApiPolicy);
        group.MapPost("/mfa/setup", BeginSecondFactorAsync).RequireAuthorization(PlatformSetup.ApiPolicy).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/mfa/enable", EnableSecondFactorAsync).RequireAuthorization(PlatformSetup.ApiPolicy).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    /// <summary>
    /// Bearer token for the API; wrong credentials 401, locked account 423 with ACC-05; with a second factor only with its
    /// current code (otherwise 401 with <c>"mfaRequired": true</c>, ACC-11).
    /// </summary>
    private static async Task<Results<Ok<TokenResponse>, UnauthorizedHttpResult, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request,
        AccountService accounts,
        SecondFactor secondFactor,
        IUserClaimsPrincipalFactory<AppUser> claims,
        Sessions sessions,
        TimeProvider clock,
        HttpContext http,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return ApiResults.Input("userName", "Benutzername und Passwort sind anzugeben.");
        }

        // Identity stores user names in 256 characters; longer input must not reach the database (500 on PostgreSQL).
        if (request.UserName.Length > 256 || request.Password.Length > 1024)
        {
            return ApiResults.Input(request.UserName.Length > 256 ? "userName" : "password",
                "Benutzername (höchstens 256 Zeichen) oder Passwort (höchstens 1024 Zeichen) ist zu lang.");
        }

        var (outcome, user) = await accounts.CheckCredentialsAsync(request.UserName, request.Password, ct);
        switch (outcome)
        {
            case SignInOutcome.LockedOut:
                return Locked();
            case SignInOutcome.WrongCredentials:
                return TypedResults.Unauthorized();
        }

        if (user!.TwoFactorEnabled)
        {
            switch (await secondFactor.VerifyAsync(user, request.Code, ct))
            {
                case SignInOutcome.LockedOut:
                    return Locked();
                case SignInOutcome.WrongCredentials:
                    return ApiResults.Flagged(StatusCodes.Status401Unauthorized, SessionRules.SecondFactorRequired(), "mfaRequired");
            }
        }

        var options = PlatformSetup.BearerOptions(http.RequestServices);
        var principal = await claims.CreateAsync(user);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(await sessions.OpenAsync(user, SessionKind.Api, ct));
        var now = clock.GetUtcNow();
        var expiresAt = now + options.BearerTokenExpiration;
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expiresAt };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme);
        return TypedResults.Ok(new TokenResponse(options.BearerTokenProtector.Protect(ticket), expiresAt));
    }

    /// <summary>ACC-05: 423 for a locked account (after the password or after a wrong second-factor code).</summary>
    private static ProblemHttpResult Locked()
        => ApiResults.Status(StatusCodes.Status423Locked,
            "Das Konto ist gesperrt. Bitte wenden Sie sich an die InA-Koordination, um es entsperren zu lassen.", RuleIds.Lockout);

    /// <summary>Ends the calling token's session on every node (the token answers 401 from then on).</summary>
    private static async Task<NoContent> LogoutAsync(HttpContext http, AuditLog audit, Sessions sessions, UserManager<AppUser> users, CancellationToken ct)
    {
        if (users.GetUserId(http.User) is { } userId)
        {
            await audit.RecordAsync(AuditActions.Logout, "User", userId, ct);
        }

        await sessions.EndAsync(http.User, Sessions.LoggedOut, ct);
        return TypedResults.NoContent();
    }

    /// <summary>ACC-11: a new authenticator key for the caller (409 when the second factor is already on).</summary>
    private static async Task<Results<Ok<SecondFactorSetupResponse>, ProblemHttpResult, UnauthorizedHttpResult>> BeginSecondFactorAsync(
        UserManager<AppUser> users, SecondFactor secondFactor, HttpContext http)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        return await secondFactor.BeginAsync(user, renew: true) is { } setup
            ? TypedResults.Ok(new SecondFactorSetupResponse(setup.Secret, setup.OtpauthUri))
            : ApiResults.Status(StatusCodes.Status409Conflict, "Der zweite Faktor ist schon eingerichtet.", RuleIds.SecondFactor);
    }

    /// <summary>ACC-11: switches the second factor on with a first valid code (204); a wrong code 422.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult, UnauthorizedHttpResult>> EnableSecondFactorAsync(
        SecondFactorCode request, UserManager<AppUser> users, SecondFactor secondFactor, HttpContext http)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var outcome = await secondFactor.EnableAsync(user, request.Code);
        return outcome.Status == ResultStatus.Ok ? TypedResults.NoContent() : ApiResults.Problem(outcome);
    }

    private static async Task<Results<NoContent, ProblemHttpResult, UnauthorizedHttpResult>> ChangePasswordAsync(
        PasswordChangeRequest request, UserManager<AppUser> users, AccountService accounts, HttpContext http)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        if (string.IsNullOrEmpty(request.CurrentPassword) || request.NewPassword is null)
        {
            return ApiResults.Input("currentPassword", "Bisheriges und neues Passwort sind anzugeben.");
        }

        var violations = await accounts.ChangeAsync(user, request.CurrentPassword, request.NewPassword, http.User);
        return violations.Count == 0 ? TypedResults.NoContent() : ApiResults.Violations(violations);
    }
}

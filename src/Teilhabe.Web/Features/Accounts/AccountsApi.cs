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
    public sealed record TokenRequest(string? UserName, string? Password);

    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

    public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/token", IssueTokenAsync).AllowAnonymous().RequireRateLimiting(PlatformSetup.LoginRateLimit)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status423Locked);
        group.MapPost("/password", ChangePasswordAsync).RequireAuthorization(PlatformSetup.ApiPolicy);
        group.MapPost("/logout", LogoutAsync).RequireAuthorization(PlatformSetup.ApiPolicy);
        return group;
    }

    /// <summary>Bearer token for the API; wrong credentials 401, locked account 423 with ACC-05.</summary>
    private static async Task<Results<Ok<TokenResponse>, UnauthorizedHttpResult, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request,
        AccountService accounts,
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
                return ApiResults.Status(StatusCodes.Status423Locked,
                    "Das Konto ist gesperrt. Bitte wenden Sie sich an die InA-Koordination, um es entsperren zu lassen.", RuleIds.Lockout);
            case SignInOutcome.WrongCredentials:
                return TypedResults.Unauthorized();
        }

        var options = PlatformSetup.BearerOptions(http.RequestServices);
        var principal = await claims.CreateAsync(user!);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(await sessions.OpenAsync(user!, SessionKind.Api, ct));
        var now = clock.GetUtcNow();
        var expiresAt = now + options.BearerTokenExpiration;
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expiresAt };
        var ticket = new AuthenticationTicket(principal, properties, IdentityConstants.BearerScheme);
        return TypedResults.Ok(new TokenResponse(options.BearerTokenProtector.Protect(ticket), expiresAt));
    }

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

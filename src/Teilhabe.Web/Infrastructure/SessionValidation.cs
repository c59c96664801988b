using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Profiles;
using Teilhabe.Web.Features.Accounts;

namespace Teilhabe.Web.Infrastructure;

/// <summary>
/// Every authenticated request (cookie or bearer token) is checked against the account and its session row: a locked,
/// deactivated or reset account (new security stamp), a logout, a password change elsewhere, the absolute lifetime
/// and — for pages — the idle timeout end the session at once on every node (ACC-05, ACC-13). An initial password must be
/// changed before anything else — pages lead to the change form, the API answers 403 —, and so must a second factor
/// that the profile requires for the user's roles (ACC-11).
/// </summary>
internal static class SessionValidation
{
    public const string ChangePage = "/konto/passwort";
    public const string SecondFactorPage = "/konto/zweiter-faktor";

    public static IApplicationBuilder UseSessionValidation(this IApplicationBuilder app)
        => app.Use(async (ctx, next) =>
        {
            if (ctx.User.Identity?.IsAuthenticated != true || IsStatic(ctx.Request.Path))
            {
                await next();
                return;
            }

            var users = ctx.RequestServices.GetRequiredService<UserManager<AppUser>>();
            var user = await ctx.RequestServices.GetRequiredService<Sessions>().ContinueAsync(ctx.User, ctx.RequestAborted);
            var stamp = ctx.User.FindFirstValue(HttpCurrentUser.SessionClaim);
            if (user is null || !user.IsActive || await users.IsLockedOutAsync(user) || stamp != user.SessionStamp)
            {
                await EndSessionAsync(ctx);
                return;
            }

            if (user.MustChangePassword && !IsAllowedDuringForcedChange(ctx.Request.Path))
            {
                if (ctx.Request.Path.StartsWithSegments("/api"))
                {
                    await ApiResults.Status(StatusCodes.Status403Forbidden, SessionRules.InitialPasswordMustChange()).ExecuteAsync(ctx);
                    return;
                }

                ctx.Response.Redirect(ChangePage);
                return;
            }

            // ACC-11: the profile's roles set up their second factor before anything else.
            if (!IsAllowedDuringSecondFactorSetup(ctx.Request.Path)
                && SecondFactor.SetupPending(user, ctx.User, ctx.RequestServices.GetRequiredService<IStateProfileResolver>().ForUser(user)))
            {
                if (ctx.Request.Path.StartsWithSegments("/api"))
                {
                    await ApiResults.Flagged(StatusCodes.Status403Forbidden, SessionRules.SecondFactorSetupRequired(), "mfaSetupRequired").ExecuteAsync(ctx);
                    return;
                }

                ctx.Response.Redirect(SecondFactorPage);
                return;
            }

            await next();
        });

    private static async Task EndSessionAsync(HttpContext ctx)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            await ApiResults.Status(StatusCodes.Status401Unauthorized, SessionRules.SessionEnded()).ExecuteAsync(ctx);
            return;
        }

        await ctx.SignOutAsync(IdentityConstants.ApplicationScheme);
        ctx.Response.Redirect("/konto/anmelden");
    }

    private static bool IsStatic(PathString path)
        => path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/lib") || path.StartsWithSegments("/health");

    private static bool IsAllowedDuringSecondFactorSetup(PathString path)
        => path.StartsWithSegments(SecondFactorPage) || IsAllowedDuringForcedChange(path);

    private static bool IsAllowedDuringForcedChange(PathString path)
        => path.StartsWithSegments(ChangePage) || path.StartsWithSegments("/konto/abmelden") || path.StartsWithSegments("/api/v1/auth");
}

using Microsoft.AspNetCore.Identity;
using Teilhabe.Core.Accounts;

namespace Teilhabe.Web.Infrastructure;

/// <summary>
/// ACC-05: an initial password must be changed at the next login. Until then pages lead to the change
/// form and the API answers 403 for everything but the password change.
/// </summary>
public static class ForcedPasswordChange
{
    public const string ChangePage = "/konto/passwort";

    public static IApplicationBuilder UseForcedPasswordChange(this IApplicationBuilder app)
        => app.Use(async (ctx, next) =>
        {
            if (ctx.User.Identity?.IsAuthenticated == true
                && ctx.User.HasClaim(c => c.Type == HttpCurrentUser.MustChangePasswordClaim)
                && !IsAllowed(ctx.Request.Path))
            {
                var users = ctx.RequestServices.GetRequiredService<UserManager<AppUser>>();
                var user = await users.GetUserAsync(ctx.User);
                if (user is { MustChangePassword: true })
                {
                    if (ctx.Request.Path.StartsWithSegments("/api"))
                    {
                        await ApiResults.Status(StatusCodes.Status403Forbidden,
                            "Das Initialpasswort muss zuerst geändert werden (POST /api/v1/auth/password).", "ACC-05")
                            .ExecuteAsync(ctx);
                        return;
                    }

                    ctx.Response.Redirect(ChangePage);
                    return;
                }
            }

            await next();
        });

    private static bool IsAllowed(PathString path)
        => path.StartsWithSegments(ChangePage)
           || path.StartsWithSegments("/konto/abmelden")
           || path.StartsWithSegments("/api/v1/auth")
           || path.StartsWithSegments("/css")
           || path.StartsWithSegments("/js")
           || path.StartsWithSegments("/lib")
           || path.StartsWithSegments("/health");
}

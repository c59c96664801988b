using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Teilhabe.Core.Accounts;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Accounts;

/// <summary>Puts the tenant (IFD, Integrationsamt) and a pending forced password change into the user's claims.</summary>
internal sealed class TeilhabeClaimsFactory(
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", user.DisplayName));
        identity.AddClaim(new Claim(HttpCurrentUser.SessionClaim, user.SessionStamp));
        if (user.ServiceId is { } service)
        {
            identity.AddClaim(new Claim(HttpCurrentUser.ServiceClaim, service.ToString()));
        }

        if (user.IntegrationOfficeId is { } office)
        {
            identity.AddClaim(new Claim(HttpCurrentUser.OfficeClaim, office.ToString()));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(HttpCurrentUser.MustChangePasswordClaim, true.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}

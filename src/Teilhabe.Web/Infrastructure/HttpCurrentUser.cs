using System.Security.Claims;
using Teilhabe.Core.Data;

namespace Teilhabe.Web.Infrastructure;

/// <summary>The signed-in user of the current request, from the claims of cookie or bearer token.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string ServiceClaim = "teilhabe:service";
    public const string OfficeClaim = "teilhabe:office";
    public const string MustChangePasswordClaim = "teilhabe:must-change-password";
    public const string SessionClaim = "teilhabe:session";

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
    public Guid? ServiceId => ParseGuid(ServiceClaim);
    public Guid? IntegrationOfficeId => ParseGuid(OfficeClaim);
    /// <summary>Outside a request (start-up, seeding, nightly jobs) the product itself acts and is not filtered.</summary>
    public bool IsSystem => accessor.HttpContext is null;
    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;

    private Guid? ParseGuid(string claim)
        => Guid.TryParse(Principal?.FindFirstValue(claim), out var id) ? id : null;
}

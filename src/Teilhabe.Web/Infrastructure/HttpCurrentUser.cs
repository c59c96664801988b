using System.Security.Claims;
using Teilhabe.Core.Data;

namespace Teilhabe.Web.Infrastructure;

/// <summary>The signed-in user of the current request, from the claims of cookie or bearer token.</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public const string ServiceClaim = "teilhabe:service";
    public const string OfficeClaim = "teilhabe:office";
    public const string MustChangePasswordClaim = "teilhabe:must-change-password";
    public const string SessionClaim = "teilhabe:session";
    public const string SessionIdClaim = "teilhabe:sid";

    private ClaimsPrincipal? _actingUser;

    private ClaimsPrincipal? Principal => _actingUser ?? accessor.HttpContext?.User;

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
    public Guid? ServiceId => ParseGuid(ServiceClaim);
    public Guid? IntegrationOfficeId => ParseGuid(OfficeClaim);
    /// <summary>Outside a request (start-up, seeding, nightly jobs) the product itself acts and is not filtered.</summary>
    public bool IsSystem => _actingUser is null && accessor.HttpContext is null;
    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;

    /// <summary>
    /// A background job acting for one user within its own DI scope (e.g. the daily reminder computing that user's
    /// deadline list): queries are then filtered exactly as in that user's own requests.
    /// </summary>
    public void ActAs(ClaimsPrincipal user) => _actingUser = user;

    private Guid? ParseGuid(string claim)
        => Guid.TryParse(Principal?.FindFirstValue(claim), out var id) ? id : null;
}

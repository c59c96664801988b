using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Teilhabe.Web.Features.ApiDocs;

/// <summary>
/// The interactive API reference of API.md: every /api/v1 endpoint with its methods, tag and roles, read from the
/// endpoint table itself so it cannot drift; the machine-readable form is /openapi/v1.json.
/// </summary>
[AllowAnonymous]
internal sealed class ApiDocsModel(EndpointDataSource endpoints) : PageModel
{
    public sealed record Row(string Tag, string Methods, string Route, string Access);

    public List<IGrouping<string, Row>> Groups { get; private set; } = [];

    public void OnGet()
    {
        var rows = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Select(e => new Row(
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>() is { Tags.Count: > 0 } tags ? tags.Tags[0] : "API",
                string.Join(", ", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]),
                e.RoutePattern.RawText!,
                Access(e)))
            .OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Methods, StringComparer.Ordinal)
            .ToList();
        Groups = [.. rows.GroupBy(r => r.Tag).OrderBy(g => g.Key, StringComparer.Ordinal)];
    }

    private static string Access(Endpoint e)
    {
        if (e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return "ohne Anmeldung";
        }

        var roles = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Where(a => a.Roles is not null).Select(a => a.Roles!).ToList();
        var policyRoles = e.Metadata.GetOrderedMetadata<AuthorizationPolicy>()
            .SelectMany(p => p.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>())
            .Select(r => string.Join(", ", r.AllowedRoles)).ToList();
        var all = roles.Concat(policyRoles).ToList();
        return all.Count == 0 ? "Bearer-Token" : "Bearer-Token; Rollen: " + string.Join(" / ", all);
    }
}

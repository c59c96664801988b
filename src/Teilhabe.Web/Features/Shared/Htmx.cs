using Microsoft.Net.Http.Headers;

namespace Teilhabe.Web.Features.Shared;

/// <summary>
/// htmx is an enhancement only: a page answers its full HTML, and only the swapped region when htmx asks.
/// A history restore asks for the whole page again, so it gets the whole page.
/// </summary>
internal static class Htmx
{
    public static bool WantsPartial(HttpContext http)
    {
        http.Response.Headers.Append(HeaderNames.Vary, "HX-Request");
        var headers = http.Request.Headers;
        return headers["HX-Request"] == "true" && headers["HX-History-Restore-Request"] != "true";
    }
}

using Scalar.AspNetCore;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.ApiDocs;

/// <summary>
/// API.md: the interactive reference of /openapi/v1.json at /api-docs (Scalar; its script and style assets are served
/// by the app itself). Public like the document it shows: it holds no data, and every call it makes needs a bearer token.
/// Under the strict CSP the one inline start script and Scalar's injected style sheet carry this response's nonce.
/// </summary>
internal static class ApiDocsEndpoints
{
    public const string Path = "/api-docs";

    public static IEndpointConventionBuilder MapApiDocs(this IEndpointRouteBuilder app)
        => app.MapScalarApiReference(Path, (options, http) =>
        {
            var nonce = SecurityHeaders.Nonce(http);
            options
                .WithTitle("Teilhabe – API-Referenz")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddPreferredSecuritySchemes(OpenApiSetup.BearerScheme)
                .WithNonce(nonce)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .HideDeveloperTools();

            // Scalar gives the nonce of this meta element to the style sheet it adds at run time.
            options.HeadContent = $"<meta property=\"csp-nonce\" content=\"{nonce}\">";
        }).AllowAnonymous();
}

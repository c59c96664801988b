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

    /// <summary>
    /// The fixed inline styles Scalar 2.19.0 (@scalar/api-reference 1.77.0) applies without the nonce: two style elements
    /// and four style attributes (the last one only on some loads, depending on when the document arrives). A new Scalar
    /// version may need new ones (the browser journey reports them with their hash).
    /// </summary>
    private static readonly string[] ScalarStyleHashes =
    [
        "l/2OpPg0d+2VLTLgwjf5mQo2CYwHDEqdj5TjbfEyVJI=",
        "T13Uev3xCax2N28XaoAE8DOzQZKvPp7ZQVAi1iRREjo=",
        "im4bR8m0i9OTwS6FwAG4MKlk4URQdZkDu1Tx9kDpKNw=",
        "v6FGbsebOHJ39qjwyswuNyhVylA7DHti/pqoiIvwbXQ=",
        "LGszelMz0+v6/EfEtNYVFCYH7w05IKqvd9gau6UXRbE=",
        "rExFZ86F+lQCM9ekxyw4ptDiZ44i6DtO10g2aC2sYiQ=",
    ];

    public static IEndpointConventionBuilder MapApiDocs(this IEndpointRouteBuilder app)
        => app.MapScalarApiReference(Path, (options, http) =>
        {
            var nonce = SecurityHeaders.Nonce(http);
            SecurityHeaders.AllowStyleHashes(http, ScalarStyleHashes);
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

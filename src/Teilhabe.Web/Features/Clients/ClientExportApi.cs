using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Clients;

/// <summary>API.md "Data protection": GET /api/v1/clients/{id}/export (GDPR Art. 15).</summary>
internal static class ClientExportApi
{
    public const string ZipType = "application/zip";

    public static RouteGroupBuilder MapClientExportApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/clients").WithTags("Data protection").RequireAuthorization(PlatformSetup.ApiPolicy);
        group.MapGet("/{id:guid}/export", ExportAsync).Produces(StatusCodes.Status200OK, contentType: ZipType);
        return group;
    }

    private static async Task<IResult> ExportAsync(Guid id, ClientExport export, CancellationToken ct)
    {
        var (outcome, zip, fileName) = await export.BuildAsync(id, ct);
        return outcome switch
        {
            ClientExport.Outcome.NotFound => TypedResults.NotFound(),
            ClientExport.Outcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.File(zip!, ZipType, fileName),
        };
    }
}

using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Profiles;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Documents;

/// <summary>
/// DOC-01 before anything is read: a form request (pages and API) may carry at most <see cref="MaxFilesPerRequest"/>
/// files of the profile's size (uploadMaxBytes) plus its fields. A declared Content-Length above that is refused before
/// one byte of the body is read or buffered; a body without Content-Length (chunked) is cut off at the same size.
/// Endpoints with their own explicit request size (form templates) keep it.
/// </summary>
internal static class UploadLimits
{
    /// <summary>DOC-01 allows several files per upload; this many in one request.</summary>
    public const int MaxFilesPerRequest = 10;

    /// <summary>Room for the form fields and the multipart headers besides the files.</summary>
    private const long FieldAllowance = 1024 * 1024;

    public static long RequestLimit(StateProfile profile) => (profile.MaxUploadBytes * MaxFilesPerRequest) + FieldAllowance;

    public static IApplicationBuilder UseUploadLimits(this IApplicationBuilder app)
        => app.Use(async (ctx, next) =>
        {
            if (!ctx.Request.HasFormContentType
                || ctx.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>() is not null)
            {
                await next();
                return;
            }

            var profile = ctx.RequestServices.GetRequiredService<StateProfile>();
            var limit = RequestLimit(profile);
            if (ctx.Request.ContentLength is { } length && length > limit)
            {
                await RefuseAsync(ctx, UploadRules.RequestTooLarge(length, profile.MaxUploadText, MaxFilesPerRequest));
                return;
            }

            if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            await next();
        });

    /// <summary>
    /// The form of an upload, read only after the caller's access was checked; null when the multipart body is
    /// malformed (a 400 for the caller, not a 500).
    /// </summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    public const string MalformedForm = "Die Sendung ist kein gültiges multipart/form-data.";

    private static async Task RefuseAsync(HttpContext ctx, Core.Rules.RuleViolation refusal)
    {
        // The unread body is not drained: the connection is closed after the answer.
        ctx.Response.Headers.Connection = "close";
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            await ApiResults.Violations([refusal]).ExecuteAsync(ctx);
            return;
        }

        ctx.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        ctx.Response.ContentType = "text/html; charset=utf-8";
        await ctx.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Upload zu groß</title></head><body><main>" +
            $"<h1>Upload zu groß</h1><p>{WebUtility.HtmlEncode(refusal.Message)}</p><p>Bitte mit der Zurück-Taste des Browsers zum Formular zurückkehren.</p></main></body></html>");
    }
}

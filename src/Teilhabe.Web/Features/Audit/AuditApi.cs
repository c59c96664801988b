using Microsoft.AspNetCore.Http.HttpResults;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Audit;

/// <summary>ACC-09: read the audit trail (Administrator: all; IFD lead: the own IFD). There is no write path.</summary>
internal static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/audit").WithTags("Audit")
            .RequireAuthorization(PlatformSetup.ApiPolicy)
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.ServiceLead));
        group.MapGet("/", ListAsync);
        group.MapGet("/verification", VerifyAsync).RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        return group;
    }

    public sealed record VerificationDto(bool Intact, long Checked, long? FirstBrokenId, string? Problem);

    /// <summary>ACC-09: the hash chain check over the whole trail (Administrator only: it spans every IFD).</summary>
    private static async Task<Ok<VerificationDto>> VerifyAsync(AuditChainVerifier verifier, CancellationToken ct)
    {
        var r = await verifier.VerifyAsync(ct);
        return TypedResults.Ok(new VerificationDto(r.Intact, r.Checked, r.FirstBrokenId, r.Problem));
    }

    private static async Task<Ok<List<AuditQuery.Row>>> ListAsync(
        [AsParameters] AuditQuery.Filter filter, AuditQuery query, CancellationToken ct)
        => TypedResults.Ok(await query.RunAsync(filter, ct));
}

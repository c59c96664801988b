using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Catalogues;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Catalogues;

internal static class CataloguesApi
{
    public sealed record EntryDto(string Code, string Label, bool Active, string? Group, string? Form, DateOnly? ValidFrom, string? Parent, int Version);

    public sealed record NewEntry(string? Code, string? Label, string? Group, string? Form, DateOnly? ValidFrom);

    public sealed record EntryChange(string? Label, bool? Active);

    public static RouteGroupBuilder MapCataloguesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/catalogues").WithTags("Catalogues").RequireAuthorization(PlatformSetup.ApiPolicy);
        group.MapGet("/{name}", ListAsync);
        var maintain = group.MapGroup(string.Empty)
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.IntegrationOfficeCoordinator));
        maintain.MapPost("/{name}", AddAsync);
        maintain.MapPatch("/{name}/{code}", UpdateAsync);
        maintain.MapDelete("/{name}/{code}", DeleteAsync);
        return group;
    }

    public static EntryDto ToDto(CatalogueEntry e)
        => new(e.Code, e.Label, e.Active, e.Group, string.IsNullOrEmpty(e.Form) ? null : e.Form, e.ValidFrom, e.Parent, e.Version);

    private static async Task<Results<Ok<List<EntryDto>>, NotFound>> ListAsync(string name, bool? includeRetired, CatalogueService catalogues, CancellationToken ct)
    {
        if (!CatalogueService.Exists(name))
        {
            return TypedResults.NotFound();
        }

        var entries = await catalogues.ListAsync(name, includeRetired ?? true, ct);
        return TypedResults.Ok(entries.Select(ToDto).ToList());
    }

    private static async Task<Results<Created<EntryDto>, NotFound, ProblemHttpResult, ForbidHttpResult>> AddAsync(
        string name, NewEntry body, CatalogueService catalogues, HttpContext http, CancellationToken ct)
    {
        if (!CatalogueService.Exists(name))
        {
            return TypedResults.NotFound();
        }

        if (!MayMaintain(http, name))
        {
            return TypedResults.Forbid();
        }

        var (entry, errors) = await catalogues.AddAsync(name, body.Code, body.Label, body.Group, body.Form, body.ValidFrom, ct);
        return entry is null ? ApiResults.Violations(errors) : TypedResults.Created($"/api/v1/catalogues/{name}", ToDto(entry));
    }

    private static async Task<Results<Ok<EntryDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> UpdateAsync(
        string name, string code, [FromQuery] string? form, EntryChange body, CatalogueService catalogues, HttpContext http, CancellationToken ct)
    {
        if (!MayMaintain(http, name))
        {
            return TypedResults.Forbid();
        }

        var entry = await catalogues.FindAsync(name, code, form, ct);
        if (entry is null)
        {
            return TypedResults.NotFound();
        }

        if (body.Label is { } label && (string.IsNullOrWhiteSpace(label) || label.Trim().Length > 300))
        {
            return ApiResults.Input("label", "Die Bezeichnung darf nicht leer und höchstens 300 Zeichen lang sein.");
        }

        await catalogues.UpdateAsync(entry, body.Label, body.Active, ct);
        return TypedResults.Ok(ToDto(entry));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult, ForbidHttpResult>> DeleteAsync(
        string name, string code, [FromQuery] string? form, CatalogueService catalogues, HttpContext http, CancellationToken ct)
    {
        if (!MayMaintain(http, name))
        {
            return TypedResults.Forbid();
        }

        var entry = await catalogues.FindAsync(name, code, form, ct);
        if (entry is null)
        {
            return TypedResults.NotFound();
        }

        var violations = await catalogues.DeleteAsync(entry, ct);
        return violations.Count == 0 ? TypedResults.NoContent() : ApiResults.Violations(violations);
    }

    /// <summary>Administrators maintain catalogues; InA-Koordination maintains the valid form versions (DOC-04).</summary>
    public static bool MayMaintain(HttpContext http, string name)
        => http.User.IsInRole(Roles.Administrator)
           || (name == CatalogueNames.FormVersions && http.User.IsInRole(Roles.IntegrationOfficeCoordinator));
}

using Microsoft.AspNetCore.Http.HttpResults;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Web.Features.Clients;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Directory;

/// <summary>API.md "Institutions" and "Catalogues and funders" (funders, FU-04 releases).</summary>
internal static class DirectoryApi
{
    public sealed record InstitutionRequest(string? Name, InstitutionKind? Kind, Guid? ProviderId, ClientsApi.AddressDto? Address);

    public sealed record FunderRequest(string? Name, FunderKind? Kind, ClientsApi.AddressDto? Address);

    public sealed record ReleaseRequest(Guid? ServiceId);

    public sealed record ContactDto(Guid Id, string Name, string? Role, string? Phone, string? Email);

    public sealed record InstitutionDto(Guid Id, string Name, InstitutionKind Kind, Guid? ProviderId, ClientsApi.AddressDto Address, List<ContactDto> Contacts);

    public sealed record ReleaseDto(Guid ServiceId, DateTimeOffset RequestedAt, DateTimeOffset? ReleasedAt, string Status);

    public sealed record FunderDto(Guid Id, string Name, FunderKind Kind, ClientsApi.AddressDto Address, List<ContactDto> Contacts, bool ReleasedForMyService, List<ReleaseDto> Releases);

    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        var institutions = app.MapGroup("/api/v1/institutions").WithTags("Institutions").RequireAuthorization(PlatformSetup.ApiPolicy);
        institutions.MapGet("/", async (string? q, InstitutionKind? kind, DirectoryService directory, CancellationToken ct) =>
        {
            var items = (await directory.InstitutionsAsync(q, kind, ct)).Select(ToDto).ToList();
            return TypedResults.Ok(new ClientsApi.Paged<InstitutionDto>(items, items.Count));
        });
        institutions.MapGet("/duplicates", async (string? name, DirectoryService directory, CancellationToken ct)
            => TypedResults.Ok(await directory.InstitutionDuplicatesAsync(name, ct)));
        institutions.MapGet("/{id:guid}", async Task<Results<Ok<InstitutionDto>, NotFound>> (Guid id, DirectoryService directory, CancellationToken ct)
            => await directory.InstitutionAsync(id, ct) is { } i ? TypedResults.Ok(ToDto(i)) : TypedResults.NotFound());
        institutions.MapPost("/", CreateInstitutionAsync).RequireAuthorization(p => p.RequireRole(DirectoryEditors));
        institutions.MapPost("/{id:guid}/contacts", AddInstitutionContactAsync).RequireAuthorization(p => p.RequireRole(DirectoryEditors));

        var funders = app.MapGroup("/api/v1/funders").WithTags("Funders").RequireAuthorization(PlatformSetup.ApiPolicy);
        funders.MapGet("/", async (string? q, FunderKind? kind, DirectoryService directory, ICurrentUser user, CancellationToken ct) =>
        {
            var items = (await directory.FundersAsync(q, kind, ct)).Select(f => ToDto(f, user)).ToList();
            return TypedResults.Ok(new ClientsApi.Paged<FunderDto>(items, items.Count));
        });
        funders.MapGet("/duplicates", async (string? name, DirectoryService directory, CancellationToken ct)
            => TypedResults.Ok(await directory.FunderDuplicatesAsync(name, ct)));
        funders.MapGet("/{id:guid}", async Task<Results<Ok<FunderDto>, NotFound>> (Guid id, DirectoryService directory, ICurrentUser user, CancellationToken ct)
            => await directory.FunderAsync(id, ct) is { } f ? TypedResults.Ok(ToDto(f, user)) : TypedResults.NotFound());
        funders.MapPost("/", CreateFunderAsync).RequireAuthorization(p => p.RequireRole(DirectoryEditors));
        funders.MapPost("/{id:guid}/contacts", AddFunderContactAsync).RequireAuthorization(p => p.RequireRole(DirectoryEditors));
        funders.MapPost("/{id:guid}/release-requests", RequestReleaseAsync).RequireAuthorization(p => p.RequireRole(ClientService.EditorRoles));
        funders.MapPost("/{id:guid}/releases", ReleaseAsync).RequireAuthorization(p => p.RequireRole(Roles.IntegrationOfficeCoordinator));
        return app;
    }

    public static readonly string[] DirectoryEditors = [.. ClientService.EditorRoles, Roles.IntegrationOfficeCoordinator];

    private static async Task<Results<Created<ClientsApi.CreatedId>, ProblemHttpResult>> CreateInstitutionAsync(
        InstitutionRequest r, DirectoryService directory, CancellationToken ct)
    {
        var (institution, errors) = await directory.CreateInstitutionAsync(r.Name, r.Kind, r.ProviderId, ToAddress(r.Address), ct);
        return institution is null
            ? ApiResults.Violations(errors)
            : TypedResults.Created($"/api/v1/institutions/{institution.Id}", new ClientsApi.CreatedId(institution.Id));
    }

    private static async Task<Results<Created<ContactDto>, NotFound, ProblemHttpResult>> AddInstitutionContactAsync(
        Guid id, DirectoryService.ContactInput r, DirectoryService directory, CancellationToken ct)
    {
        var institution = await directory.InstitutionAsync(id, ct);
        if (institution is null)
        {
            return TypedResults.NotFound();
        }

        var errors = DirectoryService.CheckContact(r);
        if (errors.Count > 0)
        {
            return ApiResults.Violations(errors);
        }

        var contact = await directory.AddContactAsync(institution, r, ct);
        return TypedResults.Created($"/api/v1/institutions/{id}", ToDto(contact));
    }

    private static async Task<Results<Created<ClientsApi.CreatedId>, ProblemHttpResult>> CreateFunderAsync(
        FunderRequest r, DirectoryService directory, CancellationToken ct)
    {
        var (funder, errors) = await directory.CreateFunderAsync(r.Name, r.Kind, ToAddress(r.Address), ct);
        return funder is null
            ? ApiResults.Violations(errors)
            : TypedResults.Created($"/api/v1/funders/{funder.Id}", new ClientsApi.CreatedId(funder.Id));
    }

    private static async Task<Results<Created<ContactDto>, NotFound, ProblemHttpResult>> AddFunderContactAsync(
        Guid id, DirectoryService.ContactInput r, DirectoryService directory, CancellationToken ct)
    {
        var funder = await directory.FunderAsync(id, ct);
        if (funder is null)
        {
            return TypedResults.NotFound();
        }

        var errors = DirectoryService.CheckContact(r);
        if (errors.Count > 0)
        {
            return ApiResults.Violations(errors);
        }

        var contact = await directory.AddContactAsync(funder, r, ct);
        return TypedResults.Created($"/api/v1/funders/{id}", ToDto(contact));
    }

    private static async Task<Results<Created<ReleaseDto>, NotFound, ProblemHttpResult>> RequestReleaseAsync(
        Guid id, DirectoryService directory, CancellationToken ct)
    {
        var funder = await directory.FunderAsync(id, ct);
        if (funder is null)
        {
            return TypedResults.NotFound();
        }

        var (release, errors) = await directory.RequestReleaseAsync(funder, ct);
        return release is null ? ApiResults.Violations(errors) : TypedResults.Created($"/api/v1/funders/{id}", ToDto(release));
    }

    private static async Task<Results<Created<ReleaseDto>, NotFound, ProblemHttpResult>> ReleaseAsync(
        Guid id, ReleaseRequest r, DirectoryService directory, CancellationToken ct)
    {
        var funder = await directory.FunderAsync(id, ct);
        if (funder is null)
        {
            return TypedResults.NotFound();
        }

        var (release, errors) = await directory.ReleaseAsync(funder, r.ServiceId, ct);
        return release is null ? ApiResults.Violations(errors) : TypedResults.Created($"/api/v1/funders/{id}", ToDto(release));
    }

    private static Address? ToAddress(ClientsApi.AddressDto? a) => a is null ? null : new Address(a.Street, a.PostalCode, a.City);

    private static ClientsApi.AddressDto ToDto(Address a) => new(a.Street, a.PostalCode, a.City);

    private static ContactDto ToDto(ContactPerson c) => new(c.Id, c.Name, c.Role, c.Phone, c.Email);

    private static InstitutionDto ToDto(Institution i)
        => new(i.Id, i.Name, i.Kind, i.ProviderId, ToDto(i.Address), i.Contacts.Select(ToDto).ToList());

    private static ReleaseDto ToDto(FunderRelease r)
        => new(r.ServiceId, r.RequestedAt, r.ReleasedAt, r.ReleasedAt is null ? "requested" : "released");

    private static FunderDto ToDto(Funder f, ICurrentUser user)
        => new(f.Id, f.Name, f.Kind, ToDto(f.Address), f.Contacts.Select(ToDto).ToList(),
            user.ServiceId is { } s && f.IsReleasedFor(s),
            user.IsInRole(Roles.IntegrationOfficeCoordinator) ? f.Releases.Select(ToDto).ToList() : f.Releases.Where(r => r.ServiceId == user.ServiceId).Select(ToDto).ToList());
}

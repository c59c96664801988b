using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Clients;

/// <summary>API.md "Clients".</summary>
internal static class ClientsApi
{
    public sealed record AddressDto(string? Street, string? PostalCode, string? City);

    public sealed record ClientRequest(
        string? LastName,
        string? FirstName,
        DateOnly? BirthDate,
        Gender? Gender,
        string? Nationality,
        AddressDto? Address,
        string? Phone,
        string? Email,
        string? WorkingLifePosition,
        bool? HearingImpaired);

    public sealed record ClientListItem(Guid Id, string LastName, string FirstName, DateOnly BirthDate, Gender Gender, string DisabilityStatus);

    public sealed record Paged<T>(List<T> Items, int Total);

    public sealed record EvidenceDto(Guid Id, EvidenceKind Kind, DateOnly NoticeDate, DateOnly? EffectiveFrom, DateOnly RecordedDate, int? Degree, DateOnly? ValidUntil, bool IsProof);

    public sealed record DisabilityDto(Guid Id, string CategoryCode, string Description, bool Recognised, bool CareRelevant, string? Remark);

    public sealed record EmploymentDto(Guid Id, string KindCode, DateOnly From, Guid? InstitutionId, EmploymentState State, bool AwaitsConfirmation);

    public sealed record ClientDetails(
        Guid Id,
        string LastName,
        string FirstName,
        DateOnly BirthDate,
        Gender Gender,
        string? Nationality,
        AddressDto? Address,
        string? Phone,
        string? Email,
        string? WorkingLifePosition,
        bool HearingImpaired,
        string DisabilityStatus,
        List<EvidenceDto> DisabilityEvidence,
        List<DisabilityDto> Disabilities,
        List<EmploymentDto> EmploymentSituations,
        int Version);

    public sealed record EvidenceRequest(EvidenceKind? Kind, DateOnly? NoticeDate, DateOnly? EffectiveFrom, int? Degree, DateOnly? ValidUntil);

    public sealed record DisabilityRequest(string? CategoryCode, string? Description, bool? Recognised, bool? CareRelevant);

    public sealed record EmploymentRequest(string? KindCode, DateOnly? From, Guid? InstitutionId);

    public sealed record CreatedId(Guid Id);

    public static RouteGroupBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/clients").WithTags("Clients").RequireAuthorization(PlatformSetup.ApiPolicy);
        group.MapGet("/", SearchAsync);
        group.MapGet("/duplicates", DuplicatesAsync);
        group.MapGet("/{id:guid}", GetAsync);

        var editors = group.MapGroup(string.Empty).RequireAuthorization(p => p.RequireRole(ClientService.EditorRoles));
        editors.MapPost("/", CreateAsync);
        editors.MapPut("/{id:guid}", UpdateAsync);
        editors.MapPost("/{id:guid}/disability-evidence", AddEvidenceAsync);
        editors.MapPost("/{id:guid}/disabilities", AddDisabilityAsync);
        editors.MapPost("/{id:guid}/disabilities/{disabilityId:guid}/care-relevant", MarkCareRelevantAsync);
        editors.MapPost("/{id:guid}/employment-situations", AddEmploymentAsync);
        editors.MapPost("/{id:guid}/employment-situations/{situationId:guid}/confirm", ConfirmAsync);
        editors.MapClientCorrectionsApi();
        return group;
    }

    private static ClientService.ClientInput ToInput(ClientRequest r)
        => new(r.LastName, r.FirstName, r.BirthDate, r.Gender, r.Nationality,
            r.Address is null ? null : new Address(r.Address.Street, r.Address.PostalCode, r.Address.City),
            r.Phone, r.Email, r.WorkingLifePosition, r.HearingImpaired ?? false);

    private static async Task<Ok<Paged<ClientListItem>>> SearchAsync(string? q, int? page, int? pageSize, ClientService clients, CancellationToken ct)
    {
        var (items, total) = await clients.SearchAsync(q, page ?? 1, pageSize ?? 50, ct);
        return TypedResults.Ok(new Paged<ClientListItem>(
            items.Select(c => new ClientListItem(c.Id, c.LastName, c.FirstName, c.BirthDate, c.Gender, c.DisabilityStatus.ToString())).ToList(), total));
    }

    private static async Task<Ok<List<ClientService.DuplicateCandidate>>> DuplicatesAsync(
        string? lastName, string? firstName, DateOnly? birthDate, ClientService clients, CancellationToken ct)
        => TypedResults.Ok(await clients.DuplicatesAsync(lastName, firstName, birthDate, null, ct));

    private static async Task<Results<Ok<ClientDetails>, NotFound>> GetAsync(Guid id, ClientService clients, HttpContext http, CancellationToken ct)
    {
        var client = await clients.GetAsync(id, ct);
        if (client is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = ETags.Of(client.Version);
        return TypedResults.Ok(ToDetails(client, clients.SeesContactData, clients.Today));
    }

    private static async Task<Results<Created<CreatedId>, ProblemHttpResult>> CreateAsync(ClientRequest request, ClientService clients, CancellationToken ct)
    {
        var outcome = await clients.CreateAsync(ToInput(request), ct);
        return outcome.Value is null
            ? ApiResults.Violations(outcome.Violations)
            : TypedResults.Created($"/api/v1/clients/{outcome.Value.Id}", new CreatedId(outcome.Value.Id));
    }

    /// <summary>Master data; with If-Match a stale version answers 409 instead of overwriting another person's change.</summary>
    private static async Task<Results<Ok<ClientDetails>, NotFound, ProblemHttpResult>> UpdateAsync(
        Guid id, ClientRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, ClientService clients, HttpContext http, CancellationToken ct)
    {
        if (!ETags.TryParseIfMatch(ifMatch, out var expected))
        {
            return ApiResults.Input("If-Match", "If-Match muss das ETag aus GET /api/v1/clients/{id} enthalten.");
        }

        var outcome = await clients.UpdateAsync(id, expected, ToInput(request), ct);
        switch (outcome.Status)
        {
            case ResultStatus.NotFound:
                return TypedResults.NotFound();
            case ResultStatus.Conflict:
                return ApiResults.Status(StatusCodes.Status409Conflict,
                    "Die Stammdaten wurden inzwischen von jemand anderem geändert. Bitte neu laden und die Änderung erneut eintragen.");
            case ResultStatus.Invalid:
                return ApiResults.Violations(outcome.Violations);
        }

        var client = (await clients.GetAsync(id, ct))!;
        http.Response.Headers.ETag = ETags.Of(client.Version);
        return TypedResults.Ok(ToDetails(client, clients.SeesContactData, clients.Today));
    }

    private static async Task<Results<Created<EvidenceDto>, NotFound, ProblemHttpResult>> AddEvidenceAsync(
        Guid id, EvidenceRequest r, ClientService clients, CancellationToken ct)
    {
        var outcome = await clients.AddEvidenceAsync(id, r.Kind, r.NoticeDate, r.EffectiveFrom, r.Degree, r.ValidUntil, ct);
        return outcome.Status switch
        {
            ResultStatus.NotFound => TypedResults.NotFound(),
            ResultStatus.Invalid => ApiResults.Violations(outcome.Violations),
            _ => TypedResults.Created($"/api/v1/clients/{id}", ToDto(outcome.Value!)),
        };
    }

    private static async Task<Results<Created<DisabilityDto>, NotFound, ProblemHttpResult>> AddDisabilityAsync(
        Guid id, DisabilityRequest r, ClientService clients, CancellationToken ct)
    {
        var outcome = await clients.AddDisabilityAsync(id, r.CategoryCode, r.Description, r.Recognised ?? true, r.CareRelevant ?? false, ct);
        return outcome.Status switch
        {
            ResultStatus.NotFound => TypedResults.NotFound(),
            ResultStatus.Invalid => ApiResults.Violations(outcome.Violations),
            _ => TypedResults.Created($"/api/v1/clients/{id}", ToDto(outcome.Value!)),
        };
    }

    private static async Task<Results<NoContent, NotFound>> MarkCareRelevantAsync(Guid id, Guid disabilityId, ClientService clients, CancellationToken ct)
        => (await clients.MarkCareRelevantAsync(id, disabilityId, ct)).Status == ResultStatus.NotFound
            ? TypedResults.NotFound()
            : TypedResults.NoContent();

    private static async Task<Results<Created<EmploymentDto>, NotFound, ProblemHttpResult>> AddEmploymentAsync(
        Guid id, EmploymentRequest r, ClientService clients, CancellationToken ct)
    {
        var outcome = await clients.AddEmploymentAsync(id, r.KindCode, r.From, r.InstitutionId, ct);
        return outcome.Status switch
        {
            ResultStatus.NotFound => TypedResults.NotFound(),
            ResultStatus.Invalid => ApiResults.Violations(outcome.Violations),
            _ => TypedResults.Created($"/api/v1/clients/{id}", ToDto(outcome.Value!, clients.Today)),
        };
    }

    private static async Task<Results<Ok<EmploymentDto>, NotFound, ProblemHttpResult>> ConfirmAsync(
        Guid id, Guid situationId, ClientService clients, CancellationToken ct)
    {
        var outcome = await clients.ConfirmEmploymentAsync(id, situationId, ct);
        return outcome.Status switch
        {
            ResultStatus.NotFound => TypedResults.NotFound(),
            ResultStatus.Invalid => ApiResults.Violations(outcome.Violations),
            _ => TypedResults.Ok(ToDto(outcome.Value!, clients.Today)),
        };
    }

    private static ClientDetails ToDetails(Client c, bool contactData, DateOnly today)
        => new(c.Id, c.LastName, c.FirstName, c.BirthDate, c.Gender, c.Nationality,
            contactData ? new AddressDto(c.Address.Street, c.Address.PostalCode, c.Address.City) : null,
            contactData ? c.Phone : null, contactData ? c.Email : null, c.WorkingLifePosition, c.HearingImpaired,
            c.DisabilityStatus.ToString(),
            c.Evidence.OrderBy(e => e.NoticeDate).Select(ToDto).ToList(),
            c.Disabilities.OrderBy(d => d.Order).Select(ToDto).ToList(),
            c.Employment.OrderBy(e => e.From).Select(e => ToDto(e, today)).ToList(),
            c.Version);

    internal static EvidenceDto ToDto(DisabilityEvidence e)
        => new(e.Id, e.Kind, e.NoticeDate, e.EffectiveFrom, e.RecordedDate, e.Degree, e.ValidUntil, e.IsProof);

    internal static DisabilityDto ToDto(Disability d)
        => new(d.Id, d.CategoryCode, d.Description, d.Recognised, d.CareRelevant, d.Recognised ? null : d.Remark);

    internal static EmploymentDto ToDto(EmploymentSituation e, DateOnly today)
        => new(e.Id, e.KindCode, e.From, e.InstitutionId, e.State, e.AwaitsConfirmation(today));
}

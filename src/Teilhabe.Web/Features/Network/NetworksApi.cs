using Microsoft.AspNetCore.Http.HttpResults;
using Teilhabe.Core.Network;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Clients;
using Teilhabe.Web.Infrastructure;
using static Teilhabe.Web.Features.Network.NetworkDtos;

namespace Teilhabe.Web.Features.Network;

/// <summary>API.md "Job network" (NET-01…03).</summary>
internal static class NetworksApi
{
    public static RouteGroupBuilder MapNetworksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Job network").RequireAuthorization(PlatformSetup.ApiPolicy)
            .RequireAuthorization(p => p.RequireRole(NetworkAccess.ReaderRoles));
        group.MapPost("/networks", CreateAsync);
        group.MapGet("/networks", ListAsync);
        group.MapGet("/networks/{id:guid}", GetAsync);
        group.MapPost("/networks/{id:guid}/members", AddMemberAsync);
        group.MapDelete("/networks/{id:guid}/members/{organisationId:guid}", RemoveMemberAsync);
        group.MapPost("/networks/{id:guid}/potentials", CreatePotentialAsync);
        group.MapGet("/networks/{id:guid}/report", ReportAsync);
        group.MapGet("/potentials/{id:guid}", GetPotentialAsync);
        group.MapPost("/potentials/{id:guid}/stage", MoveAsync);
        group.MapPost("/potentials/{id:guid}/candidates", OfferAsync);
        group.MapPost("/candidates/{id:guid}/consent", ConsentAsync);
        group.MapPost("/candidates/{id:guid}/reveal", RevealAsync);
        group.MapGet("/candidates/{id:guid}/person", PersonAsync);
        return group;
    }

    private static IResult Failed<T>(Result<T> r) => r.Status switch
    {
        ResultStatus.NotFound => TypedResults.NotFound(),
        ResultStatus.Forbidden => TypedResults.Forbid(),
        ResultStatus.Conflict => ApiResults.Status(StatusCodes.Status409Conflict, r.Violations.Count > 0 ? r.Violations[0].Message : "Konflikt."),
        _ => ApiResults.Violations(r.Violations),
    };

    private static async Task<IResult> CreateAsync(NetworkRequest r, NetworkService networks, CancellationToken ct)
    {
        var result = await networks.CreateAsync(r.Name, r.Region, r.CoordinatorOrganisationId, ct);
        return result.Value is { } n ? TypedResults.Created($"/api/v1/networks/{n.Id}", new ClientsApi.CreatedId(n.Id)) : Failed(result);
    }

    private static async Task<Ok<ClientsApi.Paged<NetworkListItem>>> ListAsync(NetworkService networks, CancellationToken ct)
    {
        var items = (await networks.ListAsync(ct))
            .Select(n => new NetworkListItem(n.Id, n.Name, n.Region, n.CoordinatorOrganisationId, n.Members.Count)).ToList();
        return TypedResults.Ok(new ClientsApi.Paged<NetworkListItem>(items, items.Count));
    }

    private static async Task<Results<Ok<NetworkDetails>, NotFound>> GetAsync(Guid id, NetworkService networks, CancellationToken ct)
    {
        if (await networks.GetAsync(id, ct) is not { } n)
        {
            return TypedResults.NotFound();
        }

        var counts = await networks.CandidateCountsAsync(id, ct);
        var potentials = (await networks.PotentialsAsync(id, ct)).Select(p => new PotentialListItem(
            p.Id, p.Title, p.EmployerName, p.Jobs, p.FundingSource, p.Region, PotentialPipeline.Code(p.Stage), p.IdentifiedOn, p.StageSince,
            p.ResponsibleOrganisationId, counts.GetValueOrDefault(p.Id))).ToList();
        var members = n.Members.OrderBy(m => m.Organisation?.Name, StringComparer.CurrentCulture).Select(m => new MemberDto(
            m.OrganisationId, m.Organisation?.Name ?? string.Empty, MemberKinds.Code(m.Kind), m.JoinedOn, m.OrganisationId == n.CoordinatorOrganisationId)).ToList();
        return TypedResults.Ok(new NetworkDetails(n.Id, n.Name, n.Region, n.CoordinatorOrganisationId, members, potentials));
    }

    private static async Task<IResult> AddMemberAsync(Guid id, MemberRequest r, NetworkService networks, CancellationToken ct)
    {
        var result = await networks.AddMemberAsync(id, r.OrganisationId, r.Kind, ct);
        return result.Value is { } m
            ? TypedResults.Created($"/api/v1/networks/{id}", new { organisationId = m.OrganisationId, kind = MemberKinds.Code(m.Kind) })
            : Failed(result);
    }

    private static async Task<IResult> RemoveMemberAsync(Guid id, Guid organisationId, NetworkService networks, CancellationToken ct)
    {
        var result = await networks.RemoveMemberAsync(id, organisationId, ct);
        return result.Value ? TypedResults.NoContent() : Failed(result);
    }

    private static async Task<IResult> CreatePotentialAsync(Guid id, PotentialRequest r, NetworkService networks, CancellationToken ct)
    {
        var draft = new PotentialDraft(r.Title ?? string.Empty, r.EmployerName ?? string.Empty, r.Jobs ?? 0, r.FundingSource, r.Region, r.EmployerId);
        var result = await networks.CreatePotentialAsync(id, draft, r.ResponsibleOrganisationId, ct);
        return result.Value is { } p ? TypedResults.Created($"/api/v1/potentials/{p.Id}", new ClientsApi.CreatedId(p.Id)) : Failed(result);
    }

    private static async Task<Results<Ok<ReportDto>, NotFound, ProblemHttpResult>> ReportAsync(Guid id, int? year, NetworkService networks, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
        {
            return ApiResults.Input("year", "Das Jahr liegt zwischen 2000 und 2100.");
        }

        return await networks.ReportAsync(id, year, ct) is { } report ? TypedResults.Ok(ReportDto.From(id, report)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<PotentialDetails>, NotFound>> GetPotentialAsync(Guid id, NetworkService networks, NetworkAccess access, CancellationToken ct)
        => await PotentialDetailsAsync(id, networks, access, ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    /// <summary>The potential as the API shows it; also used by the tests' "no personal data" sweep.</summary>
    public static async Task<PotentialDetails?> PotentialDetailsAsync(Guid id, NetworkService networks, NetworkAccess access, CancellationToken ct)
    {
        if (await networks.GetPotentialAsync(id, ct) is not { } found)
        {
            return null;
        }

        var p = found.Potential;
        var candidates = await networks.CandidatesAsync(id, ct);
        var users = await networks.UserNamesAsync(p.StageChanges.Select(c => c.By), ct);
        var orgs = await networks.OrganisationNamesAsync([p.ResponsibleOrganisationId], ct);
        return new PotentialDetails(
            p.Id, p.NetworkId, p.Title, p.EmployerName, p.EmployerInstitutionId, p.Jobs, p.FundingSource, p.Region, p.ResponsibleOrganisationId,
            orgs.GetValueOrDefault(p.ResponsibleOrganisationId) ?? string.Empty, PotentialPipeline.Code(p.Stage), p.IdentifiedOn, p.StageSince,
            [.. PotentialPipeline.NextStages(p.Stage).Select(PotentialPipeline.Code)],
            [.. p.StageChanges.OrderBy(c => c.At).Select(c => new StageChangeDto(
                c.From is { } f ? PotentialPipeline.Code(f) : null, PotentialPipeline.Code(c.To), c.On, users.GetValueOrDefault(c.By) ?? c.By))],
            [.. candidates.Select(c => CandidateDto.From(CandidateProfile.From(c), c.ServiceId == access.ServiceId))]);
    }

    private static async Task<IResult> MoveAsync(Guid id, StageRequest r, NetworkService networks, CancellationToken ct)
    {
        if (PotentialPipeline.Parse(r.Stage) is not { } stage)
        {
            return ApiResults.Input("stage", "Die Stufe ist identified, reviewing, solution, measures, created, new-inclusion-company oder dropped.");
        }

        var result = await networks.MoveAsync(id, stage, ct);
        return result.Value is { } p
            ? TypedResults.Ok(new { id = p.Id, stage = PotentialPipeline.Code(p.Stage), stageSince = p.StageSince })
            : Failed(result);
    }

    private static async Task<IResult> OfferAsync(Guid id, CandidateRequest r, NetworkService networks, CancellationToken ct)
    {
        var result = await networks.OfferAsync(id, r.ClientId, new CandidateProfileInput(r.Skills, r.Wishes, r.SupportNeeds, r.Region), ct);
        return result.Value is { } c
            ? TypedResults.Created($"/api/v1/potentials/{id}", new CreatedCandidate(c.Id, c.Pseudonym))
            : Failed(result);
    }

    private static async Task<IResult> ConsentAsync(Guid id, ConsentRequest r, NetworkService networks, CancellationToken ct)
    {
        var result = await networks.RecordConsentAsync(id, r.GivenOn, ct);
        return result.Value is { } c ? TypedResults.Ok(new ConsentDto(c.Id, c.Pseudonym, c.ConsentGivenOn!.Value)) : Failed(result);
    }

    private static async Task<IResult> RevealAsync(Guid id, NetworkService networks, CancellationToken ct)
    {
        var result = await networks.RevealAsync(id, ct);
        return result.Value is { } c
            ? TypedResults.Ok(new RevealedDto(c.Id, c.Pseudonym, c.RevealedAt!.Value, c.RevealedToOrganisationId!.Value))
            : Failed(result);
    }

    private static async Task<Results<Ok<PersonDto>, NotFound>> PersonAsync(Guid id, NetworkService networks, CancellationToken ct)
        => await networks.RevealedPersonAsync(id, ct) is { } p ? TypedResults.Ok(new PersonDto(p.LastName, p.FirstName, p.Phone, p.Email)) : TypedResults.NotFound();
}

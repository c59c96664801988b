using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Organisations;
using Teilhabe.Web.Features.Accounts;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Admin;

/// <summary>Bootstrap and administration (API.md): organisations, IFDs, users; unlock and reset (ACC-05).</summary>
internal static class AdminApi
{
    public sealed record OrganisationRequest(OrganisationKind? Kind, string? Name, string? State);

    public sealed record ServiceRequest(string? Name, Guid? ProviderId, Guid? IntegrationOfficeId);

    public sealed record UserRequest(
        string? UserName,
        string? DisplayName,
        string? InitialPassword,
        string[]? Roles,
        Guid? ServiceId,
        Guid? IntegrationOfficeId,
        bool? MustChangePassword,
        string? Email = null);

    public sealed record ResetRequest(string? InitialPassword, string? Reason);

    public sealed record UserPatch(string? DisplayName, string? Email, string[]? Roles, bool? Active);

    public sealed record Created(string Id);

    public sealed record OrganisationDto(Guid Id, OrganisationKind Kind, string Name, string State);

    public sealed record ServiceDto(Guid Id, string Name, Guid ProviderId, Guid IntegrationOfficeId);

    public sealed record UserDto(string Id, string UserName, string DisplayName, IList<string> Roles, Guid? ServiceId, Guid? IntegrationOfficeId, bool Locked, bool MustChangePassword, bool Active, string? Email, bool SecondFactor);

    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin").WithTags("Admin").RequireAuthorization(PlatformSetup.ApiPolicy);
        var adminOnly = group.MapGroup(string.Empty).RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        adminOnly.MapPost("/organisations", CreateOrganisationAsync);
        adminOnly.MapGet("/organisations", ListOrganisationsAsync);
        adminOnly.MapPost("/services", CreateServiceAsync);
        adminOnly.MapGet("/services", ListServicesAsync);
        adminOnly.MapPost("/users", CreateUserAsync).ProducesProblem(StatusCodes.Status409Conflict);
        adminOnly.MapPatch("/users/{id}", PatchUserAsync).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status403Forbidden);

        var unlockers = group.MapGroup(string.Empty)
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.IntegrationOfficeCoordinator));
        unlockers.MapGet("/users", ListUsersAsync);
        unlockers.MapGet("/users/{id}", GetUserAsync);
        unlockers.MapPost("/users/{id}/unlock", UnlockAsync);
        unlockers.MapPost("/users/{id}/reset-password", ResetPasswordAsync);
        return group;
    }

    private static async Task<Results<Created<Created>, ProblemHttpResult>> CreateOrganisationAsync(
        OrganisationRequest request, TeilhabeDbContext db, Core.Profiles.IStateProfileResolver profiles, CancellationToken ct)
    {
        var errors = new List<Core.Rules.RuleViolation>();
        if (request.Kind is null)
        {
            errors.Add(Input("kind", "Art der Organisation fehlt: „IntegrationOffice“ oder „Provider“."));
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add(Input("name", "Name der Organisation fehlt."));
        }

        if (string.IsNullOrWhiteSpace(request.State) || request.State.Trim().Length != 2)
        {
            errors.Add(Input("state", "Bundesland als Kürzel mit zwei Buchstaben angeben, z. B. „TH“."));
        }
        else if (request.Kind == OrganisationKind.IntegrationOffice && profiles.All.All(p => !string.Equals(p.Code, request.State.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            // The Integrationsamt works under the profile of its state: that profile must exist in this deployment.
            errors.Add(Input("state", $"Für das Bundesland „{request.State.Trim()}“ ist kein Landesprofil eingerichtet. Verfügbar: {string.Join(", ", profiles.All.Select(p => p.Code))}."));
        }

        if (errors.Count > 0)
        {
            return ApiResults.InputErrors(errors);
        }

        var organisation = new Organisation(request.Kind!.Value, request.Name!, request.State!);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/admin/organisations/{organisation.Id}", new Created(organisation.Id.ToString()));
    }

    private static async Task<Ok<List<OrganisationDto>>> ListOrganisationsAsync(TeilhabeDbContext db, CancellationToken ct)
        => TypedResults.Ok(await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OrganisationDto(o.Id, o.Kind, o.Name, o.State)).ToListAsync(ct));

    private static async Task<Results<Created<Created>, ProblemHttpResult>> CreateServiceAsync(
        ServiceRequest request, TeilhabeDbContext db, CancellationToken ct)
    {
        var errors = new List<Core.Rules.RuleViolation>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add(Input("name", "Name des IFD fehlt."));
        }

        if (request.ProviderId is null || !await db.Organisations.AnyAsync(o => o.Id == request.ProviderId && o.Kind == OrganisationKind.Provider, ct))
        {
            errors.Add(Input("providerId", "Träger nicht gefunden: providerId muss eine Organisation der Art „Provider“ sein."));
        }

        if (request.IntegrationOfficeId is null || !await db.Organisations.AnyAsync(o => o.Id == request.IntegrationOfficeId && o.Kind == OrganisationKind.IntegrationOffice, ct))
        {
            errors.Add(Input("integrationOfficeId", "Integrationsamt nicht gefunden: integrationOfficeId muss eine Organisation der Art „IntegrationOffice“ sein."));
        }

        if (errors.Count > 0)
        {
            return ApiResults.InputErrors(errors);
        }

        var service = new Service(request.Name!, request.ProviderId!.Value, request.IntegrationOfficeId!.Value);
        db.Services.Add(service);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/admin/services/{service.Id}", new Created(service.Id.ToString()));
    }

    private static async Task<Ok<List<ServiceDto>>> ListServicesAsync(TeilhabeDbContext db, CancellationToken ct)
        => TypedResults.Ok(await db.Services.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new ServiceDto(s.Id, s.Name, s.ProviderId, s.IntegrationOfficeId)).ToListAsync(ct));

    private static async Task<Results<Created<Created>, ProblemHttpResult>> CreateUserAsync(
        UserRequest request, UserAdministration administration, CancellationToken ct)
    {
        var outcome = await administration.CreateAsync(
            new UserAdministration.NewUser(
                request.UserName, request.DisplayName, request.InitialPassword, request.Roles ?? [],
                request.ServiceId, request.IntegrationOfficeId, request.MustChangePassword ?? true, request.Email),
            ct);
        return outcome.Value is { } user
            ? TypedResults.Created($"/api/v1/admin/users/{user.Id}", new Created(user.Id))
            : ApiResults.Problem(outcome);
    }

    private static async Task<Ok<List<UserDto>>> ListUsersAsync(UserAdministration administration, CancellationToken ct)
    {
        var users = await administration.VisibleUsers().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await administration.RolesOfAsync(users, ct);
        var result = new List<UserDto>(users.Count);
        foreach (var u in users)
        {
            result.Add(await DtoAsync(u, roles[u.Id], administration));
        }

        return TypedResults.Ok(result);
    }

    private static async Task<UserDto> DtoAsync(AppUser u, IList<string> roles, UserAdministration administration)
        => new(u.Id, u.UserName!, u.DisplayName, roles, u.ServiceId, u.IntegrationOfficeId,
            await administration.IsLockedAsync(u), u.MustChangePassword, u.IsActive, u.Email, u.TwoFactorEnabled);

    private static async Task<Results<Ok<UserDto>, NotFound>> GetUserAsync(string id, UserAdministration administration, HttpContext http, CancellationToken ct)
    {
        var user = await administration.FindVisibleAsync(id, ct);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = ETags.Of(user.Version);
        return TypedResults.Ok(await DtoAsync(user, await administration.RolesOfAsync(user), administration));
    }

    /// <summary>Name, e-mail, roles, active (If-Match with the ETag of GET): 200, 403 (own account, same or higher role), 409 (stale).</summary>
    private static async Task<Results<Ok<UserDto>, NotFound, ProblemHttpResult>> PatchUserAsync(
        string id, UserPatch request, UserAdministration administration, HttpContext http,
        [Microsoft.AspNetCore.Mvc.FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken ct)
    {
        if (!ETags.TryParseIfMatch(ifMatch, out var expected))
        {
            return ApiResults.Input("If-Match", "If-Match muss das ETag aus GET /api/v1/admin/users/{id} enthalten.");
        }

        var outcome = await administration.ChangeAsync(id, new UserAdministration.UserChange(request.DisplayName, request.Email, request.Roles, request.Active), expected, ct);
        if (outcome.Status == Core.Rules.ResultStatus.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (outcome.Value is not { } user)
        {
            return ApiResults.Problem(outcome);
        }

        http.Response.Headers.ETag = ETags.Of(user.Version);
        return TypedResults.Ok(await DtoAsync(user, await administration.RolesOfAsync(user), administration));
    }

    private static async Task<Results<NoContent, NotFound>> UnlockAsync(string id, UserAdministration administration, AccountService accounts, CancellationToken ct)
    {
        var user = await administration.FindVisibleAsync(id, ct);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        await accounts.UnlockAsync(user);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> ResetPasswordAsync(
        string id, ResetRequest request, UserAdministration administration, CancellationToken ct)
    {
        var outcome = await administration.ResetAsync(id, request.InitialPassword, request.Reason, ct);
        return outcome.Status switch
        {
            Core.Rules.ResultStatus.Ok => TypedResults.NoContent(),
            Core.Rules.ResultStatus.NotFound => TypedResults.NotFound(),
            _ => ApiResults.Problem(outcome),
        };
    }

    private static Core.Rules.RuleViolation Input(string field, string message) => Core.Rules.RuleViolation.Input(message, field);
}

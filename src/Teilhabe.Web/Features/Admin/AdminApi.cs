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

    public sealed record ResetRequest(string? InitialPassword);

    public sealed record Created(string Id);

    public sealed record UserDto(string Id, string UserName, string DisplayName, IList<string> Roles, Guid? ServiceId, Guid? IntegrationOfficeId, bool Locked, bool MustChangePassword);

    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin").WithTags("Admin").RequireAuthorization(PlatformSetup.ApiPolicy);
        var adminOnly = group.MapGroup(string.Empty).RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        adminOnly.MapPost("/organisations", CreateOrganisationAsync);
        adminOnly.MapGet("/organisations", ListOrganisationsAsync);
        adminOnly.MapPost("/services", CreateServiceAsync);
        adminOnly.MapGet("/services", ListServicesAsync);
        adminOnly.MapPost("/users", CreateUserAsync).ProducesProblem(StatusCodes.Status409Conflict);

        var unlockers = group.MapGroup(string.Empty)
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.IntegrationOfficeCoordinator));
        unlockers.MapGet("/users", ListUsersAsync);
        unlockers.MapPost("/users/{id}/unlock", UnlockAsync);
        unlockers.MapPost("/users/{id}/reset-password", ResetPasswordAsync);
        return group;
    }

    private static async Task<Results<Created<Created>, ProblemHttpResult>> CreateOrganisationAsync(
        OrganisationRequest request, TeilhabeDbContext db, CancellationToken ct)
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

        if (errors.Count > 0)
        {
            return ApiResults.InputErrors(errors);
        }

        var organisation = new Organisation(request.Kind!.Value, request.Name!, request.State!);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/admin/organisations/{organisation.Id}", new Created(organisation.Id.ToString()));
    }

    private static async Task<Ok<List<Organisation>>> ListOrganisationsAsync(TeilhabeDbContext db, CancellationToken ct)
        => TypedResults.Ok(await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct));

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

    private static async Task<Ok<List<Service>>> ListServicesAsync(TeilhabeDbContext db, CancellationToken ct)
        => TypedResults.Ok(await db.Services.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct));

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
            result.Add(new UserDto(u.Id, u.UserName!, u.DisplayName, roles[u.Id], u.ServiceId, u.IntegrationOfficeId,
                await administration.IsLockedAsync(u), u.MustChangePassword));
        }

        return TypedResults.Ok(result);
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
        string id, ResetRequest request, UserAdministration administration, AccountService accounts, CancellationToken ct)
    {
        var user = await administration.FindVisibleAsync(id, ct);
        if (user is null)
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrEmpty(request.InitialPassword))
        {
            return ApiResults.Input("initialPassword", "Das neue Initialpasswort fehlt.");
        }

        var violations = await accounts.ResetAsync(user, request.InitialPassword);
        return violations.Count == 0 ? TypedResults.NoContent() : ApiResults.Violations(violations);
    }

    private static Core.Rules.RuleViolation Input(string field, string message) => new(Core.Rules.RuleIds.Input, message, field);
}

using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Accounts;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Admin;

/// <summary>
/// User administration for pages and API. Administrators manage every account; InA-Koordination sees
/// and unlocks the accounts of its own state only (ACC-05, ACC-06).
/// </summary>
internal sealed class UserAdministration(
    UserManager<AppUser> users,
    AccountService accounts,
    TeilhabeDbContext db,
    ICurrentUser current,
    IHostEnvironment env)
{
    public sealed record NewUser(
        string? UserName,
        string? DisplayName,
        string? InitialPassword,
        IReadOnlyList<string> Roles,
        Guid? ServiceId,
        Guid? IntegrationOfficeId,
        bool MustChangePassword,
        string? Email = null);

    public IQueryable<AppUser> VisibleUsers()
    {
        if (current.IsInRole(Roles.Administrator))
        {
            return users.Users;
        }

        var office = current.IntegrationOfficeId;
        return current.IsInRole(Roles.IntegrationOfficeCoordinator) && office is not null
            ? users.Users.Where(u => u.IntegrationOfficeId == office)
            : users.Users.Where(_ => false);
    }

    public Task<AppUser?> FindVisibleAsync(string id, CancellationToken ct)
        => VisibleUsers().FirstOrDefaultAsync(u => u.Id == id, ct);

    public Task<IList<string>> RolesOfAsync(AppUser user) => users.GetRolesAsync(user);

    /// <summary>The roles of many users in one query (lists, no GetRolesAsync per user); every user is a key.</summary>
    public async Task<Dictionary<string, IList<string>>> RolesOfAsync(IReadOnlyCollection<AppUser> list, CancellationToken ct)
    {
        var ids = list.Select(u => u.Id).ToList();
        var pairs = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where ids.Contains(userRole.UserId)
                           select new { userRole.UserId, role.Name }).ToListAsync(ct);
        return ids.ToDictionary(id => id, id => (IList<string>)[.. pairs.Where(p => p.UserId == id).Select(p => p.Name!)]);
    }

    public Task<bool> IsLockedAsync(AppUser user) => users.IsLockedOutAsync(user);

    public async Task<Result<AppUser>> CreateAsync(NewUser request, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            errors.Add(Input("userName", "Benutzername fehlt."));
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            errors.Add(Input("displayName", "Anzeigename (Vor- und Nachname) fehlt."));
        }

        if (string.IsNullOrEmpty(request.InitialPassword))
        {
            errors.Add(Input("initialPassword", "Initialpasswort fehlt."));
        }

        var unknown = request.Roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (request.Roles.Count == 0 || unknown.Count > 0)
        {
            errors.Add(Input("roles", "Mindestens eine gültige Rolle angeben: " + string.Join(", ", Roles.All) + "."));
        }

        if (!request.MustChangePassword && !PlatformSetup.IsLocal(env))
        {
            errors.Add(Input("mustChangePassword", "Ohne Passwortwechsel bei der ersten Anmeldung darf ein Konto nur in Development/Testing angelegt werden."));
        }

        Guid? officeId = null;
        if (request.Roles.Any(Roles.ServiceBound.Contains))
        {
            var service = request.ServiceId is null ? null : await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.ServiceId, ct);
            if (service is null)
            {
                errors.Add(Input("serviceId", "Für Rollen im IFD (Fachkraft, Vertretung, IFD-Leitung, Programme) ist der IFD (serviceId) anzugeben."));
            }
            else
            {
                officeId = service.IntegrationOfficeId;
            }
        }

        if (request.Roles.Contains(Roles.IntegrationOfficeCoordinator))
        {
            var exists = request.IntegrationOfficeId is not null && await db.Organisations.AnyAsync(
                o => o.Id == request.IntegrationOfficeId && o.Kind == OrganisationKind.IntegrationOffice, ct);
            if (!exists)
            {
                errors.Add(Input("integrationOfficeId", "Für die InA-Koordination ist das Integrationsamt (integrationOfficeId) anzugeben."));
            }
            else
            {
                officeId = request.IntegrationOfficeId;
            }
        }

        if (errors.Count > 0)
        {
            return Result<AppUser>.Invalid(errors);
        }

        if (await users.FindByNameAsync(request.UserName!.Trim()) is not null)
        {
            return Result<AppUser>.Conflict(Input("userName", $"Der Benutzername „{request.UserName}“ ist schon vergeben."));
        }

        var user = new AppUser(request.UserName.Trim(), request.DisplayName!)
        {
            ServiceId = request.Roles.Any(Roles.ServiceBound.Contains) ? request.ServiceId : null,
            IntegrationOfficeId = officeId,
            // Optional: only used for the daily e-mail reminder (Teilhabe:Reminders).
            Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
        };
        return await accounts.CreateAsync(user, request.InitialPassword!, request.Roles, request.MustChangePassword);
    }

    private static RuleViolation Input(string field, string message) => new(RuleIds.Input, message, field);
}

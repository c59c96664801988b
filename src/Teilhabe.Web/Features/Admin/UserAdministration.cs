using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
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
    IHostEnvironment env,
    Sessions sessions,
    AuditLog audit)
{
    /// <summary>A change of PATCH /api/v1/admin/users/{id}: null keeps the value.</summary>
    public sealed record UserChange(string? DisplayName, string? Email, IReadOnlyList<string>? Roles, bool? Active);

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

    /// <summary>ACC-12: a new initial password for a visible account (rules in <see cref="AccountService.ResetAsync"/>).</summary>
    public async Task<Result<AppUser>> ResetAsync(string id, string? initialPassword, string? reason, CancellationToken ct)
    {
        var user = await FindVisibleAsync(id, ct);
        if (user is null)
        {
            return Result<AppUser>.NotFound();
        }

        if (string.IsNullOrEmpty(initialPassword))
        {
            return Result<AppUser>.Invalid(Input("initialPassword", "Das neue Initialpasswort fehlt."));
        }

        if (reason?.Length > 500)
        {
            return Result<AppUser>.Invalid(Input("reason", "Die Begründung ist zu lang (höchstens 500 Zeichen)."));
        }

        return await accounts.ResetAsync(await ActorAsync(), user, initialPassword, reason);
    }

    /// <summary>
    /// Name, e-mail, roles and active state of another account (ACC-06, ACC-13). A role change or a deactivation ends
    /// every session and token of the account at once; a deactivated account cannot log in and keeps its name in the
    /// records. Role changes and (de)activations are audited.
    /// </summary>
    public async Task<Result<AppUser>> ChangeAsync(string id, UserChange change, int? expectedVersion, CancellationToken ct)
    {
        var user = await FindVisibleAsync(id, ct);
        if (user is null)
        {
            return Result<AppUser>.NotFound();
        }

        var actor = await ActorAsync();
        var actorRoles = await users.GetRolesAsync(actor);
        var oldRoles = await users.GetRolesAsync(user);
        if (AccountRules.MayNotActOn(actor.Id, actorRoles, user.Id, oldRoles, RuleIds.Roles) is { } refusal)
        {
            return Result<AppUser>.Forbidden(refusal);
        }

        if (expectedVersion is { } expected && expected != user.Version)
        {
            return Result<AppUser>.Conflict();
        }

        var errors = new List<RuleViolation>();
        if (change.DisplayName is not null && (string.IsNullOrWhiteSpace(change.DisplayName) || change.DisplayName.Trim().Length > 200))
        {
            errors.Add(Input("displayName", "Anzeigename (Vor- und Nachname, höchstens 200 Zeichen) angeben."));
        }

        if (change.Email is { Length: > 0 } email && (email.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(email.Trim(), out _)))
        {
            errors.Add(Input("email", "Die E-Mail-Adresse ist ungültig (Beispiel: name@ifd.example)."));
        }

        if (change.Roles is { } roles)
        {
            if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
            {
                errors.Add(Input("roles", "Mindestens eine gültige Rolle angeben: " + string.Join(", ", Roles.All) + "."));
            }
            else if (roles.Any(Roles.ServiceBound.Contains) && user.ServiceId is null)
            {
                errors.Add(Input("roles", "Rollen im IFD brauchen ein Konto mit IFD; dieses Konto gehört zu keinem IFD."));
            }
            else if (roles.Contains(Roles.IntegrationOfficeCoordinator) && (user.IntegrationOfficeId is null || user.ServiceId is not null))
            {
                errors.Add(Input("roles", "Die InA-Koordination braucht ein Konto des Integrationsamtes (ohne IFD)."));
            }
            else if (AccountRules.MayNotGrant(actorRoles, roles) is { } grant)
            {
                return Result<AppUser>.Forbidden(grant);
            }
        }

        if (errors.Count > 0)
        {
            return Result<AppUser>.Invalid(errors);
        }

        if (change.DisplayName is not null)
        {
            user.DisplayName = change.DisplayName.Trim();
        }

        if (change.Email is not null)
        {
            user.Email = change.Email.Length == 0 ? null : change.Email.Trim();
        }

        var rolesChanged = change.Roles is { } newRoles && !newRoles.ToHashSet().SetEquals(oldRoles);
        var activeChanged = change.Active is { } active && active != user.IsActive;
        if (rolesChanged)
        {
            await users.RemoveFromRolesAsync(user, oldRoles);
            await users.AddToRolesAsync(user, change.Roles!.Distinct());
        }

        if (activeChanged)
        {
            user.IsActive = change.Active!.Value;
        }

        // The roles are claims of every cookie and token: a role change, like a deactivation, ends them all.
        if (rolesChanged || (activeChanged && !user.IsActive))
        {
            user.RevokeSessions();
        }

        user.Changed();
        await users.UpdateAsync(user);
        if (rolesChanged)
        {
            await sessions.EndAllAsync(user.Id, Sessions.RolesChanged, null, ct);
            await audit.RecordAsync(AuditActions.RolesChange, "User", user.Id, ct, serviceId: user.ServiceId,
                reason: $"{string.Join(", ", oldRoles.Order(StringComparer.Ordinal))} → {string.Join(", ", change.Roles!.Distinct().Order(StringComparer.Ordinal))}");
        }

        if (activeChanged)
        {
            if (!user.IsActive)
            {
                await sessions.EndAllAsync(user.Id, Sessions.Deactivated, null, ct);
            }

            await audit.RecordAsync(user.IsActive ? AuditActions.Activate : AuditActions.Deactivate, "User", user.Id, ct, serviceId: user.ServiceId);
        }

        return Result<AppUser>.Ok(user);
    }

    private async Task<AppUser> ActorAsync()
        => await users.FindByIdAsync(current.UserId ?? string.Empty) ?? throw new InvalidOperationException("Kein angemeldeter Benutzer.");

    private static RuleViolation Input(string field, string message) => new(RuleIds.Input, message, field);
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Accounts;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Admin;

[Authorize(Roles = Roles.Administrator + "," + Roles.IntegrationOfficeCoordinator)]
internal sealed class UsersModel(UserAdministration administration, AccountService accounts, TeilhabeDbContext db) : PageModel
{
    public sealed record Row(string Id, string UserName, string DisplayName, string? Email, IList<string> Roles, string? ServiceName, bool Locked, bool MustChangePassword, bool Active, bool SecondFactor, int Version);

    public sealed class NewUserInput
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string Role { get; set; } = Core.Accounts.Roles.Caseworker;
        public Guid? ServiceId { get; set; }
        public Guid? IntegrationOfficeId { get; set; }
        public string? InitialPassword { get; set; }
    }

    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public List<Row> Users { get; } = [];
    public List<Service> Services { get; private set; } = [];
    public List<Organisation> Offices { get; private set; } = [];
    public string? Message { get; private set; }
    public bool CanCreate => User.IsInRole(Core.Accounts.Roles.Administrator);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct)
    {
        var user = await administration.FindVisibleAsync(id, ct);
        if (user is null)
        {
            return NotFound();
        }

        await accounts.UnlockAsync(user);
        Message = $"Das Konto {user.UserName} ist entsperrt.";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(string id, string? initialPassword, string? reason, CancellationToken ct)
    {
        var outcome = await administration.ResetAsync(id, initialPassword, reason, ct);
        if (outcome.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (outcome.Value is { } user)
        {
            Message = $"Für {user.UserName} ist ein neues Initialpasswort gesetzt; das Konto ist entsperrt, alle Anmeldungen sind beendet.";
        }
        else
        {
            ModelState.AddResult(outcome, new Dictionary<string, string> { ["initialPassword"] = string.Empty, ["reason"] = string.Empty });
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Name, e-mail, roles and active state of an account (Administration only).</summary>
    public async Task<IActionResult> OnPostChangeAsync(string id, string? displayName, string? email, string[]? roles, bool active, int version, CancellationToken ct)
    {
        if (!CanCreate)
        {
            return Forbid();
        }

        var outcome = await administration.ChangeAsync(id, new UserAdministration.UserChange(displayName ?? string.Empty, email ?? string.Empty, roles ?? [], active), version, ct);
        if (outcome.Status == ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (outcome.Value is { } user)
        {
            Message = user.IsActive
                ? $"Das Konto {user.UserName} ist gespeichert."
                : $"Das Konto {user.UserName} ist gespeichert und deaktiviert; alle Anmeldungen sind beendet.";
        }
        else
        {
            ModelState.AddResult(outcome, new Dictionary<string, string> { ["displayName"] = string.Empty, ["email"] = string.Empty, ["roles"] = string.Empty });
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!CanCreate)
        {
            return Forbid();
        }

        var outcome = await administration.CreateAsync(
            new UserAdministration.NewUser(Input.UserName, Input.DisplayName, Input.InitialPassword, [Input.Role], Input.ServiceId, Input.IntegrationOfficeId, true), ct);
        if (!outcome.Succeeded)
        {
            ModelState.AddResult(outcome, new Dictionary<string, string>
            {
                ["userName"] = "Input.UserName",
                ["displayName"] = "Input.DisplayName",
                ["initialPassword"] = "Input.InitialPassword",
                ["serviceId"] = "Input.ServiceId",
                ["integrationOfficeId"] = "Input.IntegrationOfficeId",
                ["roles"] = "Input.Role",
            });
        }
        else
        {
            Message = $"Das Konto {outcome.Value!.UserName} ist angelegt.";
            Input = new NewUserInput();
            ModelState.Clear();
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Services = await db.Services.AsNoTracking().OrderBy(s => s.Name).ToListAsync(ct);
        Offices = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.IntegrationOffice).OrderBy(o => o.Name).ToListAsync(ct);
        var names = Services.ToDictionary(s => s.Id, s => s.Name);
        var visible = await administration.VisibleUsers().OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await administration.RolesOfAsync(visible, ct);
        foreach (var u in visible)
        {
            Users.Add(new Row(u.Id, u.UserName!, u.DisplayName, u.Email, roles[u.Id],
                u.ServiceId is { } sid ? names.GetValueOrDefault(sid) : null, await administration.IsLockedAsync(u), u.MustChangePassword,
                u.IsActive, u.TwoFactorEnabled, u.Version));
        }
    }
}

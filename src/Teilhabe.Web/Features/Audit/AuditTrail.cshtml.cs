using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Data;

namespace Teilhabe.Web.Features.Audit;

/// <summary>
/// The audit trail (ACC-09) for people: German action names, case numbers and names instead of internal IDs, filters
/// and pages of 50. Client names only for the IFD lead, whose rows are those of the own IFD; administrators see case
/// numbers, user names and objects, not whom a record is about.
/// </summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.ServiceLead)]
internal sealed class AuditTrailModel(AuditQuery query, UserManager<AppUser> users, TeilhabeDbContext db, ICurrentUser current, AuditChainVerifier verifier) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "aktion")]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "seite")]
    public int PageNumber { get; set; } = 1;

    public AuditQuery.Filter Filter => new(null, null, UserId, From, To);
    public List<AuditQuery.Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public Dictionary<string, string> UserNames { get; private set; } = [];
    public Dictionary<Guid, string> CaseNumbers { get; private set; } = [];
    public Dictionary<Guid, string> ClientNames { get; private set; } = [];

    /// <summary>Whether names of clients are shown: the IFD lead, for the own IFD's rows.</summary>
    public bool ShowsClientNames => current.IsInRole(Roles.ServiceLead) && current.ServiceId is not null;

    /// <summary>Only administrators check the hash chain: it spans the rows of every IFD.</summary>
    public bool MayVerify => current.IsInRole(Roles.Administrator);

    /// <summary>The result of the hash chain check, when one was asked for.</summary>
    public AuditChainVerifier.Result? Verification { get; private set; }

    /// <summary>ACC-09: checks the hash chain and shows the result above the trail.</summary>
    public async Task<IActionResult> OnGetVerifyAsync(CancellationToken ct)
    {
        if (!MayVerify)
        {
            return Forbid();
        }

        Verification = await verifier.VerifyAsync(ct);
        await OnGetAsync(ct);
        return Page();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        (Rows, Total) = await query.PageAsync(Filter, Action, PageNumber, PageSize, ct);
        UserNames = await users.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var caseIds = Rows.Where(r => r.CaseId is not null).Select(r => r.CaseId!.Value).Distinct().ToList();
        CaseNumbers = await db.Cases.IgnoreQueryFilters().AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.CaseNumber, ct);
        if (ShowsClientNames)
        {
            var service = current.ServiceId;
            var clientIds = Rows.Where(r => r.ClientId is not null).Select(r => r.ClientId!.Value).Distinct().ToList();
            ClientNames = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id) && c.ServiceId == service)
                .ToDictionaryAsync(c => c.Id, c => c.LastName + ", " + c.FirstName, ct);
        }
    }

    /// <summary>What a row is about, in words: the case number, the client (where allowed), else the object's kind.</summary>
    public string Subject(AuditQuery.Row r)
    {
        var parts = new List<string>();
        if (r.CaseId is { } caseId && CaseNumbers.TryGetValue(caseId, out var number))
        {
            parts.Add($"Auftrag {number}");
        }

        if (r.ClientId is { } clientId && ClientNames.TryGetValue(clientId, out var name))
        {
            parts.Add(name);
        }

        if (r.Entity == "User" && UserNames.TryGetValue(r.EntityId, out var user))
        {
            parts.Add(user);
        }

        return parts.Count == 0 ? string.Empty : string.Join(", ", parts);
    }

    public string PageLink(int page)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var q = new Dictionary<string, string?>
        {
            ["from"] = From?.ToString("yyyy-MM-dd", inv),
            ["to"] = To?.ToString("yyyy-MM-dd", inv),
            ["userId"] = UserId,
            ["aktion"] = Action,
            ["seite"] = page.ToString(inv),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/protokoll", q.Where(x => !string.IsNullOrEmpty(x.Value)));
    }
}

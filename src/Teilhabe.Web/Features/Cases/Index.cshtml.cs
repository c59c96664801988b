using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Directory;

using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Cases;

/// <summary>
/// The case list: own cases for caseworkers and deputies, all of the IFD for the lead, all of the state for
/// InA-Koordination — CaseService.ListAsync applies CaseAccess, this page only filters and names.
/// </summary>
[Authorize(Roles = CaseForms.ListRoles)]
internal sealed class IndexModel(
    CaseService cases, CaseAccess access, CatalogueService catalogues, DirectoryService directory, TeilhabeDbContext db, ICurrentUser current,
    Teilhabe.Core.Profiles.StateProfile profile) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Case Case, string ClientName, string FunderName, string CareType, string CaseworkerName, string? ServiceName);

    [BindProperty(SupportsGet = true, Name = "phase")]
    public string? PhaseFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "betreuungsart")]
    public string? CareTypeFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "auftraggeber")]
    public string? FunderFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "fachkraft")]
    public string? CaseworkerFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "ueberfaellig")]
    public bool OverdueOnly { get; set; }

    /// <summary>Open cases without a documented contact for the CT-05 gap (the team overview links here).</summary>
    [BindProperty(SupportsGet = true, Name = "ohneKontakt")]
    public bool WithoutContact { get; set; }

    [BindProperty(SupportsGet = true, Name = "seite")]
    public int PageNumber { get; set; } = 1;

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public CaseChoices Choices { get; private set; } = null!;
    public List<Option> Caseworkers { get; private set; } = [];

    /// <summary>Only the IFD lead chooses among caseworkers; a caseworker sees their own cases anyway.</summary>
    public bool IsLead => current.IsInRole(Roles.ServiceLead) && current.ServiceId is not null;

    public bool IsCoordinator => access.IsCoordinator;
    public bool CanCreate => CaseForms.IsIfdUser(User);
    public int ContactGapWeeks => profile.ContactGapWeeks;
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Response.Headers.Vary = "HX-Request";
        PageNumber = Math.Max(1, PageNumber);
        Choices = await CaseChoices.LoadAsync(catalogues, directory, ct);
        if (IsLead)
        {
            Caseworkers = await db.Users.AsNoTracking().Where(u => u.ServiceId == current.ServiceId)
                .OrderBy(u => u.DisplayName).Select(u => new Option(u.Id, u.DisplayName)).ToListAsync(ct);
        }

        var filter = new CaseService.Filter(
            null,
            PhaseFilter == "FDS" ? null : DirectoryPages.Parse<Phase>(PhaseFilter),
            IsLead ? CaseworkerFilter : null,
            CareTypeFilter,
            Guid.TryParse(FunderFilter, out var funder) ? funder : null,
            OverdueOnly ? true : null,
            OpenExpertStatements: PhaseFilter == "FDS",
            WithoutContact: WithoutContact);
        var (items, total) = await cases.ListAsync(filter, PageNumber, PageSize, ct);
        Total = total;
        Rows = await RowsAsync(db, items, Choices, ct);
    }

    /// <summary>Names for a page of cases: client, funder, caseworker and (for InA) the IFD.</summary>
    public static async Task<List<Row>> RowsAsync(TeilhabeDbContext db, List<Case> items, CaseChoices choices, CancellationToken ct)
    {
        var clientIds = items.Select(c => c.ClientId).Distinct().ToList();
        var funderIds = items.Where(c => c.FunderId != null).Select(c => c.FunderId!.Value).Distinct().ToList();
        var userIds = items.Select(c => c.CaseworkerId).Distinct().ToList();
        var serviceIds = items.Select(c => c.ServiceId).Distinct().ToList();
        var clients = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id))
            .Select(c => new { c.Id, c.LastName, c.FirstName }).ToDictionaryAsync(c => c.Id, c => $"{c.LastName}, {c.FirstName}", ct);
        var funders = await db.Funders.AsNoTracking().Where(f => funderIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var services = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return [.. items.Select(c => new Row(
            c,
            clients.GetValueOrDefault(c.ClientId, "–"),
            c.FunderId is { } f ? funders.GetValueOrDefault(f, "–") : "–",
            choices.CareTypeLabels.Or(c.CareTypeCode),
            users.GetValueOrDefault(c.CaseworkerId, "–"),
            services.GetValueOrDefault(c.ServiceId)))];
    }

    /// <summary>The link to another page of the same filtered list.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["phase"] = PhaseFilter,
            ["betreuungsart"] = CareTypeFilter,
            ["auftraggeber"] = FunderFilter,
            ["fachkraft"] = IsLead ? CaseworkerFilter : null,
            ["ueberfaellig"] = OverdueOnly ? "true" : null,
            ["ohneKontakt"] = WithoutContact ? "true" : null,
            ["seite"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/faelle", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}

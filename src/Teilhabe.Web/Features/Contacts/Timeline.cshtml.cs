using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Data;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Contacts;

/// <summary>The case timeline (Verlauf): filterable by kind, period and topic; printable; the read is audited.</summary>
[Authorize(Roles = CaseForms.ListRoles)]
internal sealed class TimelineModel(CaseService cases, CaseAccess access, CaseTimeline timeline, CatalogueService catalogues, TeilhabeDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "art")]
    public List<string> Kinds { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "von")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "bis")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "aufgabe")]
    public string? Topic { get; set; }

    [BindProperty(SupportsGet = true, Name = "reihenfolge")]
    public string? Order { get; set; }

    public Case Case { get; private set; } = null!;
    public string ClientName { get; private set; } = "–";
    public bool CanEdit { get; private set; }
    public IReadOnlyList<CaseTimeline.Entry> Entries { get; private set; } = [];
    public IReadOnlyList<CatalogueEntry> Topics { get; private set; } = [];
    public string? Message { get; private set; }
    public (string Rule, string Message)? Prompt { get; private set; }
    public bool OldestFirst => Order == "aelteste";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var @case = await cases.GetAsync(Id, ct);
        if (@case is null)
        {
            return NotFound();
        }

        Case = @case;
        CanEdit = access.CanEdit(@case);
        ClientName = await db.Clients.AsNoTracking().Where(c => c.Id == @case.ClientId)
            .Select(c => c.LastName + ", " + c.FirstName).FirstOrDefaultAsync(ct) ?? "–";
        Topics = await catalogues.ListAsync(CatalogueNames.Topics, true, ct);
        var known = CaseTimeline.Kinds.Select(k => k.Code).ToHashSet();
        Kinds = [.. Kinds.Where(known.Contains).Distinct()];
        var topic = string.IsNullOrWhiteSpace(Topic) ? null : Topic;
        Entries = await timeline.LoadAsync(@case, new CaseTimeline.Filter(Kinds, From, To, topic, OldestFirst), ct);

        Message = TempData[NewModel.MessageKey] as string;
        if (TempData[NewModel.PromptKey] is string prompt && prompt.Split('|', 2) is [var rule, var text])
        {
            Prompt = (rule, text);
        }

        return Htmx.WantsPartial(HttpContext) ? Partial("_TimelineList", this) : Page();
    }

    public bool Shows(string kind) => Kinds.Count == 0 || Kinds.Contains(kind);
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Time;

namespace Teilhabe.Web.Features.Retention;

/// <summary>
/// DEL-01: "Zur Löschung anstehend" — the cases whose personal data will be deleted within the next month, and the cases
/// never closed that are open longer than the retention period (not deleted: the lead checks them).
/// </summary>
[Authorize(Roles = Core.Accounts.Roles.ServiceLead + "," + Core.Accounts.Roles.Administrator)]
internal sealed class IndexModel(RetentionService retention, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RetentionDueItem> Items { get; private set; } = [];
    public IReadOnlyList<RetentionOpenItem> Open { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public DateOnly Until { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        Until = Today.AddMonths(1);
        Items = await retention.DueAsync(Until, ct);
        Open = await retention.OpenBeyondPeriodAsync(Today, ct);
    }
}

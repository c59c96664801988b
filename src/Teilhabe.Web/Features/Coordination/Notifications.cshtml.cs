using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Cases;

namespace Teilhabe.Web.Features.Coordination;

/// <summary>PH-FDS-05: the electronic notifications to InA-Koordination (finished Zusatzaufträge of InA cases).</summary>
[Authorize(Roles = Roles.IntegrationOfficeCoordinator)]
internal sealed class NotificationsModel(CoordinationService coordination) : PageModel
{
    public IReadOnlyList<CoordinationNotification> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await coordination.NotificationsAsync(ct);
}

using Teilhabe.Core.Cases;
using Teilhabe.Web.Features.Coordination;

namespace Teilhabe.Web.Features.Cases;

/// <summary>The case page's part for ACC-08, TR-01 / TR-02 and the completion of PH-FDS-05 (forms post to /faelle/{id}/koordination).</summary>
internal sealed partial class DetailsModel
{
    public CasePanel? Coordination { get; private set; }

    private async Task LoadCoordinationAsync(Case @case, CancellationToken ct)
        => Coordination = await CasePanel.LoadAsync(@case, HttpContext.RequestServices.GetRequiredService<CoordinationService>(), access, ct);
}

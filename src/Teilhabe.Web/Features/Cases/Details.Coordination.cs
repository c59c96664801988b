using Teilhabe.Core.Cases;
using Teilhabe.Web.Features.Coordination;

namespace Teilhabe.Web.Features.Cases;

/// <summary>The case page's part for ACC-08, TR-01 / TR-02 and the completion of PH-FDS-05 (its notices on the overview; the forms are on /faelle/{id}/koordination).</summary>
internal sealed partial class DetailsModel
{
    public CasePanel? Coordination { get; private set; }

    /// <summary>The notices the overview shows (an open incident access, ACC-08; a notice to renew after TR-02); the forms are on /faelle/{id}/koordination.</summary>
    private async Task LoadCoordinationNoticesAsync(Case @case, CancellationToken ct)
    {
        var coordination = HttpContext.RequestServices.GetRequiredService<CoordinationService>();
        Coordination = new CasePanel
        {
            Case = @case,
            IsCoordinator = access.IsCoordinator,
            Incidents = await coordination.IncidentAccessesAsync(@case, ct),
            FundedByIntegrationOffice = LetterFacts.IsAdditional(@case) && await coordination.IsFundedByIntegrationOfficeAsync(@case, ct),
        };
    }
}

using System.Globalization;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Cases;

using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Coordination;

/// <summary>What the case page shows and offers about ACC-08, TR-01, TR-02 and the completion of PH-FDS-05.</summary>
internal sealed record CasePanel
{
    public required Case Case { get; init; }
    public bool IsCoordinator { get; init; }
    public bool FundedByIntegrationOffice { get; init; }
    public bool MayHandOver { get; init; }
    public IReadOnlyList<CoordinationService.IncidentView> Incidents { get; init; } = [];
    public IReadOnlyList<CoordinationService.Choice> Caseworkers { get; init; } = [];
    public IReadOnlyList<CoordinationService.Choice> OtherServices { get; init; } = [];
    public CoordinationService.TransferView? OpenTransfer { get; init; }

    /// <summary>TR-02: the person's other open cases that move with this one, and the closed ones that stay.</summary>
    public IReadOnlyList<Case> MovingAlong { get; init; } = [];
    public int ClosedStaying { get; init; }

    public IEnumerable<CoordinationService.IncidentView> ActiveIncidents => Incidents.Where(i => i.Active);

    /// <summary>PH-FDS-05: a Zusatzauftrag of § 27 SchwbAV or Jobcoaching.</summary>
    public bool IsAdditionalStatement => LetterFacts.IsAdditional(Case);

    /// <summary>The title of a statement's template per legal basis (HaGe 2.5: a template for each).</summary>
    public static string StatementTitle(string? legalBasis) => legalBasis switch
    {
        "fds-27-schwbav" => "Fachdienstliche Empfehlung Leistungen nach § 27 SchwbAV",
        "fds-ina" => "Fachdienstliche Stellungnahme für das Integrationsamt",
        "fds-reha" => "Fachdienstliche Stellungnahme für den Rehabilitationsträger",
        _ => "Fachdienstliche Einschätzung Jobcoaching",
    };

    public static string TransferStatus(string status) => status switch
    {
        "requested" => "angefragt – Entbindung von der Schweigepflicht fehlt noch",
        "release-uploaded" => "Entbindung hochgeladen – Bestätigung der InA-Koordination ausstehend",
        "confirmed" => "von der InA-Koordination bestätigt – Übernahme möglich",
        "completed" => "übernommen",
        _ => status,
    };

    public static async Task<CasePanel> LoadAsync(Case @case, CoordinationService coordination, CaseAccess access, CancellationToken ct)
    {
        var mayHandOver = coordination.MayHandOver(@case);
        var otherServices = mayHandOver ? await coordination.OtherServicesAsync(@case, ct) : [];
        var (movingAlong, closedStaying) = otherServices.Count > 0 ? await coordination.TransferScopeAsync(@case, ct) : ([], 0);
        var open = mayHandOver || access.IsCoordinator
            ? (await coordination.TransferRequestsAsync(true, ct)).FirstOrDefault(t => t.Request.CaseId == @case.Id)
            : null;
        return new CasePanel
        {
            Case = @case,
            IsCoordinator = access.IsCoordinator,
            FundedByIntegrationOffice = await coordination.IsFundedByIntegrationOfficeAsync(@case, ct),
            MayHandOver = mayHandOver,
            Incidents = await coordination.IncidentAccessesAsync(@case, ct),
            Caseworkers = mayHandOver ? [.. (await coordination.CaseworkersAsync(@case.ServiceId, ct)).Where(c => c.Value != @case.CaseworkerId)] : [],
            OtherServices = otherServices,
            OpenTransfer = open,
            MovingAlong = movingAlong,
            ClosedStaying = closedStaying,
        };
    }
}

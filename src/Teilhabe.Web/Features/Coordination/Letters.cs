using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Time;

namespace Teilhabe.Web.Features.Coordination;

/// <summary>PH-FDS-05: what the cover letter and the statement template of a Zusatzauftrag show.</summary>
internal sealed record LetterFacts(Case Case, string ServiceName, string ProviderName, string FunderName, Address FunderAddress, string ClientName, DateOnly? ClientBirthDate, string CaseworkerName, DateOnly Today)
{
    public string Title => CasePanel.StatementTitle(Case.LegalBasisCode);

    public bool IsSchwbAv27 => Case.LegalBasisCode == "fds-27-schwbav";

    public static async Task<LetterFacts?> LoadAsync(Case @case, TeilhabeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!@case.IsAdditionalStatement || @case.LegalBasisCode is not ("fds-27-schwbav" or "fds-jobcoaching"))
        {
            return null;
        }

        var service = await db.Services.AsNoTracking().Where(s => s.Id == @case.ServiceId).Select(s => new { s.Name, Provider = s.Provider!.Name }).FirstOrDefaultAsync(ct);
        var funder = @case.FunderId is null ? null : await db.Funders.AsNoTracking().FirstOrDefaultAsync(f => f.Id == @case.FunderId, ct);
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == @case.ClientId).Select(c => new { Name = c.FirstName + " " + c.LastName, c.BirthDate }).FirstOrDefaultAsync(ct);
        var caseworker = await db.Users.AsNoTracking().Where(u => u.Id == @case.CaseworkerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new LetterFacts(@case, service?.Name ?? "Integrationsfachdienst", service?.Provider ?? string.Empty, funder?.Name ?? "–", funder?.Address ?? Address.Empty,
            client?.Name ?? "–", client?.BirthDate, caseworker ?? "–", clock.Today());
    }
}

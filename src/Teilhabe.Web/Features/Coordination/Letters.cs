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

    /// <summary>PH-FDS-05: a Zusatzauftrag (§ 27 SchwbAV or Jobcoaching) — the only statements with a cover letter.</summary>
    public bool IsAdditionalStatement => IsAdditional(Case);

    /// <summary>DOC-04 (HaGe 2.5): a commissioned FDS whose template follows its legal basis (for the InA or a Reha-Träger).</summary>
    public bool IsCommissionedStatement => IsCommissioned(Case);

    public static bool IsAdditional(Case c) => c.IsAdditionalStatement && c.LegalBasisCode is "fds-27-schwbav" or "fds-jobcoaching";

    public static bool IsCommissioned(Case c) => !c.IsAdditionalStatement && c.CareTypeCode == CareTypes.ExpertStatement && c.LegalBasisCode is "fds-ina" or "fds-reha";

    /// <summary>The facts of a statement's template or cover letter; null for a case that has neither.</summary>
    public static async Task<LetterFacts?> LoadAsync(Case @case, TeilhabeDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!IsAdditional(@case) && !IsCommissioned(@case))
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

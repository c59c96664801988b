using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;

namespace Teilhabe.Web.Features.Deadlines;

/// <summary>PH-P2-02: a Qualifizierte Beratung lasts at most the profile's months — shown from day 1, overdue afterwards.</summary>
internal sealed class CounsellingDeadlines(IStateProfileResolver profiles) : IDeadlineSource
{
    public const string Rule = "PH-P2-02";

    public Task<IReadOnlyList<DeadlineEntry>> CollectAsync(DeadlineContext context, CancellationToken ct)
    {
        IReadOnlyList<DeadlineEntry> entries = [.. context.Cases.Where(c => c.Phase == Phase.P2).Select(c =>
        {
            var months = profiles.ForIntegrationOffice(c.IntegrationOfficeId).CounsellingMaxMonths;
            return new DeadlineEntry(c, Rule, $"Qualifizierte Beratung endet nach {months} Monaten: Wechsel nach P3 oder P4", c.PhaseSince.AddMonths(months));
        })];
        return Task.FromResult(entries);
    }
}

/// <summary>
/// The dates of a commission in P3: BA-SI-01 (objection window), BA-SI-02 / BA-UB-02 / BA-ST-02 (planned end,
/// as CaseTransitions stored it at P3, or as entered for a Reha-Träger's own UB period) and BA-EXT-01 (extension requested the profile's weeks before the end), each with
/// the numbers of the profile of the case's Integrationsamt.
/// </summary>
internal sealed class CommissionDeadlines(IStateProfileResolver profiles) : IDeadlineSource
{
    /// <summary>End dates and the extension appear this many days before they are due.</summary>
    public const int LeadDays = 28;

    public Task<IReadOnlyList<DeadlineEntry>> CollectAsync(DeadlineContext context, CancellationToken ct)
    {
        var entries = new List<DeadlineEntry>();
        foreach (var c in context.Cases.Where(c => c.Phase == Phase.P3))
        {
            var profile = profiles.ForIntegrationOffice(c.IntegrationOfficeId);
            var ina = context.IsIntegrationOfficeCase(c);
            var retention = ina && c.CareTypeCode == CareTypes.Retention;
            if (retention && c.ObjectedOn is { } objected)
            {
                // BA-SI-01: after an objection the case must be closed with the reason "Widerspruch".
                entries.Add(new DeadlineEntry(c, "BA-SI-01", "Widerspruch des Integrationsamtes: Fall mit Grund „Widerspruch“ abschließen (P4)", objected));
            }
            else if (retention && c.CommissionStart is { } start)
            {
                var objectionEnd = start.AddDays(profile.ObjectionDays);
                entries.Add(new DeadlineEntry(c, "BA-SI-01", context.ForCoordinator
                    ? "Widerspruchsfrist läuft bis"
                    : "Widerspruchsfrist des Integrationsamtes endet; ohne Widerspruch gilt der IFD danach als beauftragt", objectionEnd)
                {
                    VisibleUntil = objectionEnd,
                });
            }

            if (c.PlannedEndDate is not { } end)
            {
                continue;
            }

            var (rule, label) = EndRule(c, ina, profile);
            if (rule is not null)
            {
                entries.Add(new DeadlineEntry(c, rule, label, end) { VisibleFrom = end.AddDays(-LeadDays) });
            }

            // BA-EXT-01: InA Sicherung and UB: an extension is requested with a Sachstandsbericht before the end.
            // A Reha-Träger's own UB period is extended by that Reha-Träger, not by an InA request.
            if (ina && rule is "BA-SI-02" or "BA-UB-02" && !context.ExtensionRequested.Contains(c.Id))
            {
                var due = end.AddDays(-profile.ExtensionLeadWeeks * 7);
                entries.Add(new DeadlineEntry(c, "BA-EXT-01",
                    $"Verlängerung mit Sachstandsbericht beantragen (spätestens {profile.ExtensionLeadWeeks} Wochen vor dem Ende am {end:dd.MM.yyyy})", due)
                {
                    VisibleFrom = due.AddDays(-14),
                    VisibleUntil = end,
                });
            }
        }

        return Task.FromResult<IReadOnlyList<DeadlineEntry>>(entries);
    }

    /// <summary>The same legal-basis codes CaseTransitions uses to compute the planned end (API.md "Stable codes").</summary>
    public static (string? Rule, string Label) EndRule(Case c, bool ina, StateProfile profile) => c.LegalBasisCode switch
    {
        "sgb9-196-3" or "sgb9-196-3-analog" => ("BA-ST-02", $"Stabilisierungsphase endet nach {profile.StabilisationMonths} Monaten: abschließen"),
        "sgb9-55-3" when ina => ("BA-UB-02", $"Berufsbegleitung (UB) endet nach {profile.SupportedEmploymentMonths} Monaten"),
        _ when !ina && CommissionKinds.IsSupportedEmployment(c.LegalBasisCode) => ("BA-UB-02", "Unterstützte Beschäftigung endet (Zeitraum des Rehabilitationsträgers)"),
        _ when ina && c.CareTypeCode == CareTypes.Retention => ("BA-SI-02", $"InA-Sicherung endet nach {profile.RetentionMonths} Monaten"),
        _ => (null, string.Empty),
    };
}

/// <summary>CT-04, CT-05 (with CT-06, CT-07) from <see cref="Teilhabe.Core.Contacts.ContactContinuity"/>; shown a week before due.</summary>
internal sealed class ContinuityDeadlines(ContinuityService continuity) : IDeadlineSource
{
    public const int LeadDays = 7;

    public async Task<IReadOnlyList<DeadlineEntry>> CollectAsync(DeadlineContext context, CancellationToken ct)
    {
        var evaluated = await continuity.EvaluateAsync(context.Cases, context.Today, context.IntegrationOfficeFunders, ct);
        return [.. context.Cases.Where(c => evaluated.ContainsKey(c.Id)).SelectMany(c => evaluated[c.Id].Select(i =>
            new DeadlineEntry(c, i.Rule, i.Message, i.DueDate) { VisibleFrom = i.DueDate.AddDays(-LeadDays) }))];
    }
}

/// <summary>EMP-01: an expected employment situation whose date has passed waits for confirmation (not for InA-Koordination).</summary>
internal sealed class EmploymentDeadlines(TeilhabeDbContext db) : IDeadlineSource
{
    public async Task<IReadOnlyList<DeadlineEntry>> CollectAsync(DeadlineContext context, CancellationToken ct)
    {
        if (context.ForCoordinator || context.Cases.Count == 0)
        {
            return [];
        }

        var clientIds = context.Cases.Select(c => c.ClientId).Distinct().ToList();
        var today = context.Today;
        var waiting = await db.EmploymentSituations.AsNoTracking()
            .Where(e => clientIds.Contains(e.ClientId) && e.State == EmploymentState.Expected && e.From <= today)
            .Select(e => new { e.ClientId, e.KindCode, e.From }).ToListAsync(ct);
        var firstCase = context.Cases.GroupBy(c => c.ClientId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.StartDate).First());
        return [.. waiting.Select(e => new DeadlineEntry(firstCase[e.ClientId], EmploymentSituation.Rule,
            $"Voraussichtliche Beschäftigungssituation ab {e.From:dd.MM.yyyy} als „eingetroffen“ bestätigen", e.From)
        {
            Link = $"/klienten/{e.ClientId}",
        })];
    }
}

/// <summary>ACC-04: the caller's own password is older than the profile's days — a personal item without case.</summary>
internal sealed class PasswordDeadlines(TeilhabeDbContext db, StateProfile profile) : IDeadlineSource
{
    public async Task<IReadOnlyList<DeadlineEntry>> CollectAsync(DeadlineContext context, CancellationToken ct)
    {
        if (context.SingleCase || context.UserId is null)
        {
            return [];
        }

        var changed = await db.Users.AsNoTracking().Where(u => u.Id == context.UserId).Select(u => (DateTimeOffset?)u.PasswordChangedAt).FirstOrDefaultAsync(ct);
        if (changed is null)
        {
            return [];
        }

        var due = DateOnly.FromDateTime(Core.Time.BerlinTime.ToBerlin(changed.Value).DateTime).AddDays(profile.PasswordReminderDays);
        return due <= context.Today
            ? [new DeadlineEntry(null, Core.Rules.RuleIds.PasswordAge, $"Eigenes Passwort ändern (älter als {profile.PasswordReminderDays} Tage)", due) { Link = "/konto/passwort" }]
            : [];
    }
}

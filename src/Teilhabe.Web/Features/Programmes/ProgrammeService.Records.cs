using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Programmes;
using Teilhabe.Web.Features.Reports;

namespace Teilhabe.Web.Features.Programmes;

/// <summary>PRG-LO-04 reflection talks, PRG-LO-05 goal achievement per module, PRG-LO-06 ICF items and final report.</summary>
internal sealed partial class ProgrammeService
{
    /// <summary>PRG-LO-04: a reflection talk with the participant's self-rating (1–5) and criticism.</summary>
    public Task<Result<Participation>> AddReflectionAsync(Guid id, DateOnly? on, int? selfRating, string? criticism, string? notes, CancellationToken ct)
        => ChangeAsync(id, (p, _) =>
        {
            var errors = ParticipationRecordRules.CheckReflection(on, selfRating, criticism, notes, Today);
            if (errors.Count == 0)
            {
                p.AddReflection(on!.Value, selfRating!.Value, criticism, notes);
            }

            return errors;
        }, ct);

    /// <summary>PRG-LO-05: the goal of a module and its achievement.</summary>
    public Task<Result<Participation>> AddModuleGoalAsync(Guid id, string? moduleCode, string? goal, string? achievement, string? note, CancellationToken ct)
        => ChangeAsync(id, (p, programme) =>
        {
            var errors = ParticipationRecordRules.CheckModuleGoal(programme.Modules, moduleCode, goal, achievement, note);
            if (errors.Count == 0)
            {
                p.AddModuleGoal(moduleCode!, goal!, ParticipationRecordRules.ParseAchievement(achievement)!.Value, note, Today);
            }

            return errors;
        }, ct);

    /// <summary>PRG-LO-06: an ICF item (component, code, description, qualifier 0–4) for the final report.</summary>
    public Task<Result<Participation>> AddIcfItemAsync(Guid id, string? component, string? code, string? description, int? qualifier, CancellationToken ct)
        => ChangeAsync(id, (p, _) =>
        {
            var errors = ParticipationRecordRules.CheckIcfItem(component, code, description, qualifier);
            if (errors.Count == 0)
            {
                p.AddIcfItem(ParticipationRecordRules.ParseComponent(component)!.Value, code!, description!, qualifier!.Value);
            }

            return errors;
        }, ct);

    /// <summary>PRG-LO-06: the final report in ICF structure (b, d, e with qualifiers) for the Budgetnehmer, as a PDF.</summary>
    public async Task<Result<byte[]>> FinalReportAsync(Guid id, CancellationToken ct)
    {
        var view = await GetParticipationAsync(id, ct);
        if (view is null)
        {
            return Result<byte[]>.NotFound();
        }

        var service = await db.Services.AsNoTracking().Where(s => s.Id == view.Participation.ServiceId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        var document = FinalReport.Compose(view, service ?? view.Programme.Name, clock.GetUtcNow());
        await audit.RecordAsync(AuditActions.Read, "ParticipationFinalReport", id.ToString(), ct, serviceId: view.Participation.ServiceId, clientId: view.Client.Id);
        return Result<byte[]>.Ok(PdfLayout.Render(document, view.Programme.Name));
    }
}

/// <summary>PRG-LO-06: composes the ICF final report (with the module goals of PRG-LO-05) as a report document.</summary>
internal static class FinalReport
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static readonly IReadOnlyList<string> QualifierLabels =
        ["0 – kein Problem", "1 – leichtes Problem", "2 – mäßiges Problem", "3 – erhebliches Problem", "4 – vollständiges Problem"];

    public static ReportDocument Compose(ProgrammeService.ParticipationView view, string serviceName, DateTimeOffset generatedAt)
    {
        var p = view.Participation;
        var blocks = new List<ReportBlock>
        {
            new ReportTable(
            [
                ("Budgetnehmer/in", $"{view.Client.FirstName} {view.Client.LastName}"),
                ("Maßnahme", view.Programme.Name),
                ("Zuweisende Stelle", view.ReferringBodyName),
                ("Zugewiesen am", p.ReferredOn.ToString("dd.MM.yyyy", German)),
            ]),
            new ReportParagraph("Abschlussbericht nach der Internationalen Klassifikation der Funktionsfähigkeit, Behinderung und Gesundheit (ICF). "
                + "Beurteilungsmerkmale: 0 kein, 1 leichtes, 2 mäßiges, 3 erhebliches, 4 vollständiges Problem."),
        };
        foreach (var (component, _, label) in ParticipationRecordRules.Components)
        {
            blocks.Add(new ReportHeading(label));
            var items = p.IcfItems.Where(i => i.Component == component).OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
            blocks.Add(items.Count == 0
                ? new ReportParagraph("Keine Angaben.")
                : new ReportTable([.. items.Select(i => ($"{i.Code} {i.Description}", $"Beurteilungsmerkmal {QualifierLabels[i.Qualifier]}"))]));
        }

        if (p.ModuleGoals.Count > 0)
        {
            blocks.Add(new ReportHeading("Zielerreichung je Modul"));
            blocks.Add(new ReportTable([.. p.ModuleGoals.OrderBy(g => g.RecordedOn).Select(g =>
                ($"{ProgrammeModules.Find(view.Programme.Modules, g.ModuleCode)?.Label ?? g.ModuleCode}: {g.Goal}",
                    ParticipationRecordRules.AchievementLabel(g.Achievement) + (g.Note is null ? string.Empty : $" – {g.Note}")))]));
        }

        return new ReportDocument("Abschlussbericht (ICF)", serviceName, "TN-" + p.Id.ToString("N")[^6..].ToUpperInvariant(), generatedAt, blocks);
    }
}

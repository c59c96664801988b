using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Reports;
using Teilhabe.Web.Features.Documents;

namespace Teilhabe.Web.Infrastructure;

/// <summary>Demo cases in every phase (P1–P4, FP1–FP5) for the demo caseworker of IFD Erfurt, with their documents.</summary>
internal static class DemoCases
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    public static async Task SeedAsync(TeilhabeDbContext db, IDocumentStore store, DateOnly today, CancellationToken ct = default)
    {
        var caseworker = await db.Users.FirstAsync(u => u.UserName == "fachkraft.erfurt", ct);
        var clients = await db.Clients.Include(c => c.Evidence).Where(c => c.ServiceId == caseworker.ServiceId).OrderBy(c => c.LastName).ToListAsync(ct);
        var ina = await db.Funders.FirstAsync(f => f.Kind == FunderKind.IntegrationOffice, ct);
        var agency = await db.Funders.FirstAsync(f => f.Kind == FunderKind.EmploymentAgency, ct);
        var number = 0;
        var now = DateTimeOffset.UtcNow;

        Case New(Client client, CaseSettings settings, DateOnly start)
        {
            number++;
            var c = new Case(client.ServiceId, client.IntegrationOfficeId, client.Id, $"{today.Year}-{number.ToString("D4", CultureInfo.InvariantCulture)}", caseworker.Id, start, settings);
            db.Cases.Add(c);
            return c;
        }

        async Task DocumentAsync(Case c, DocumentKind kind)
        {
            var key = $"{today.Year}/{Guid.CreateVersion7():N}";
            await store.SaveAsync(key, Pdf, ct);
            db.Documents.Add(new CaseDocument(c.ServiceId, c.IntegrationOfficeId, c.ClientId, c.Id, null, kind, $"{kind}.pdf", "application/pdf",
                Pdf.Length, Convert.ToHexStringLower(SHA256.HashData(Pdf)), key, now, caseworker.Id));
        }

        void Move(Case c, Phase to, DateOnly on, string? reason = null, string? outcome = null, DateOnly? end = null)
        {
            c.MoveTo(to, on, caseworker.Id, now, reason, outcome, end);
            db.PhaseChanges.Add(c.History[^1]);
        }

        var mueller = clients.First(c => c.LastName == "Müller");
        var schmidt = clients.First(c => c.LastName == "Schmidt");
        var weiss = clients.First(c => c.LastName == "Weiß");

        // P1: a first conversation, no funder yet.
        New(weiss, new CaseSettings(null, null, null, "school-leaver", "school"), today.AddDays(-3));

        // P2: Qualifizierte Beratung for one concern.
        var p2 = New(schmidt, new CaseSettings(null, null, null, "support-need", "self"), today.AddDays(-30));
        p2.SignDataProtectionNotice(today.AddDays(-20), "2026-01", today.AddDays(-20));
        p2.UpdateTexts(new CaseTexts { Concern = "Unsicherheit, ob die Hörbehinderung dem neuen Arbeitgeber mitgeteilt werden soll", PlannedContents = "Beratung zu Offenlegung und Nachteilsausgleichen; Vorbereitung des Gesprächs mit dem Arbeitgeber" });
        await DocumentAsync(p2, DocumentKind.DataProtectionNotice);
        await DocumentAsync(p2, DocumentKind.DisabilityProof);
        Move(p2, Phase.P2, today.AddDays(-20));

        // P3: InA Sicherung, 9 months from its P3 date (BA-SI-02).
        var p3 = New(mueller, new CaseSettings(ina.Id, CareTypes.Retention, "sgb9-185-2", "support-need", "employer"), today.AddDays(-40));
        p3.SignDataProtectionNotice(today.AddDays(-35), "2026-01", today.AddDays(-35));
        p3.UpdateTexts(new CaseTexts { DisabilityImpact = "Belastbarkeit nach längerer Erkrankung eingeschränkt", GoalAgreement = "Arbeitsplatz erhalten; stufenweise Rückkehr in Vollzeit", Supplements = "keine Ergänzungen", Todo = "Termin mit Personalleitung abstimmen" });
        await DocumentAsync(p3, DocumentKind.DataProtectionNotice);
        await DocumentAsync(p3, DocumentKind.DisabilityProof);
        await DocumentAsync(p3, DocumentKind.GoalAgreement);
        Move(p3, Phase.P3, today.AddDays(-30), end: today.AddDays(-30).AddMonths(9));

        // P4: a closed Vermittlung for the Agentur für Arbeit.
        var p4 = New(schmidt, new CaseSettings(agency.Id, CareTypes.Placement, "placement-sgb3-sgb2", "support-need", "employment-agency"), today.AddDays(-41));
        p4.SignDataProtectionNotice(today.AddDays(-40), "2026-01", today.AddDays(-40));
        p4.UpdateTexts(new CaseTexts { ClosingResult = "Arbeitsvertrag bei der Bäckerei Rosenthal ab kommendem Monat" });
        await DocumentAsync(p4, DocumentKind.DataProtectionNotice);
        await DocumentAsync(p4, DocumentKind.GoalAgreement);
        await DocumentAsync(p4, DocumentKind.WrittenCommission);
        Move(p4, Phase.P3, today.AddDays(-40));
        Move(p4, Phase.P4, today.AddDays(-2), "placement-successful", "permanent-employment");

        // FDS in each of its phases.
        var fp1 = New(weiss, new CaseSettings(ina.Id, CareTypes.ExpertStatement, "fds-ina", "support-need", "integration-office"), today.AddDays(-2));
        var fp3 = New(mueller, new CaseSettings(ina.Id, CareTypes.ExpertStatement, "fds-ina", "support-need", "integration-office"), today.AddDays(-25));
        fp3.SignDataProtectionNotice(today.AddDays(-24), "2026-01", today.AddDays(-25));
        await DocumentAsync(fp3, DocumentKind.DataProtectionNotice);
        await DocumentAsync(fp3, DocumentKind.WrittenCommission);
        Move(fp3, Phase.FP3, today.AddDays(-24));
        var fp4 = New(schmidt, new CaseSettings(ina.Id, CareTypes.ExpertStatement, "fds-ina", "support-need", "integration-office"), today.AddDays(-35));
        fp4.SignDataProtectionNotice(today.AddDays(-34), "2026-01", today.AddDays(-35));
        foreach (var kind in new[] { DocumentKind.DataProtectionNotice, DocumentKind.WrittenCommission, DocumentKind.ExpertStatement, DocumentKind.ConfidentialityRelease })
        {
            await DocumentAsync(fp4, kind);
        }

        Move(fp4, Phase.FP3, today.AddDays(-34));
        Move(fp4, Phase.FP4, today.AddDays(-7));
        var fp5 = New(mueller, new CaseSettings(ina.Id, CareTypes.ExpertStatement, "fds-ina", "support-need", "integration-office"), today.AddDays(-10));
        await DocumentAsync(fp5, DocumentKind.WrittenCommission);
        Move(fp5, Phase.FP5, today.AddDays(-5), "not-possible");
        _ = fp1;
        DemoContacts.Seed(db, caseworker.Id, ina.Id, p2, $"{schmidt.FirstName} {schmidt.LastName}", p3, $"{mueller.FirstName} {mueller.LastName}", today, now);

        // BA-SI-01: a pending request for commission (InA Sicherung in P3 for 10 days, 18 days left to object).
        var request = New(weiss, new CaseSettings(ina.Id, CareTypes.Retention, "sgb9-185-2", "support-need", "employer"), today.AddDays(-14));
        request.SignDataProtectionNotice(today.AddDays(-12), "2026-01", today.AddDays(-12));
        request.UpdateTexts(new CaseTexts { DisabilityImpact = "Hörbehinderung; Besprechungen im Team schwer zu folgen", GoalAgreement = "Arbeitsplatz mit technischer Arbeitshilfe sichern" });
        await DocumentAsync(request, DocumentKind.DataProtectionNotice);
        await DocumentAsync(request, DocumentKind.GoalAgreement);
        Move(request, Phase.P3, today.AddDays(-10), end: today.AddDays(-10).AddMonths(9));

        // BA-EXT-01: the running InA Sicherung asks for an extension (awaiting InA-Koordination).
        db.ExtensionRequests.Add(new ExtensionRequest(p3, "Stufenweise Rückkehr in Vollzeit dauert länger als geplant; Arbeitsplatzanpassung wird erst im Folgemonat umgesetzt.",
            p3.PlannedEndDate!.Value.AddMonths(3), today.AddDays(-1), caseworker.Id));

        // BA-ST-01: a Vermittlung in P3 ready for "Erfolgreiche Vermittlung" (Endbericht result filled).
        var placement = New(mueller, new CaseSettings(agency.Id, CareTypes.Placement, "placement-sgb3-sgb2", "support-need", "employment-agency"), today.AddDays(-30));
        placement.SignDataProtectionNotice(today.AddDays(-28), "2026-01", today.AddDays(-28));
        placement.UpdateTexts(new CaseTexts { ClosingResult = "Zusage der Gärtnerei Blumenthal; Arbeitsvertrag ab kommendem Montag" });
        await DocumentAsync(placement, DocumentKind.DataProtectionNotice);
        await DocumentAsync(placement, DocumentKind.GoalAgreement);
        Move(placement, Phase.P3, today.AddDays(-25));

        // REP-01 / REP-05: the goals of the P3 Sicherung, and a rated goal of the closed Vermittlung (shown on the follow-up case).
        db.CaseGoals.Add(new CaseGoal(p3, new GoalDraft("Arbeitsplatz erhalten", "Stufenweise Rückkehr in Vollzeit; Arbeitsplatz anpassen", "Gespräch mit Personalleitung; Antrag auf technische Arbeitshilfe",
            today.AddMonths(3), "Technischer Beratungsdienst des Integrationsamtes", "Fachkraft: Gespräche und Antrag; Arbeitgeber: Umsetzung"), now));
        db.CaseGoals.Add(new CaseGoal(p3, new GoalDraft("Belastbarkeit stärken", "Pausenregelung vereinbaren", "Monatliche Gespräche", today.AddMonths(6), null, "Klient und Fachkraft"), now));
        var placed = new CaseGoal(p4, new GoalDraft("Arbeitsstelle finden", "Bewerbungen; Probearbeit", "Bewerbungstraining", today.AddDays(-5), null, "Fachkraft"), now);
        placed.Rate(GoalRating.Achieved, "Unbefristeter Arbeitsvertrag bei der Bäckerei Rosenthal.", now, caseworker.Id);
        db.CaseGoals.Add(placed);

        await db.SaveChangesAsync(ct);
    }
}

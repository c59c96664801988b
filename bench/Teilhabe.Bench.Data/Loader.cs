using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Contacts;

namespace Teilhabe.Bench.Data;

/// <summary>Streams the synthetic state table by table into a load target; each pass regenerates what it needs from the plan.</summary>
public sealed class Loader(Plan plan, IModel model, ILoadTarget target, TextWriter log)
{
    private const string NoticeVersion = "2026-01";
    private static readonly string[] Nationalities = ["türkisch", "polnisch", "syrisch", "russisch", "ukrainisch"];
    private static readonly string[] NotEmployed = ["unemployed", "school", "sheltered-workshop", "apprenticeship"];

    public Dictionary<string, long> Rows { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, double> Seconds { get; } = new(StringComparer.Ordinal);

    private State S => plan.State;

    public async Task LoadAsync()
    {
        await PassAsync("Clients", WriteClients);
        await PassAsync("DisabilityEvidence", WriteEvidence);
        await PassAsync("Disabilities", WriteDisabilities);
        await PassAsync("EmploymentSituations", WriteEmployment);
        await PassAsync("Cases", WriteCases);
        await PassAsync("PhaseChanges", WritePhaseChanges);
        await PassAsync("Outcomes", (t, add) => WriteStories(t, add, WriteOutcomes));
        await PassAsync("Contacts", (t, add) => WriteStories(t, add, WriteContacts));
        await PassAsync("ContactParticipants", (t, add) => WriteStories(t, add, WriteParticipants));
        await PassAsync("ContactTopics", (t, add) => WriteStories(t, add, WriteTopics));
        await PassAsync("ContactOutcomes", (t, add) => WriteStories(t, add, WriteLinks));
        await PassAsync("Documents", WriteDocuments);
        await PassAsync("AuditEntries", WriteAudit);
    }

    private async Task PassAsync(string tableName, Action<BulkTable, Action<object?[]>> write)
    {
        var watch = Stopwatch.StartNew();
        var table = new BulkTable(model, tableName);
        long count = 0;
        await using (var sink = await target.OpenAsync(table))
        {
            write(table, row =>
            {
                sink.Add(row);
                count++;
            });
            await sink.CompleteAsync();
        }

        Rows[tableName] = count;
        Seconds[tableName] = watch.Elapsed.TotalSeconds;
        log.WriteLine($"  {tableName,-22} {count,10:N0} rows {watch.Elapsed.TotalSeconds,8:F1} s");
    }

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc));

    private (string Last, string First, Gender Gender) NameOf(int client)
    {
        var rng = new Rng(plan.Seed, 1, client);
        var last = Names.LastName(rng);
        var g = rng.NextDouble();
        var gender = g < 0.005 ? Gender.Diverse : g < 0.45 ? Gender.Female : Gender.Male;
        var first = rng.Pick(gender switch { Gender.Female => Names.FemaleFirstNames, Gender.Male => Names.MaleFirstNames, _ => Names.DiverseFirstNames });
        return (last, first, gender);
    }

    private void WriteClients(BulkTable t, Action<object?[]> add)
    {
        for (var i = 0; i < plan.ClientCount; i++)
        {
            var rng = new Rng(plan.Seed, 2, i);
            var (last, first, gender) = NameOf(i);
            var service = i % S.Services.Length;
            var birth = new DateOnly(1958, 1, 1).AddDays(rng.Next(365 * 50));
            var row = t.NewRow();
            t.Set(row, "Id", ClientId(i));
            t.Set(row, "ServiceId", S.Services[service]);
            t.Set(row, "IntegrationOfficeId", S.OfficeId);
            t.Set(row, "Gender", gender);
            t.Set(row, "WorkingLifePosition", rng.Weighted<string>([("employee", 0.65), ("unemployed", 0.2), ("pupil", 0.08), ("sheltered-workshop", 0.07)]));
            t.Set(row, "Version", 1);
            if (plan.ClientAnonymised[i] is { } gone)
            {
                // DEL-01 as the retention job leaves a client: name replaced, birth date coarsened, contact data removed.
                t.Set(row, "LastName", "Gelöscht");
                t.Set(row, "FirstName", "DEL-01");
                t.Set(row, "SearchLastName", "geloscht");
                t.Set(row, "SearchFirstName", "del-01");
                t.Set(row, "BirthDate", new DateOnly(birth.Year, 12, 31));
                t.Set(row, "AnonymisedOn", gone);
                t.Set(row, "Version", 2);
            }
            else
            {
                var (_, postal, towns) = Names.Regions[service];
                t.Set(row, "LastName", last);
                t.Set(row, "FirstName", first);
                t.Set(row, "SearchLastName", SearchText.Fold(last));
                t.Set(row, "SearchFirstName", SearchText.Fold(first));
                t.Set(row, "BirthDate", birth);
                t.Set(row, "Nationality", rng.Chance(0.88) ? "deutsch" : rng.Pick(Nationalities));
                t.Set(row, "Street", $"{rng.Pick(Names.Streets)} {rng.Next(1, 120)}");
                t.Set(row, "PostalCode", postal + rng.Next(10, 99));
                t.Set(row, "City", rng.Pick(towns));
                t.Set(row, "Phone", rng.Chance(0.8) ? "01" + rng.Next(50, 79) + " " + rng.Next(1_000_000, 9_999_999) : null);
                t.Set(row, "Email", rng.Chance(0.4) ? $"{SearchText.Fold(first)}.{SearchText.Fold(last)}{rng.Next(100)}@example.org".Replace(' ', '-') : null);
                t.Set(row, "HearingImpaired", rng.Chance(0.03));
            }

            add(row);
        }
    }

    private Guid ClientId(int client) => new Rng(plan.Seed, 3, client).Guid7(At(plan.ClientFirstSeen[client], 7));

    private void WriteEvidence(BulkTable t, Action<object?[]> add)
    {
        for (var i = 0; i < plan.ClientCount; i++)
        {
            var rng = new Rng(plan.Seed, 4, i);
            var seen = plan.ClientFirstSeen[i];
            var notice = seen.AddDays(-rng.Next(30, 3000));
            var equated = rng.Chance(0.22);
            var kinds = equated ? new[] { EvidenceKind.Feststellungsbescheid, EvidenceKind.Gleichstellungsbescheid } : [EvidenceKind.Feststellungsbescheid];
            var degree = equated ? rng.Chance(0.5) ? 30 : 40 : 50 + (rng.Next(6) * 10);
            foreach (var kind in kinds)
            {
                var row = t.NewRow();
                t.Set(row, "Id", rng.Guid7(At(seen, 8)));
                t.Set(row, "ClientId", ClientId(i));
                t.Set(row, "ServiceId", S.Services[i % S.Services.Length]);
                t.Set(row, "IntegrationOfficeId", S.OfficeId);
                t.Set(row, "Kind", kind);
                t.Set(row, "NoticeDate", kind == EvidenceKind.Gleichstellungsbescheid ? notice.AddDays(rng.Next(30, 200)) : notice);
                t.Set(row, "EffectiveFrom", rng.Chance(0.3) ? notice.AddDays(-rng.Next(30, 365)) : null);
                t.Set(row, "Degree", degree);
                add(row);
            }
        }
    }

    private static readonly string[] Categories = ["mental", "intellectual-learning", "physical-orthopaedic", "physical-organic", "hearing", "visual", "neurological", "other"];

    private void WriteDisabilities(BulkTable t, Action<object?[]> add)
    {
        for (var i = 0; i < plan.ClientCount; i++)
        {
            var rng = new Rng(plan.Seed, 5, i);
            var count = rng.Chance(0.35) ? 2 : 1;
            for (var k = 0; k < count; k++)
            {
                var row = t.NewRow();
                t.Set(row, "Id", rng.Guid7(At(plan.ClientFirstSeen[i], 8)));
                t.Set(row, "ClientId", ClientId(i));
                t.Set(row, "ServiceId", S.Services[i % S.Services.Length]);
                t.Set(row, "IntegrationOfficeId", S.OfficeId);
                var category = Categories[rng.Zipf(Categories.Length)];
                t.Set(row, "CategoryCode", category);
                t.Set(row, "Description", plan.ClientAnonymised[i] is null ? rng.Pick(Names.DisabilityDescriptions[category]) : string.Empty);
                t.Set(row, "Recognised", k == 0 || rng.Chance(0.6));
                t.Set(row, "CareRelevant", k == 0);
                t.Set(row, "Order", k + 1);
                add(row);
            }
        }
    }

    private void WriteEmployment(BulkTable t, Action<object?[]> add)
    {
        for (var i = 0; i < plan.ClientCount; i++)
        {
            var rng = new Rng(plan.Seed, 6, i);
            var seen = plan.ClientFirstSeen[i];
            var service = i % S.Services.Length;
            var employed = rng.Chance(0.7);
            var row = t.NewRow();
            t.Set(row, "Id", rng.Guid7(At(seen, 8)));
            t.Set(row, "ClientId", ClientId(i));
            t.Set(row, "ServiceId", S.Services[service]);
            t.Set(row, "IntegrationOfficeId", S.OfficeId);
            t.Set(row, "KindCode", employed ? "employed" : rng.Pick(NotEmployed));
            t.Set(row, "From", seen.AddDays(-rng.Next(60, 5000)));
            t.Set(row, "InstitutionId", employed ? rng.Pick(S.Employers[service]).Id : null);
            t.Set(row, "CreatedOn", seen);
            t.Set(row, "State", EmploymentState.Occurred);
            add(row);
        }
    }

    private void WriteCases(BulkTable t, Action<object?[]> add)
    {
        foreach (var c in plan.Cases)
        {
            var rng = new Rng(plan.Seed, 40, c.Index);
            var row = t.NewRow();
            t.Set(row, "Id", c.Id);
            t.Set(row, "ServiceId", S.Services[c.Service]);
            t.Set(row, "IntegrationOfficeId", S.OfficeId);
            t.Set(row, "ClientId", ClientId(c.Client));
            t.Set(row, "CaseNumber", c.CaseNumber);
            t.Set(row, "CaseworkerId", c.Caseworker);
            t.Set(row, "Phase", c.Phase);
            t.Set(row, "StartDate", c.Start);
            t.Set(row, "PhaseSince", c.Closed ?? c.P3 ?? c.P2 ?? c.Start);
            t.Set(row, "CommissionStart", c.P3);
            t.Set(row, "PlannedEndDate", c.PlannedEnd);
            t.Set(row, "ClosedOn", c.Closed);
            t.Set(row, "FunderId", c.Funder);
            t.Set(row, "CareTypeCode", c.CareType);
            t.Set(row, "LegalBasisCode", c.LegalBasis);
            t.Set(row, "CaseGroupCode", c.CaseGroup);
            t.Set(row, "ReferringBodyCode", c.ReferringBody);
            t.Set(row, "ClosingReasonCode", c.ClosingReason);
            t.Set(row, "OutcomeCategoryCode", c.OutcomeCategory);
            t.Set(row, "AnonymisedOn", c.Anonymised);
            t.Set(row, "RestrictedToCommission", c.Phase == Phase.FP5 && c.ClosingReason == "client-refuses");
            t.Set(row, "Version", 1 + (c.P2 is null ? 0 : 1) + (c.P3 is null ? 0 : 1) + (c.Closed is null ? 0 : 1) + (c.Anonymised is null ? 0 : 1));
            if (c.Anonymised is null)
            {
                if (c.P2 is { } p2 || c.P3 is not null)
                {
                    var signed = (c.P2 ?? c.P3!.Value).AddDays(-rng.Next(0, 5));
                    t.Set(row, "NoticeSignedOn", signed < c.Start ? c.Start : signed);
                    t.Set(row, "NoticeVersion", NoticeVersion);
                    t.Set(row, "NoticeCommissionDate", c.P3);
                }

                t.Set(row, "Concern", "Sicherung des Arbeitsverhältnisses nach längerer Arbeitsunfähigkeit; Klärung der Belastbarkeit.");
                if (c.P2 is not null || c.P3 is not null)
                {
                    t.Set(row, "PlannedContents", "Arbeitsplatzbesuch, Gespräche mit Arbeitgeber und SBV, Prüfung technischer Arbeitshilfen.");
                    t.Set(row, "DisabilityImpact", "Eingeschränkte Belastbarkeit bei Zeitdruck; längere Pausen erforderlich; Schwierigkeiten bei wechselnden Aufgaben.");
                }

                if (c.P3 is not null)
                {
                    t.Set(row, "GoalAgreementText", "1. Arbeitsplatz behinderungsgerecht gestalten. 2. Konflikte im Team klären. 3. Stabile Anwesenheit über sechs Monate.");
                    t.Set(row, "Progress", "Arbeitsplatz angepasst, Gespräche mit dem Team geführt; Anwesenheit seit drei Monaten stabil.");
                    t.Set(row, "Supplements", "keine Ergänzungen");
                }

                if (c.Closed is not null)
                {
                    t.Set(row, "ClosingResult", "Auftrag abgeschlossen; Ergebnis mit Klient/in und Arbeitgeber besprochen.");
                }

                if (rng.Chance(0.3))
                {
                    t.Set(row, "Todo", "Rückruf Personalabteilung, Termin SBV vereinbaren");
                }
            }

            add(row);
        }
    }

    private void WritePhaseChanges(BulkTable t, Action<object?[]> add)
    {
        foreach (var c in plan.Cases)
        {
            var rng = new Rng(plan.Seed, 41, c.Index);
            var from = c.IsExpertStatement ? Phase.FP1 : Phase.P1;
            void Change(Phase to, DateOnly on, string? reason)
            {
                var at = At(on, rng.Next(7, 16));
                var row = t.NewRow();
                t.Set(row, "Id", rng.Guid7(at));
                t.Set(row, "CaseId", c.Id);
                t.Set(row, "From", from);
                t.Set(row, "To", to);
                t.Set(row, "On", on);
                t.Set(row, "At", at);
                t.Set(row, "UserId", c.Caseworker);
                t.Set(row, "ReasonCode", reason);
                add(row);
                from = to;
            }

            if (c.P2 is { } p2)
            {
                Change(Phase.P2, p2, null);
            }

            if (c.P3 is { } p3)
            {
                Change(c.IsExpertStatement ? Phase.FP3 : Phase.P3, p3, null);
            }

            if (c.Closed is { } closed)
            {
                Change(c.Phase, closed, c.ClosingReason);
            }
        }
    }

    private void WriteStories(BulkTable t, Action<object?[]> add, Action<BulkTable, Action<object?[]>, CasePlan, Story> write)
    {
        foreach (var c in plan.Cases)
        {
            if (c.Contacts > 0 || c.Leks > 0)
            {
                write(t, add, c, Story.Of(plan, c));
            }
        }
    }

    private void WriteOutcomes(BulkTable t, Action<object?[]> add, CasePlan c, Story story)
    {
        foreach (var o in story.Outcomes)
        {
            var row = t.NewRow();
            t.Set(row, "Id", o.Id);
            t.Set(row, "ServiceId", S.Services[c.Service]);
            t.Set(row, "IntegrationOfficeId", S.OfficeId);
            t.Set(row, "ClientId", ClientId(c.Client));
            t.Set(row, "CaseId", c.Id);
            t.Set(row, "OutcomeCode", o.Code);
            t.Set(row, "ServiceFunderId", o.Funder);
            t.Set(row, "CreatedAt", o.CreatedAt);
            t.Set(row, "CreatedBy", c.Caseworker);
            t.Set(row, "StartDate", o.Start);
            t.Set(row, "EndDate", o.End);
            t.Set(row, "StartDateEnteredOn", o.EnteredOn);
            t.Set(row, "LinkedContacts", o.Linked);
            if (o.Invalid)
            {
                t.Set(row, "InvalidatedAt", o.CreatedAt.AddDays(3));
                t.Set(row, "InvalidatedBy", c.Caseworker);
                t.Set(row, "InvalidationReason", "Versehentlich doppelt erfasst.");
            }

            add(row);
        }
    }

    private void WriteContacts(BulkTable t, Action<object?[]> add, CasePlan c, Story story)
    {
        var client = ClientId(c.Client);
        foreach (var x in story.Contacts)
        {
            var row = t.NewRow();
            t.Set(row, "Id", x.Id);
            t.Set(row, "ServiceId", S.Services[c.Service]);
            t.Set(row, "IntegrationOfficeId", S.OfficeId);
            t.Set(row, "ClientId", client);
            t.Set(row, "CaseId", c.Id);
            t.Set(row, "Phase", x.Phase);
            t.Set(row, "OccurredAt", x.OccurredAt);
            t.Set(row, "Form", x.Form);
            t.Set(row, "Keywords", x.Keywords);
            t.Set(row, "Note", x.Note);
            t.Set(row, "PassesProtectedData", x.Protected);
            t.Set(row, "DurationMinutes", x.Duration);
            t.Set(row, "Late", x.Late);
            t.Set(row, "RecordedAt", x.RecordedAt);
            t.Set(row, "RecordedBy", c.Caseworker);
            add(row);
        }
    }

    private void WriteParticipants(BulkTable t, Action<object?[]> add, CasePlan c, Story story)
    {
        var rng = new Rng(plan.Seed, 42, c.Index);
        var (last, first, _) = NameOf(c.Client);
        var client = ClientId(c.Client);
        foreach (var x in story.Contacts)
        {
            void Participant(ParticipantKind kind, Guid? reference, string name)
            {
                var row = t.NewRow();
                t.Set(row, "Id", rng.Guid7(x.RecordedAt));
                t.Set(row, "ContactId", x.Id);
                t.Set(row, "Kind", kind);
                t.Set(row, "ReferenceId", reference);
                t.Set(row, "Name", name);
                add(row);
            }

            if (x.WithClient)
            {
                Participant(ParticipantKind.Client, client, $"{first} {last}");
            }

            if (x.Employer >= 0)
            {
                var e = S.Employers[c.Service][x.Employer];
                Participant(ParticipantKind.InstitutionContact, e.ContactId, e.ContactName);
            }

            if (x.WithFunder || (!x.WithClient && x.Employer < 0))
            {
                Participant(ParticipantKind.Other, null, "Frau Sachbearbeitung (Leistungsträger)");
            }
        }
    }

    private static void WriteTopics(BulkTable t, Action<object?[]> add, CasePlan c, Story story)
    {
        foreach (var x in story.Contacts)
        {
            foreach (var code in x.Topics)
            {
                var row = t.NewRow();
                t.Set(row, "ContactId", x.Id);
                t.Set(row, "Code", code);
                add(row);
            }
        }
    }

    private static void WriteLinks(BulkTable t, Action<object?[]> add, CasePlan c, Story story)
    {
        foreach (var x in story.Contacts)
        {
            foreach (var o in x.Outcomes.Distinct())
            {
                var row = t.NewRow();
                t.Set(row, "ContactId", x.Id);
                t.Set(row, "OutcomeId", story.Outcomes[o].Id);
                add(row);
            }
        }
    }

    private void WriteDocuments(BulkTable t, Action<object?[]> add)
    {
        void Document(Rng rng, int service, Guid client, Guid? caseId, Guid? contactId, DocumentKind kind, string fileName, DateOnly on, string? by)
        {
            var at = At(on, rng.Next(7, 16));
            var id = rng.Guid7(at);
            var row = t.NewRow();
            t.Set(row, "Id", id);
            t.Set(row, "ServiceId", S.Services[service]);
            t.Set(row, "IntegrationOfficeId", S.OfficeId);
            t.Set(row, "ClientId", client);
            t.Set(row, "CaseId", caseId);
            t.Set(row, "ContactId", contactId);
            t.Set(row, "Kind", kind);
            t.Set(row, "FileName", fileName);
            t.Set(row, "ContentType", "application/pdf");
            t.Set(row, "Size", 40_000L + rng.Next(400_000));
            t.Set(row, "Sha256", rng.Hex(32));
            t.Set(row, "StorageKey", $"{on.Year}/{id:N}");
            t.Set(row, "UploadedAt", at);
            t.Set(row, "UploadedBy", by);
            add(row);
        }

        for (var i = 0; i < plan.ClientCount; i++)
        {
            if (plan.ClientAnonymised[i] is null)
            {
                var rng = new Rng(plan.Seed, 50, i);
                Document(rng, i % S.Services.Length, ClientId(i), null, null, DocumentKind.DisabilityProof, "Feststellungsbescheid.pdf", plan.ClientFirstSeen[i], null);
            }
        }

        foreach (var c in plan.Cases.Where(c => c.Anonymised is null))
        {
            var rng = new Rng(plan.Seed, 51, c.Index);
            var client = ClientId(c.Client);
            if (c.P2 is not null || c.P3 is not null)
            {
                Document(rng, c.Service, client, c.Id, null, DocumentKind.DataProtectionNotice, $"Merkblatt_{c.CaseNumber}.pdf", c.P2 ?? c.P3!.Value, c.Caseworker);
            }

            if (c.P3 is { } p3 && !c.IsExpertStatement)
            {
                Document(rng, c.Service, client, c.Id, null, DocumentKind.GoalAgreement, $"Zielvereinbarung_{c.CaseNumber}.pdf", p3.AddDays(rng.Next(1, 30)), c.Caseworker);
                if (c.Funder != S.InaFunder)
                {
                    Document(rng, c.Service, client, c.Id, null, DocumentKind.WrittenCommission, $"Beauftragung_{c.CaseNumber}.pdf", p3, c.Caseworker);
                }
            }

            if (c.Phase == Phase.FP4)
            {
                Document(rng, c.Service, client, c.Id, null, DocumentKind.ExpertStatement, $"Stellungnahme_{c.CaseNumber}.pdf", c.Closed!.Value, c.Caseworker);
            }
        }
    }

    private void WriteAudit(BulkTable t, Action<object?[]> add)
    {
        foreach (var c in plan.Cases)
        {
            var rng = new Rng(plan.Seed, 60, c.Index);
            var client = ClientId(c.Client);
            var service = S.Services[c.Service];
            var end = c.End(plan.Today);
            var written = 0;
            void Entry(DateTimeOffset at, string? user, string action, string entity, string entityId, string? fields = null, string? reason = null)
            {
                if (written >= c.Audits && action != AuditActions.Delete)
                {
                    return;
                }

                var row = t.NewRow();
                t.Set(row, "At", at);
                t.Set(row, "UserId", user);
                t.Set(row, "Action", action);
                t.Set(row, "Entity", entity);
                t.Set(row, "EntityId", entityId);
                t.Set(row, "ClientId", client);
                t.Set(row, "CaseId", c.Id);
                t.Set(row, "ServiceId", service);
                t.Set(row, "Fields", fields);
                t.Set(row, "Reason", reason);
                add(row);
                written++;
            }

            var caseId = c.Id.ToString();
            Entry(At(c.Start, 9), c.Caseworker, AuditActions.Create, nameof(Case), caseId);
            foreach (var day in new[] { c.P2, c.P3, c.Closed })
            {
                if (day is { } d)
                {
                    Entry(At(d, 10), c.Caseworker, AuditActions.Update, nameof(Case), caseId, "Phase,PhaseSince,Version");
                }
            }

            if (c.Anonymised is null && c.Contacts > 0)
            {
                foreach (var x in Story.Of(plan, c).Contacts)
                {
                    Entry(x.RecordedAt, c.Caseworker, AuditActions.Create, nameof(Contact), x.Id.ToString());
                }
            }

            var span = Math.Max(1, end.DayNumber - c.Start.DayNumber);
            while (written < c.Audits)
            {
                var at = At(DateOnly.FromDayNumber(c.Start.DayNumber + rng.Next(span)), rng.Next(6, 17)).AddMinutes(rng.Next(60));
                var user = rng.Chance(0.9) ? c.Caseworker : rng.Chance(0.7) ? S.Leads[c.Service] : S.CoordinatorId;
                if (rng.Chance(0.7))
                {
                    Entry(at, user, AuditActions.Read, nameof(Case), caseId);
                }
                else
                {
                    Entry(at, user, AuditActions.Read, nameof(Client), client.ToString());
                }
            }

            if (c.Anonymised is { } gone)
            {
                Entry(At(gone, 2), null, AuditActions.Delete, nameof(Case), caseId, reason: Teilhabe.Core.Retention.RetentionRules.Reason);
            }
        }
    }
}

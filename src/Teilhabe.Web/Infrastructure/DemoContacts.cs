using Teilhabe.Core.Cases;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Time;

namespace Teilhabe.Web.Infrastructure;

/// <summary>Demo contacts and LEK (issue 5): a few contacts on the P2 and P3 cases, one LEK still without start date (LEK-03).</summary>
internal static class DemoContacts
{
    public static void Seed(TeilhabeDbContext db, string caseworkerId, Guid integrationOfficeFunderId, Case p2, string p2Client, Case p3, string p3Client, DateOnly today, DateTimeOffset now)
    {
        Outcome Lek(Case c, string code, DateTimeOffset createdAt)
        {
            // FU-05: no money flows in these demo cases, so the LEK funder is the Integrationsamt.
            var o = new Outcome(c, code, integrationOfficeFunderId, createdAt, caseworkerId);
            db.Outcomes.Add(o);
            return o;
        }

        void Contact(Case c, DateOnly day, int hour, ContactForm form, string keywords, string note, ParticipantDraft[] participants, string[] topics, params Outcome[] outcomes)
        {
            var local = day.ToDateTime(new TimeOnly(hour, 0));
            var at = new DateTimeOffset(local, BerlinTime.Zone.GetUtcOffset(local)).ToUniversalTime();
            var draft = new ContactDraft(at, form, keywords, participants, note, topics, [.. outcomes.Select(o => o.Id)], false);
            db.Contacts.Add(new Contact(c, draft, false, at.AddHours(2), caseworkerId));
            foreach (var o in outcomes)
            {
                o.Link(day, today);
            }
        }

        ParticipantDraft[] client = [new(ParticipantKind.Client, p2.ClientId, p2Client)];
        var qb = Lek(p2, "qb-done", now.AddDays(-15));
        Contact(p2, today.AddDays(-14), 10, ContactForm.Personal, "Erstgespräch zur Offenlegung",
            "Klientin möchte die Hörbehinderung offenlegen; Nachteilsausgleiche besprochen.", client, ["counselling-job"], qb);
        Contact(p2, today.AddDays(-6), 14, ContactForm.Phone, "Vorbereitung Arbeitgebergespräch",
            "Gesprächsleitfaden gemeinsam erarbeitet.", client, ["counselling-job", "counselling-benefits"], qb);

        ParticipantDraft[] withEmployer = [new(ParticipantKind.Client, p3.ClientId, p3Client), new(ParticipantKind.Other, null, "Herr Brandt (Personalleitung)")];
        var bem = Lek(p3, "bem-support", now.AddDays(-26));
        Lek(p3, "workplace-analysis", now.AddDays(-1));
        Contact(p3, today.AddDays(-25), 9, ContactForm.Personal, "BEM-Gespräch im Betrieb",
            "Stufenweise Rückkehr vereinbart: 4 Stunden täglich für vier Wochen.", withEmployer, ["bem", "reintegration"], bem);
        Contact(p3, today.AddDays(-4), 11, ContactForm.Phone, "Zwischenstand Wiedereingliederung",
            "Klient kommt gut zurecht; nächste Stufe in zwei Wochen.", [new(ParticipantKind.Client, p3.ClientId, p3Client)], ["reintegration"], bem);
    }
}

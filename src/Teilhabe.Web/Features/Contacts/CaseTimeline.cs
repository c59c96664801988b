using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Documents;

using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Contacts;

/// <summary>
/// The case timeline: contacts, phase changes, documents and LEK events in one chronological list. Notes and
/// keywords only for those who see contact notes: the editors, and InA-Koordination only during an incident access
/// (ACC-07, ACC-08); documents as DocumentService lists them (ACC-07, ACC-10).
/// </summary>
internal sealed class CaseTimeline(TeilhabeDbContext db, CaseAccess access, ContactService contacts, DocumentService documents, CatalogueService catalogues, AuditLog audit)
{
    public const string Contacts = "kontakte";
    public const string Phases = "phasen";
    public const string Documents = "dokumente";
    public const string Outcomes = "lek";

    public static readonly IReadOnlyList<(string Code, string Label)> Kinds =
        [(Contacts, "Kontakte"), (Phases, "Phasen"), (Documents, "Dokumente"), (Outcomes, "LEK")];

    public sealed record Filter(IReadOnlyCollection<string> Kinds, DateOnly? From, DateOnly? To, string? Topic, bool OldestFirst);

    public sealed record Entry(
        string Kind, DateTimeOffset At, bool HasTime, string Title, IReadOnlyList<(string Label, string Value)> Facts,
        string? Note, bool Late, IReadOnlyList<CaseDocument> Files, bool Emphasis = false, Guid? ContactId = null, bool Corrected = false, bool Cancelled = false);

    public async Task<IReadOnlyList<Entry>> LoadAsync(Case @case, Filter filter, CancellationToken ct)
    {
        var kinds = filter.Kinds.Count == 0 ? Kinds.Select(k => k.Code).ToHashSet() : filter.Kinds.ToHashSet();
        if (filter.Topic is not null)
        {
            kinds.IntersectWith([Contacts]);
        }

        var internalTexts = access.SeesContactNotes(@case);
        var topicLabels = await catalogues.LabelsAsync(CatalogueNames.Topics, ct);
        var outcomeLabels = await catalogues.LabelsAsync(CatalogueNames.Outcomes, ct);
        var closingLabels = await catalogues.LabelsAsync(CatalogueNames.ClosingReasons, ct);
        var outcomes = await contacts.ListOutcomesAsync(@case, ct);
        var outcomeNames = outcomes.ToDictionary(o => o.Id, o => outcomeLabels.Or(o.OutcomeCode));
        var visibleDocuments = await documents.ListAsync(@case, ct);
        var contactList = await contacts.ListAsync(@case, ct);

        var userIds = new HashSet<string>(contactList.SelectMany(c => new[] { c.RecordedBy, c.CorrectedBy, c.CancelledBy }).OfType<string>());
        userIds.UnionWith(@case.History.Where(h => h.UserId != null).Select(h => h.UserId!));
        userIds.UnionWith(visibleDocuments.Where(d => d.UploadedBy != null).Select(d => d.UploadedBy!));
        userIds.UnionWith(outcomes.Where(o => o.InvalidatedBy != null).Select(o => o.InvalidatedBy!));
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string User(string? id) => id is null ? "–" : users.GetValueOrDefault(id, "–");

        var entries = new List<Entry>();
        if (kinds.Contains(Contacts))
        {
            foreach (var c in contactList.Where(c => filter.Topic is null || c.Topics.Any(t => t.Code == filter.Topic)))
            {
                var facts = new List<(string, string)>
                {
                    ("Form", OutcomeLabels.Form(c.Form)),
                };
                if (c.DurationMinutes is { } minutes)
                {
                    facts.Add(("Dauer", minutes == 1 ? "1 Minute" : $"{minutes} Minuten"));
                }

                facts.AddRange(
                [
                    ("Beteiligte", string.Join(", ", c.Participants.Select(p => $"{p.Name} ({OutcomeLabels.Participant(p.Kind)})"))),
                    ("Aufgaben", string.Join(", ", c.Topics.Select(t => topicLabels.Or(t.Code)))),
                    ("LEK", string.Join(", ", c.Outcomes.Select(o => outcomeNames.GetValueOrDefault(o.OutcomeId, "–")))),
                ]);
                if (internalTexts && !string.IsNullOrWhiteSpace(c.Keywords))
                {
                    facts.Insert(0, ("Stichworte", c.Keywords));
                }

                if (c.PassesProtectedData)
                {
                    facts.Add(("Besonders geschützte Daten", "weitergegeben (DOC-05)"));
                }

                facts.Add(("Erfasst", $"{GermanFormat.DateTime(c.RecordedAt)} von {User(c.RecordedBy)}"));
                if (c.CorrectedAt is { } corrected)
                {
                    facts.Add(("Korrigiert", $"{GermanFormat.DateTime(corrected)} von {User(c.CorrectedBy)}"));
                }

                if (c.CancelledAt is { } cancelled)
                {
                    facts.Add(("Storniert", $"{GermanFormat.DateTime(cancelled)} von {User(c.CancelledBy)}" + (internalTexts ? $": {c.CancellationReason}" : string.Empty)));
                }

                entries.Add(new(Contacts, c.OccurredAt, true, $"Kontakt ({OutcomeLabels.Form(c.Form)})", facts,
                    internalTexts ? c.Note : null, c.Late, [.. visibleDocuments.Where(d => d.ContactId == c.Id)], ContactId: c.Id, Corrected: c.IsCorrected, Cancelled: c.IsCancelled));
            }
        }

        if (kinds.Contains(Phases))
        {
            var first = @case.History.OrderBy(h => h.At).FirstOrDefault()?.From ?? @case.Phase;
            entries.Add(new(Phases, BerlinTime.StartOfDayUtc(@case.StartDate), false, $"Auftrag angelegt in {CaseLabels.Phase(first)}", [], null, false, []));
            foreach (var h in @case.History)
            {
                var facts = new List<(string, string)> { ("Durch", User(h.UserId)), ("Erfasst", GermanFormat.DateTime(h.At)) };
                if (h.ReasonCode is not null)
                {
                    facts.Add(("Grund", closingLabels.Or(h.ReasonCode)));
                }

                entries.Add(new(Phases, DayAt(h.On, h.At), false, $"Phasenwechsel {CaseLabels.Phase(h.From)} → {CaseLabels.Phase(h.To)}", facts, null, false, []));
            }
        }

        if (kinds.Contains(Documents))
        {
            foreach (var d in visibleDocuments)
            {
                var facts = new List<(string, string)> { ("Datei", d.FileName), ("Hochgeladen von", User(d.UploadedBy)) };
                if (d.ContactId is not null)
                {
                    facts.Add(("Zu", "einem Kontakt"));
                }

                entries.Add(new(Documents, d.UploadedAt, true, $"Dokument: {CaseLabels.Document(d.Kind)}", facts, null, false, [d]));
            }
        }

        if (kinds.Contains(Outcomes))
        {
            foreach (var o in outcomes)
            {
                var name = outcomeNames[o.Id];
                entries.Add(new(Outcomes, o.CreatedAt, true, $"LEK angelegt: {name}", [], null, false, []));
                if (o.StartDate is { } start)
                {
                    entries.Add(new(Outcomes, DayAt(start, null), false, $"LEK-Start: {name}", [("Startdatum", GermanFormat.Date(start))], null, false, []));
                }

                if (o.EndDate is { } end && o.LinkedContacts > 1)
                {
                    entries.Add(new(Outcomes, DayAt(end, null), false, $"LEK-Ende (letzter Kontakt): {name}", [("Enddatum", GermanFormat.Date(end))], null, false, []));
                }

                if (o.InvalidatedAt is { } invalidated)
                {
                    entries.Add(new(Outcomes, invalidated, true, $"LEK für ungültig erklärt: {name}",
                        [("Durch", User(o.InvalidatedBy)), ("Grund", o.InvalidationReason ?? "–")], null, false, [], Emphasis: true));
                }
            }
        }

        var from = filter.From is { } f ? BerlinTime.StartOfDayUtc(f) : DateTimeOffset.MinValue;
        var to = filter.To is { } t ? BerlinTime.StartOfDayUtc(t.AddDays(1)) : DateTimeOffset.MaxValue;
        var selected = entries.Where(e => e.At >= from && e.At < to);
        selected = filter.OldestFirst ? selected.OrderBy(e => e.At) : selected.OrderByDescending(e => e.At);

        await audit.ReadAsync("CaseTimeline", @case.Id, @case.ServiceId, ct, clientId: @case.ClientId, caseId: @case.Id, reason: access.AuditReason(@case));
        return [.. selected];
    }

    /// <summary>A dated event without a time of its own: noon of that day, or the time it was recorded when the same day.</summary>
    private static DateTimeOffset DayAt(DateOnly day, DateTimeOffset? recorded)
        => recorded is { } at && DateOnly.FromDateTime(BerlinTime.ToBerlin(at).DateTime) == day ? at : BerlinTime.StartOfDayUtc(day).AddHours(12);
}

using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Contacts;

/// <summary>
/// CT-08 "Kontakt korrigieren": the contact with its versions (who, when, what), the correction form while CT-03's
/// window is open and the cancellation with a reason. Plain POST forms with the revision as concurrency check (409 wording).
/// </summary>
[Authorize(Roles = CaseForms.ListRoles)]
internal sealed class CorrectModel(ContactService contacts, CaseAccess access, CatalogueService catalogues, TeilhabeDbContext db, AuditLog audit, TimeProvider clock, StateProfile profile) : PageModel
{
    public sealed record Person(string Value, string Name);

    public sealed record OutcomeOption(Guid Id, string Label, string Dates);

    public sealed record VersionRow(int Version, DateTimeOffset ChangedAt, string ChangedBy, DateTimeOffset OccurredAt, ContactForm Form,
        string? Keywords, string? Note, string Participants, string Topics, string Outcomes, bool Current);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ContactEntryForm Entry { get; set; } = new();

    [BindProperty]
    public int Revision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Contact Contact { get; private set; } = null!;
    public Case Case { get; private set; } = null!;
    public string ClientName { get; private set; } = "Klient/in";
    public bool CanEdit { get; private set; }
    public bool SeesTexts { get; private set; }
    public string? ClosedReason { get; private set; }
    public IReadOnlyList<CatalogueEntry> Topics { get; private set; } = [];
    public IReadOnlyList<OutcomeOption> Outcomes { get; private set; } = [];
    public IReadOnlyList<Person> Persons { get; private set; } = [];
    public IReadOnlyList<VersionRow> Versions { get; private set; } = [];
    public string? CancelledBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is { } refusal)
        {
            return refusal;
        }

        await audit.ReadAsync(nameof(Contact), Contact.Id, Contact.ServiceId, ct, clientId: Contact.ClientId, caseId: Contact.CaseId, reason: access.AuditReason(Case));
        Entry = FromContact(Contact);
        Revision = Contact.Revision;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is { } refusal)
        {
            return refusal;
        }

        if (!access.CanEdit(Case))
        {
            return Forbid();
        }

        ModelState.Clear();
        await LoadAsync(ct);
        var input = Entry.InputErrors();
        if (input.Count > 0)
        {
            ModelState.AddViolations(input, ContactEntryForm.FieldMap);
            return Page();
        }

        var draft = new ContactDraft(
            Entry.ParseOccurredAt(out _), ContactEntryForm.ParseForm(Entry.Form), Entry.Keywords, Participants(), Entry.Note,
            [.. Entry.Topics.Where(t => !string.IsNullOrWhiteSpace(t))], [.. Entry.Outcomes.Select(Guid.Parse)], Entry.PassesProtectedData, Entry.ParseDurationMinutes());
        var result = await contacts.CorrectAsync(Contact, Case, draft, Revision, ct);
        if (!result.Succeeded)
        {
            ModelState.AddResult(result, ContactEntryForm.FieldMap);
            return Page();
        }

        TempData[NewModel.MessageKey] = "Der Kontakt ist korrigiert; die frühere Fassung bleibt in seiner Versionsgeschichte (CT-08).";
        return Redirect($"/kontakte/{Id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(CancellationToken ct)
    {
        if (await FindAsync(ct) is { } refusal)
        {
            return refusal;
        }

        if (!access.CanEdit(Case))
        {
            return Forbid();
        }

        ModelState.Clear();
        var result = await contacts.CancelAsync(Contact, Case, Reason, Revision, ct);
        if (!result.Succeeded)
        {
            Entry = FromContact(Contact);
            await LoadAsync(ct);
            ModelState.AddResult(result, new Dictionary<string, string> { ["reason"] = "Reason", ["occurredAt"] = "Reason", ["contact"] = "Reason" });
            return Page();
        }

        TempData[NewModel.MessageKey] = "Der Kontakt ist storniert. Er bleibt sichtbar, zählt aber nicht mehr für Kontakthäufigkeit, LEK-Daten, Fristen und Statistik (CT-08).";
        return Redirect($"/kontakte/{Id}");
    }

    public string? Message => TempData[NewModel.MessageKey] as string;

    private async Task<IActionResult?> FindAsync(CancellationToken ct)
    {
        if (await contacts.FindAsync(Id, ct) is not var (contact, @case))
        {
            return NotFound();
        }

        Contact = contact;
        Case = @case;
        return null;
    }

    private static ContactEntryForm FromContact(Contact c) => new()
    {
        OccurredAt = BerlinTime.ToBerlin(c.OccurredAt).ToString(ContactEntryForm.LocalFormat, CultureInfo.InvariantCulture),
        Form = OutcomeLabels.Forms.FirstOrDefault(f => ContactEntryForm.ParseForm(f.Code) == c.Form).Code,
        Keywords = c.Keywords,
        DurationMinutes = c.DurationMinutes?.ToString(CultureInfo.InvariantCulture),
        Client = c.Participants.Any(p => p.Kind == ParticipantKind.Client),
        Persons = [.. c.Participants.Where(p => p.ReferenceId is not null && p.Kind is ParticipantKind.InstitutionContact or ParticipantKind.FunderContact).Select(PersonValue)],
        Others = string.Join("\n", c.Participants.Where(p => p.Kind == ParticipantKind.Other || (p.ReferenceId is null && p.Kind != ParticipantKind.Client)).Select(p => p.Name)),
        Topics = [.. c.Topics.Select(t => t.Code)],
        Outcomes = [.. c.Outcomes.Select(o => o.OutcomeId.ToString())],
        Note = c.Note,
        PassesProtectedData = c.PassesProtectedData,
    };

    private static string PersonValue(ContactParticipant p)
        => (p.Kind == ParticipantKind.FunderContact ? "funder:" : "institution:") + p.ReferenceId;

    private List<ParticipantDraft> Participants()
    {
        var list = new List<ParticipantDraft>();
        if (Entry.Client)
        {
            list.Add(new(ParticipantKind.Client, Case.ClientId, ClientName));
        }

        foreach (var value in Entry.Persons.Distinct(StringComparer.Ordinal))
        {
            if (Persons.FirstOrDefault(p => p.Value == value) is { } person)
            {
                var kind = value.StartsWith("funder:", StringComparison.Ordinal) ? ParticipantKind.FunderContact : ParticipantKind.InstitutionContact;
                list.Add(new(kind, Guid.Parse(value[(value.IndexOf(':', StringComparison.Ordinal) + 1)..]), person.Name));
            }
        }

        list.AddRange(Entry.OtherNames().Select(n => new ParticipantDraft(ParticipantKind.Other, null, n)));
        return list;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanEdit = access.CanEdit(Case);
        SeesTexts = access.SeesContactNotes(Case);
        var stillOpen = ContactRules.CheckStillEditable(Contact, clock.Today(), profile);
        ClosedReason = stillOpen.Count == 0 ? null : string.Join(" ", stillOpen.Select(v => $"{v.Message} ({v.Rule})"));
        ClientName = await db.Clients.AsNoTracking().Where(c => c.Id == Case.ClientId)
            .Select(c => c.FirstName + " " + c.LastName).FirstOrDefaultAsync(ct) ?? "Klient/in";
        Topics = await catalogues.ListAsync(CatalogueNames.Topics, false, ct);
        var topicLabels = await catalogues.LabelsAsync(CatalogueNames.Topics, ct);
        var outcomeLabels = await catalogues.LabelsAsync(CatalogueNames.Outcomes, ct);
        var outcomes = await contacts.ListOutcomesAsync(Case, ct);
        var linked = Contact.Outcomes.Select(o => o.OutcomeId).ToHashSet();
        Outcomes = [.. outcomes.Where(o => o.IsValid || linked.Contains(o.Id)).Select(o => new OutcomeOption(o.Id, outcomeLabels.Or(o.OutcomeCode), OutcomeLabels.Dates(o)))];
        var names = outcomes.ToDictionary(o => o.Id, o => outcomeLabels.Or(o.OutcomeCode));

        // The directory persons of the contact and those the contact named (kept even if the directory changed since).
        Persons = [.. Contact.Participants.Where(p => p.ReferenceId is not null && p.Kind is ParticipantKind.InstitutionContact or ParticipantKind.FunderContact)
            .Select(p => new Person(PersonValue(p), p.Name))];

        var versions = await contacts.VersionsAsync(Contact, ct);
        var userIds = versions.Select(v => v.ChangedBy).Append(Contact.CorrectedBy ?? Contact.RecordedBy).Append(Contact.CancelledBy ?? string.Empty).ToHashSet();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string User(string id) => users.GetValueOrDefault(id, "–");
        string Outcome(Guid id) => names.GetValueOrDefault(id, "–");
        var rows = versions.Select(v => new VersionRow(v.Version, v.ChangedAt, User(v.ChangedBy), v.OccurredAt, v.Form, v.Keywords, v.Note,
            string.Join(", ", v.ParticipantNames), string.Join(", ", v.Topics.Select(t => topicLabels.Or(t))), string.Join(", ", v.Outcomes.Select(Outcome)), false)).ToList();
        rows.Add(new VersionRow(Contact.Revision, Contact.CorrectedAt ?? Contact.RecordedAt, User(Contact.CorrectedBy ?? Contact.RecordedBy), Contact.OccurredAt, Contact.Form,
            Contact.Keywords, Contact.Note, string.Join(", ", Contact.Participants.Select(p => p.Name)), string.Join(", ", Contact.Topics.Select(t => topicLabels.Or(t.Code))),
            string.Join(", ", Contact.Outcomes.Select(o => Outcome(o.OutcomeId))), true));
        Versions = rows;
        CancelledBy = Contact.CancelledBy is { } by ? User(by) : null;
    }
}

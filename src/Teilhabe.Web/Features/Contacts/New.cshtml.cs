using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Documents;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Contacts;

/// <summary>
/// "Kontakt erfassen": one form for a contact with its participants, topics, LEK links (and optionally a new LEK)
/// and files. The rules are ContactService's (CT-01…CT-03, LEK-01, DOC-05, PH-FDS-04/05); contact, new LEK and
/// files are saved together or not at all. A refused submit and the htmx autosave keep a server-side draft.
/// </summary>
[Authorize(Roles = CaseForms.IfdRoles)]
internal sealed class NewModel(
    CaseService cases,
    CaseAccess access,
    ContactService contacts,
    DocumentService documents,
    CatalogueService catalogues,
    ContactDraftStore drafts,
    TeilhabeDbContext db,
    TimeProvider clock,
    Core.Profiles.StateProfile profile) : PageModel
{
    public const string MessageKey = "ContactMessage";
    public const string PromptKey = "ContactPrompt";

    public sealed record Person(string Value, string Name, string Detail);

    public sealed record OutcomeOption(Guid Id, string Label, string Dates);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ContactEntryForm Entry { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Files { get; set; } = [];

    public Case Case { get; private set; } = null!;
    public string ClientName { get; private set; } = "–";
    public FormErrors Errors => new(ModelState);
    public IReadOnlyList<Person> Persons { get; private set; } = [];
    public IReadOnlyList<CatalogueEntry> Topics { get; private set; } = [];
    public IReadOnlyList<CatalogueEntry> OutcomeCatalogue { get; private set; } = [];
    public IReadOnlyList<OutcomeOption> Outcomes { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Funders { get; private set; } = [];
    public DateTimeOffset? DraftRestoredFrom { get; private set; }
    public string? DraftSavedAt { get; private set; }
    public bool CanAddOutcome => !Case.RestrictedToCommission;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (@case, refusal) = await EditableAsync(ct);
        if (refusal is not null)
        {
            return refusal;
        }

        Entry = ContactEntryForm.Defaults(clock.GetUtcNow());
        if (await drafts.FindAsync(@case.Id, ct) is { } draft)
        {
            Entry = draft.Form;
            DraftRestoredFrom = draft.UpdatedAt;
        }

        await LoadAsync(@case, ct);
        return Page();
    }

    /// <summary>The htmx autosave: stores the input as the user's draft and answers the status text.</summary>
    public async Task<IActionResult> OnPostDraftAsync(CancellationToken ct)
    {
        var (@case, refusal) = await EditableAsync(ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (@case.IsAdditionalStatement)
        {
            return BadRequest();
        }

        var at = await drafts.SaveAsync(@case, Entry, ct);
        return Content(at is { } saved ? $"Entwurf gespeichert um {BerlinTime.ToBerlin(saved).ToString("HH:mm", CultureInfo.InvariantCulture)} Uhr." : string.Empty, "text/plain; charset=utf-8");
    }

    /// <summary>"Entwurf verwerfen": back to the defaults.</summary>
    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        var (@case, refusal) = await EditableAsync(ct);
        if (refusal is not null)
        {
            return refusal;
        }

        await drafts.DeleteAsync(@case.Id, ct);
        return Redirect($"/faelle/{@case.Id}/kontakte/neu");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (@case, refusal) = await EditableAsync(ct);
        if (refusal is not null)
        {
            return refusal;
        }

        ModelState.Clear();
        if (@case.IsAdditionalStatement)
        {
            await LoadAsync(@case, ct);
            return Page();
        }

        await LoadAsync(@case, ct);
        var input = Entry.InputErrors();
        if (input.Count > 0)
        {
            return await RefusedAsync(@case, input, ct);
        }

        var errors = new List<RuleViolation>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var outcomeIds = Entry.Outcomes.Select(Guid.Parse).ToList();
        if (!string.IsNullOrWhiteSpace(Entry.NewOutcomeCode))
        {
            Guid? funder = Guid.TryParse(Entry.NewOutcomeFunderId, out var f) ? f : null;
            var (outcome, outcomeErrors) = await contacts.CreateOutcomeAsync(@case, Entry.NewOutcomeCode, funder, ct);
            errors.AddRange(outcomeErrors);
            if (outcome is not null)
            {
                outcomeIds.Add(outcome.Id);
            }
        }

        var draft = new ContactDraft(
            Entry.ParseOccurredAt(out _), ContactEntryForm.ParseForm(Entry.Form), Entry.Keywords, Participants(), Entry.Note,
            [.. Entry.Topics.Where(t => !string.IsNullOrWhiteSpace(t))], outcomeIds, Entry.PassesProtectedData, Entry.ParseDurationMinutes());
        ContactService.Created? created = null;
        IReadOnlyList<RuleViolation> contactErrors;
        if (errors.Count > 0)
        {
            contactErrors = [.. ContactRules.Check(draft, await ContextAsync(@case, ct)).Violations, .. await IfdTasks.IfdTasksService.ContactConsentViolationsAsync(db, @case.Id, draft.OccurredAt, draft.TopicCodes, [], ct)];
        }
        else
        {
            (created, contactErrors) = await contacts.CreateAsync(@case, draft, ct);
        }

        errors.AddRange(contactErrors);
        if (created is not null && Files.Count > 0)
        {
            var kind = Enum.TryParse<DocumentKind>(Entry.FileKind, out var k) ? k : (DocumentKind?)null;
            var streams = Files.Select(file => file.OpenReadStream()).ToList();
            try
            {
                var uploads = Files.Select((file, i) => new DocumentService.Upload(file.FileName, streams[i], file.Length)).ToList();
                var (_, uploadErrors) = await documents.UploadAllAsync(@case, kind, created.Contact.Id, uploads, ct);
                errors.AddRange(uploadErrors);
            }
            finally
            {
                foreach (var stream in streams)
                {
                    await stream.DisposeAsync();
                }
            }
        }

        if (created is null || errors.Count > 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await RefusedAsync(@case, errors, ct);
        }

        await tx.CommitAsync(ct);
        await drafts.DeleteAsync(@case.Id, ct);
        var contact = created.Contact;
        var message = $"Der Kontakt vom {GermanFormat.DateTime(contact.OccurredAt)} ist gespeichert.";
        if (contact.Late)
        {
            message += $" Er ist als „verspätet“ gekennzeichnet, weil er später als {profile.LateEntryWorkingDays} Arbeitstage nach dem Ereignis erfasst wurde (CT-02).";
        }

        TempData[MessageKey] = message;
        if (created.Prompt is { } prompt)
        {
            TempData[PromptKey] = prompt.Rule + "|" + prompt.Message;
        }

        return Redirect($"/faelle/{@case.Id}/verlauf");
    }

    /// <summary>When the new LEK is refused, the contact is still checked so that every violation is listed at once.</summary>
    private async Task<ContactContext> ContextAsync(Case @case, CancellationToken ct)
    {
        var hasRelease = await db.Documents.AnyAsync(d => d.CaseId == @case.Id && d.Kind == DocumentKind.ConfidentialityRelease, ct);
        var draftIds = Entry.Outcomes.Select(Guid.Parse).ToList();
        var invalid = await db.Outcomes.Where(o => o.CaseId == @case.Id && draftIds.Contains(o.Id) && o.InvalidatedAt != null).Select(o => o.Id).ToListAsync(ct);
        return new ContactContext(@case, clock.GetUtcNow(), profile, hasRelease, invalid.ToHashSet());
    }

    private async Task<IActionResult> RefusedAsync(Case @case, IReadOnlyList<RuleViolation> errors, CancellationToken ct)
    {
        // Keep the (already complete) error set; the ID of a new LEK would only repeat the LEK check.
        var shown = errors.Where(e => !(e.Rule == "CT-01" && e.Field == "outcomeIds" && !string.IsNullOrWhiteSpace(Entry.NewOutcomeCode) && errors.Any(x => x.Field is "outcomeCode" or "serviceFunderId")));
        ModelState.AddViolations(DetailsModel.Merged(shown), ContactEntryForm.FieldMap);
        var saved = await drafts.SaveAsync(@case, Entry, ct);
        DraftSavedAt = saved is { } at ? BerlinTime.ToBerlin(at).ToString("HH:mm", CultureInfo.InvariantCulture) : null;
        await LoadAsync(@case, ct);
        return Page();
    }

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

    private async Task<(Case Case, IActionResult? Refusal)> EditableAsync(CancellationToken ct)
    {
        var @case = await cases.GetAsync(Id, ct);
        if (@case is null)
        {
            return (null!, NotFound());
        }

        return access.CanEdit(@case) ? (@case, null) : (@case, Forbid());
    }

    private async Task LoadAsync(Case @case, CancellationToken ct)
    {
        Case = @case;
        ClientName = await db.Clients.AsNoTracking().Where(c => c.Id == @case.ClientId)
            .Select(c => c.FirstName + " " + c.LastName).FirstOrDefaultAsync(ct) ?? "Klient/in";
        Topics = await catalogues.ListAsync(CatalogueNames.Topics, false, ct);
        OutcomeCatalogue = await catalogues.ListAsync(CatalogueNames.Outcomes, false, ct);
        var labels = await catalogues.LabelsAsync(CatalogueNames.Outcomes, ct);
        Outcomes = [.. (await contacts.ListOutcomesAsync(@case, ct)).Where(o => o.IsValid)
            .Select(o => new OutcomeOption(o.Id, labels.Or(o.OutcomeCode), OutcomeLabels.Dates(o)))];

        var persons = new List<Person>();
        var institutionIds = await db.EmploymentSituations.AsNoTracking()
            .Where(e => e.ClientId == @case.ClientId && e.InstitutionId != null).Select(e => e.InstitutionId!.Value).Distinct().ToListAsync(ct);
        var institutions = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToListAsync(ct);
        foreach (var institution in institutions.OrderBy(i => i.Name))
        {
            persons.AddRange(institution.Contacts.Select(p => new Person("institution:" + p.Id, p.Name, Detail(p.Role, institution.Name))));
        }

        if (@case.FunderId is { } funderId && await db.Funders.AsNoTracking().FirstOrDefaultAsync(f => f.Id == funderId, ct) is { } funder)
        {
            persons.AddRange(funder.Contacts.Select(p => new Person("funder:" + p.Id, p.Name, Detail(p.Role, funder.Name))));
        }

        Persons = persons;
        var funders = await db.Funders.AsNoTracking().Include(f => f.Releases).OrderBy(f => f.Name).ToListAsync(ct);
        Funders = [.. funders.Where(f => f.IsReleasedFor(@case.ServiceId)).Select(f => (f.Id, f.Name))];
    }

    private static string Detail(string? role, string organisation) => role is null ? organisation : $"{role}, {organisation}";
}

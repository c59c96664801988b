using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Features.Catalogues;

using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Contacts;

/// <summary>
/// Contacts and LEK of a case (CT-01…CT-03, LEK-01…LEK-04, FU-04, FU-05). Writing is for the responsible
/// caseworkers, their deputies and the IFD lead; reading follows the case (CaseAccess).
/// </summary>
internal sealed class ContactService(TeilhabeDbContext db, CaseAccess access, ICurrentUser user, TimeProvider clock, StateProfile profile) : IContactFacts
{
    public sealed record Created(Contact Contact, RuleViolation? Prompt);

    public async Task<Result<Created>> CreateAsync(Case @case, ContactDraft draft, CancellationToken ct)
    {
        var (outcomes, topics, errors) = await LinksAsync(@case, draft, ct);
        if (errors.Count > 0)
        {
            return Result<Created>.Invalid(errors);
        }

        var context = await ContextAsync(@case, outcomes, ct);
        var check = ContactRules.Check(draft, context);
        var consent = await IfdTasks.IfdTasksService.ContactConsentViolationsAsync(db, @case.Id, draft.OccurredAt, topics, outcomes.Select(o => o.OutcomeCode), ct);
        if (!check.Allowed || consent.Count > 0)
        {
            return Result<Created>.Invalid([.. check.Violations, .. consent]);
        }

        var contact = new Contact(@case, draft, check.Late, clock.GetUtcNow(), user.UserId);
        var day = DateOnly.FromDateTime(BerlinTime.ToBerlin(contact.OccurredAt).DateTime);
        foreach (var outcome in outcomes)
        {
            outcome.Link(day, clock.Today());
        }

        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return Result<Created>.Ok(new Created(contact, check.Prompt));
    }

    /// <summary>A contact with its case, when the caller may see the case (tracked, for a correction or cancellation).</summary>
    public async Task<(Contact Contact, Case Case)?> FindAsync(Guid id, CancellationToken ct)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
        {
            return null;
        }

        var @case = await db.Cases.AsNoTracking().Include(c => c.Deputies).FirstOrDefaultAsync(c => c.Id == contact.CaseId, ct);
        if (@case is null || !access.CanSee(@case))
        {
            return null;
        }

        await access.LoadIncidentAsync(@case, ct);
        return (contact, @case);
    }

    /// <summary>
    /// CT-08: corrects a contact within CT-03's window. The earlier state is kept as a version; the LEK dates of every
    /// LEK linked before or after follow (LEK-02). A stale <paramref name="expectedRevision"/> is a conflict.
    /// </summary>
    public async Task<Result<Contact>> CorrectAsync(Contact contact, Case @case, ContactDraft draft, int? expectedRevision, CancellationToken ct)
    {
        if (expectedRevision is { } expected && expected != contact.Revision)
        {
            return Result<Contact>.Conflict();
        }

        var (outcomes, topics, errors) = await LinksAsync(@case, draft, ct);
        if (errors.Count > 0)
        {
            return Result<Contact>.Invalid(errors);
        }

        // Outcomes linked before may have turned invalid since; keeping such a link is not a new link (LEK-01).
        var context = await ContextAsync(@case, outcomes.Where(o => contact.Outcomes.All(l => l.OutcomeId != o.Id)), ct);
        var check = ContactRules.CheckCorrection(contact, draft, context);
        var consent = await IfdTasks.IfdTasksService.ContactConsentViolationsAsync(db, @case.Id, draft.OccurredAt, topics, outcomes.Select(o => o.OutcomeCode), ct);
        if (!check.Allowed || consent.Count > 0)
        {
            return Result<Contact>.Invalid([.. check.Violations, .. consent]);
        }

        var before = contact.Outcomes.Select(o => o.OutcomeId).ToHashSet();
        db.ContactVersions.Add(contact.Correct(draft, check.Late, clock.GetUtcNow(), user.UserId ?? string.Empty));
        var newlyLinked = contact.Outcomes.Select(o => o.OutcomeId).Where(id => !before.Contains(id)).ToHashSet();
        await RecalculateAsync(@case, [.. before, .. newlyLinked], newlyLinked, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Contact>.Conflict();
        }

        return Result<Contact>.Ok(contact, check.Prompt is { } prompt ? [prompt] : null);
    }

    /// <summary>CT-08: cancelled with a reason; it stays visible and no longer counts for continuity, LEK dates, deadlines or statistics.</summary>
    public async Task<Result<Contact>> CancelAsync(Contact contact, Case @case, string? reason, int? expectedRevision, CancellationToken ct)
    {
        if (expectedRevision is { } expected && expected != contact.Revision)
        {
            return Result<Contact>.Conflict();
        }

        var errors = contact.Cancel(reason, clock.GetUtcNow(), user.UserId ?? string.Empty, clock.Today(), profile);
        if (errors.Count > 0)
        {
            return Result<Contact>.Invalid(errors);
        }

        await RecalculateAsync(@case, [.. contact.Outcomes.Select(o => o.OutcomeId)], new HashSet<Guid>(), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Contact>.Conflict();
        }

        return Result<Contact>.Ok(contact);
    }

    /// <summary>CT-08: the versions of a contact, oldest first; the last is the present state.</summary>
    public async Task<IReadOnlyList<ContactVersion>> VersionsAsync(Contact contact, CancellationToken ct)
        => await db.ContactVersions.AsNoTracking().Where(v => v.ContactId == contact.Id).OrderBy(v => v.Version).ToListAsync(ct);

    /// <summary>LEK-02: the dates of the given LEKs from the contacts of the case that still count (tracked changes included).</summary>
    private async Task RecalculateAsync(Case @case, IReadOnlyCollection<Guid> outcomeIds, IReadOnlySet<Guid> newlyLinked, CancellationToken ct)
    {
        if (outcomeIds.Count == 0)
        {
            return;
        }

        var outcomes = await db.Outcomes.Where(o => outcomeIds.Contains(o.Id)).ToListAsync(ct);
        var contacts = await db.Contacts.Where(c => c.CaseId == @case.Id).ToListAsync(ct);
        var today = clock.Today();
        foreach (var outcome in outcomes)
        {
            var dates = contacts.Where(c => !c.IsCancelled && c.Outcomes.Any(l => l.OutcomeId == outcome.Id))
                .Select(c => DateOnly.FromDateTime(BerlinTime.ToBerlin(c.OccurredAt).DateTime)).ToList();
            outcome.Recalculate(dates, newlyLinked.Contains(outcome.Id), today);
        }
    }

    private async Task<ContactContext> ContextAsync(Case @case, IEnumerable<Outcome> outcomes, CancellationToken ct)
    {
        var hasRelease = await db.Documents.AnyAsync(d => d.CaseId == @case.Id && d.Kind == DocumentKind.ConfidentialityRelease, ct);
        return new ContactContext(@case, clock.GetUtcNow(), profile, hasRelease, outcomes.Where(o => !o.IsValid).Select(o => o.Id).ToHashSet());
    }

    /// <summary>CT-01: the topics exist and are active, the LEKs belong to the case.</summary>
    private async Task<(List<Outcome> Outcomes, List<string> Topics, List<RuleViolation> Errors)> LinksAsync(Case @case, ContactDraft draft, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        var topics = draft.TopicCodes.Distinct(StringComparer.Ordinal).ToList();
        var known = await db.CatalogueEntries.AsNoTracking()
            .Where(e => e.Catalogue == CatalogueNames.Topics && e.Active && topics.Contains(e.Code)).Select(e => e.Code).ToListAsync(ct);
        errors.AddRange(topics.Except(known).Select(code => RuleViolation.Input($"Die Aufgabe „{code}“ gibt es nicht oder sie ist stillgelegt.", "topicCodes")));

        var outcomeIds = draft.OutcomeIds.Distinct().ToList();
        var outcomes = await db.Outcomes.Where(o => o.CaseId == @case.Id && outcomeIds.Contains(o.Id)).ToListAsync(ct);
        errors.AddRange(outcomeIds.Except(outcomes.Select(o => o.Id))
            .Select(id => RuleViolation.Input($"Die LEK {id} gehört nicht zu diesem Auftrag.", "outcomeIds")));
        return (outcomes, topics, errors);
    }

    public Task<List<Contact>> ListAsync(Case @case, CancellationToken ct)
        => db.Contacts.AsNoTracking().Where(c => c.CaseId == @case.Id).OrderBy(c => c.OccurredAt).ToListAsync(ct);

    public async Task<Result<Outcome>> CreateOutcomeAsync(Case @case, string? outcomeCode, Guid? serviceFunderId, CancellationToken ct)
    {
        if (CaseRules.CheckOutcomeAllowed(@case) is { } refused)
        {
            return Result<Outcome>.Invalid(refused);
        }

        var entry = string.IsNullOrWhiteSpace(outcomeCode) ? null : await db.CatalogueEntries.AsNoTracking()
            .FirstOrDefaultAsync(e => e.Catalogue == CatalogueNames.Outcomes && e.Code == outcomeCode && e.Active, ct);
        if (entry is null)
        {
            return Result<Outcome>.Invalid([new(RuleIds.Input, "Bitte eine gültige LEK aus dem Katalog wählen.", "outcomeCode")]);
        }

        var consentErrors = await IfdTasks.IfdTasksService.OutcomeConsentViolationsAsync(db, @case.Id, entry.Code, clock.Today(), ct);
        if (consentErrors.Count > 0)
        {
            return Result<Outcome>.Invalid(consentErrors);
        }

        Funder? chosen = null;
        if (serviceFunderId is not null)
        {
            chosen = await db.Funders.Include(f => f.Releases).AsNoTracking().FirstOrDefaultAsync(f => f.Id == serviceFunderId, ct);
            if (chosen is null)
            {
                return Result<Outcome>.Invalid([new(RuleIds.Input, "Den Leistungsträger gibt es nicht.", "serviceFunderId")]);
            }
        }

        var caseFunder = @case.FunderId is null ? null : await db.Funders.AsNoTracking().FirstOrDefaultAsync(f => f.Id == @case.FunderId, ct);
        var officeFunder = await db.Funders.AsNoTracking()
            .Where(f => f.IntegrationOfficeId == @case.IntegrationOfficeId && f.Kind == FunderKind.IntegrationOffice)
            .OrderBy(f => f.Name).Select(f => (Guid?)f.Id).FirstOrDefaultAsync(ct);
        var (funderId, errors) = OutcomeFunder.Resolve(entry.PresetsCaseFunder, chosen, @case.ServiceId, caseFunder, officeFunder);
        if (errors.Count > 0)
        {
            return Result<Outcome>.Invalid(errors);
        }

        var outcome = new Outcome(@case, entry.Code, funderId, clock.GetUtcNow(), user.UserId);
        db.Outcomes.Add(outcome);
        await db.SaveChangesAsync(ct);
        return Result<Outcome>.Ok(outcome);
    }

    /// <summary>LEK-01: invalid ones stay listed; LEK-03: start-less ones are flagged in the list.</summary>
    public Task<List<Outcome>> ListOutcomesAsync(Case @case, CancellationToken ct)
        => db.Outcomes.AsNoTracking().Where(o => o.CaseId == @case.Id).OrderBy(o => o.CreatedAt).ToListAsync(ct);

    /// <summary>An LEK with its case, when the caller may see the case.</summary>
    public async Task<(Outcome Outcome, Case Case)?> FindOutcomeAsync(Guid id, CancellationToken ct)
    {
        var outcome = await db.Outcomes.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (outcome is null)
        {
            return null;
        }

        var @case = await db.Cases.AsNoTracking().Include(c => c.Deputies).FirstOrDefaultAsync(c => c.Id == outcome.CaseId, ct);
        return @case is not null && access.CanSee(@case) ? (outcome, @case) : null;
    }

    public async Task<IReadOnlyList<RuleViolation>> InvalidateAsync(Outcome outcome, string? reason, CancellationToken ct)
    {
        var errors = outcome.Invalidate(user.UserId, clock.GetUtcNow(), reason);
        if (errors.Count == 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    public async Task<IReadOnlyList<RuleViolation>> RemoveStartDateAsync(Outcome outcome, CancellationToken ct)
    {
        var errors = outcome.RemoveStartDate(clock.Today(), profile);
        if (errors.Count == 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return errors;
    }

    /// <summary>PH-P2-05: personal contacts with the client recorded while the case was in <paramref name="phase"/>.</summary>
    /// <summary>PH-P2-05: <see cref="Contact.IsPersonalWithClient"/>, in SQL.</summary>
    public IQueryable<Guid> PersonalContactsInPhase(Guid caseId, Phase phase)
        => db.Contacts
            .Where(c => c.CaseId == caseId && c.Phase == phase && c.Form == ContactForm.Personal && c.CancelledAt == null
                        && c.Participants.Any(p => p.Kind == ParticipantKind.Client))
            .Select(c => c.Id);

    /// <summary>PH-FDS-04: the contacts go beyond the written commission and are removed with the purge.</summary>
    public async Task<IReadOnlyList<string>> RemoveAllAsync(Case @case, CancellationToken ct)
    {
        var contacts = await db.Contacts.Where(c => c.CaseId == @case.Id).ToListAsync(ct);
        db.Contacts.RemoveRange(contacts);
        return Described(contacts.Select(c => c.OccurredAt));
    }

    public async Task<IReadOnlyList<string>> DescribeAllAsync(Case @case, CancellationToken ct)
        => Described(await db.Contacts.AsNoTracking().Where(c => c.CaseId == @case.Id).Select(c => c.OccurredAt).ToListAsync(ct));

    private static List<string> Described(IEnumerable<DateTimeOffset> occurredAt)
        => [.. occurredAt.Order().Select(at => "Kontakt vom " + GermanFormat.DateTime(at))];
}

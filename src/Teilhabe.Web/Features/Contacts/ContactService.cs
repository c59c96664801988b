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
        var errors = new List<RuleViolation>();
        var topics = draft.TopicCodes.Distinct(StringComparer.Ordinal).ToList();
        var known = await db.CatalogueEntries.AsNoTracking()
            .Where(e => e.Catalogue == CatalogueNames.Topics && e.Active && topics.Contains(e.Code)).Select(e => e.Code).ToListAsync(ct);
        errors.AddRange(topics.Except(known).Select(code => RuleViolation.Input($"Die Aufgabe „{code}“ gibt es nicht oder sie ist stillgelegt.", "topicCodes")));

        var outcomeIds = draft.OutcomeIds.Distinct().ToList();
        var outcomes = await db.Outcomes.Where(o => o.CaseId == @case.Id && outcomeIds.Contains(o.Id)).ToListAsync(ct);
        errors.AddRange(outcomeIds.Except(outcomes.Select(o => o.Id))
            .Select(id => RuleViolation.Input($"Die LEK {id} gehört nicht zu diesem Auftrag.", "outcomeIds")));
        if (errors.Count > 0)
        {
            return Result<Created>.Invalid(errors);
        }

        var hasRelease = await db.Documents.AnyAsync(d => d.CaseId == @case.Id && d.Kind == DocumentKind.ConfidentialityRelease, ct);
        var context = new ContactContext(@case, clock.GetUtcNow(), profile, hasRelease, outcomes.Where(o => !o.IsValid).Select(o => o.Id).ToHashSet());
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
    public async Task<int> PersonalContactsInPhaseAsync(Case @case, Phase phase, CancellationToken ct)
    {
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.CaseId == @case.Id && c.Phase == phase && c.Form == ContactForm.Personal).ToListAsync(ct);
        return contacts.Count(c => c.IsPersonalWithClient);
    }

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

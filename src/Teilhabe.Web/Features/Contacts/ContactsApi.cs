using Microsoft.AspNetCore.Http.HttpResults;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Cases;
using Teilhabe.Web.Infrastructure;

namespace Teilhabe.Web.Features.Contacts;

/// <summary>API.md "Contacts and LEK".</summary>
internal static class ContactsApi
{
    public sealed record ParticipantRequest(string? Kind, Guid? ReferenceId, string? Name);

    public sealed record ContactRequest(
        DateTimeOffset? OccurredAt, string? Form, string? Keywords, List<ParticipantRequest>? Participants, string? Note,
        List<string>? TopicCodes, List<Guid>? OutcomeIds, bool? PassesProtectedData, int? DurationMinutes = null);

    public sealed record PromptDto(string Rule, string Message);

    public sealed record CreatedContact(Guid Id, bool Late, PromptDto? Prompt);

    public sealed record ParticipantDto(string Kind, Guid? ReferenceId, string Name);

    public sealed record ContactDto(
        Guid Id, DateTimeOffset OccurredAt, string Form, string? Keywords, List<ParticipantDto> Participants, string? Note,
        List<string> TopicCodes, List<Guid> OutcomeIds, bool PassesProtectedData, bool Late, DateTimeOffset RecordedAt, string RecordedBy,
        int? DurationMinutes = null, int Version = 1, bool Corrected = false, bool Cancelled = false, string? CancellationReason = null,
        DateTimeOffset? CancelledAt = null, string? CancelledBy = null)
    {
        public static ContactDto From(Contact c, bool internalTexts) => new(
            c.Id, c.OccurredAt, FormCode(c.Form), internalTexts ? c.Keywords : null,
            [.. c.Participants.Select(p => new ParticipantDto(KindCode(p.Kind), p.ReferenceId, p.Name))], internalTexts ? c.Note : null,
            [.. c.Topics.Select(t => t.Code)], [.. c.Outcomes.Select(o => o.OutcomeId)], c.PassesProtectedData, c.Late, c.RecordedAt, c.RecordedBy,
            c.DurationMinutes, c.Revision, c.IsCorrected, c.IsCancelled, internalTexts ? c.CancellationReason : null, c.CancelledAt, c.CancelledBy);
    }

    public sealed record VersionDto(
        int Version, DateTimeOffset ChangedAt, string ChangedBy, string? Keywords, string? Note, List<string> TopicCodes, List<Guid> OutcomeIds,
        DateTimeOffset OccurredAt, string Form, List<string> Participants);

    public sealed record CancellationRequest(string? Reason);

    public sealed record OutcomeRequest(string? OutcomeCode, Guid? ServiceFunderId);

    public sealed record CreatedOutcome(Guid Id);

    public sealed record OutcomeDto(
        Guid Id, string OutcomeCode, Guid? ServiceFunderId, DateOnly? StartDate, DateOnly? EndDate, bool Valid, bool WithoutStartDate,
        DateTimeOffset? InvalidatedAt, string? InvalidatedBy, string? InvalidationReason)
    {
        public static OutcomeDto From(Outcome o) => new(o.Id, o.OutcomeCode, o.ServiceFunderId, o.StartDate, o.EndDate, o.IsValid, o.LacksStartDate,
            o.InvalidatedAt, o.InvalidatedBy, o.InvalidationReason);
    }

    public sealed record InvalidateRequest(string? Reason);

    public static RouteGroupBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Contacts").RequireAuthorization(PlatformSetup.ApiPolicy);
        group.MapPost("/cases/{id:guid}/contacts", CreateAsync);
        group.MapGet("/cases/{id:guid}/contacts", ListAsync);
        group.MapGet("/contacts/{id:guid}", GetAsync);
        group.MapPut("/contacts/{id:guid}", CorrectAsync);
        group.MapGet("/contacts/{id:guid}/versions", VersionsAsync);
        group.MapPost("/contacts/{id:guid}/cancellation", CancelAsync);
        group.MapPost("/cases/{id:guid}/outcomes", CreateOutcomeAsync);
        group.MapGet("/cases/{id:guid}/outcomes", ListOutcomesAsync);
        group.MapPost("/outcomes/{id:guid}/invalidate", InvalidateAsync);
        group.MapDelete("/outcomes/{id:guid}", DeleteRefused).ProducesProblem(StatusCodes.Status405MethodNotAllowed);
        group.MapDelete("/outcomes/{id:guid}/start-date", RemoveStartDateAsync);
        return group;
    }

    public static string FormCode(ContactForm form) => form switch
    {
        ContactForm.Personal => "personal",
        ContactForm.Phone => "phone",
        ContactForm.Written => "written",
        _ => "electronic",
    };

    public static string KindCode(ParticipantKind kind) => kind switch
    {
        ParticipantKind.Client => "client",
        ParticipantKind.InstitutionContact => "institution-contact",
        ParticipantKind.FunderContact => "funder-contact",
        _ => "other",
    };

    private static async Task<Results<Created<CreatedContact>, NotFound, ForbidHttpResult, ProblemHttpResult>> CreateAsync(
        Guid id, ContactRequest r, CaseService cases, CaseAccess access, ContactService contacts, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return TypedResults.Forbid();
        }

        var (draft, input) = ToDraft(r);
        if (input.Count > 0)
        {
            return ApiResults.InputErrors(input);
        }

        var (created, errors) = await contacts.CreateAsync(@case, draft, ct);
        if (created is null)
        {
            return ApiResults.Violations(errors);
        }

        var prompt = created.Prompt is { } p ? new PromptDto(p.Rule, p.Message) : null;
        return TypedResults.Created($"/api/v1/cases/{id}/contacts", new CreatedContact(created.Contact.Id, created.Contact.Late, prompt));
    }

    private static (ContactDraft Draft, List<RuleViolation> Errors) ToDraft(ContactRequest r)
    {
        var errors = new List<RuleViolation>();
        ContactForm? form = r.Form switch
        {
            null => null,
            "personal" => ContactForm.Personal,
            "phone" => ContactForm.Phone,
            "written" => ContactForm.Written,
            "electronic" => ContactForm.Electronic,
            _ => null,
        };
        if (r.Form is not null && form is null)
        {
            errors.Add(new(RuleIds.Input, "Die Kontaktform ist personal, phone, written oder electronic.", "form"));
        }

        var participants = new List<ParticipantDraft>();
        foreach (var p in r.Participants ?? [])
        {
            ParticipantKind? kind = p.Kind switch
            {
                "client" => ParticipantKind.Client,
                "institution-contact" => ParticipantKind.InstitutionContact,
                "funder-contact" => ParticipantKind.FunderContact,
                "other" => ParticipantKind.Other,
                _ => null,
            };
            if (kind is null || string.IsNullOrWhiteSpace(p.Name))
            {
                errors.Add(new(RuleIds.Input, "Jede beteiligte Person braucht eine Art (client, institution-contact, funder-contact, other) und einen Namen.", "participants"));
                continue;
            }

            participants.Add(new(kind.Value, p.ReferenceId, p.Name));
        }

        if (r.Keywords?.Length > 500 || r.Note?.Length > 8000)
        {
            errors.Add(new(RuleIds.Input, "Stichworte höchstens 500, Notiz höchstens 8000 Zeichen.", "note"));
        }

        if (r.DurationMinutes is < 1 or > 1440)
        {
            errors.Add(new(RuleIds.Input, "Die Dauer des Kontakts liegt zwischen 1 und 1440 Minuten.", "durationMinutes"));
        }

        var draft = new ContactDraft(r.OccurredAt, form, r.Keywords, participants, r.Note,
            [.. (r.TopicCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c))], r.OutcomeIds ?? [], r.PassesProtectedData ?? false, r.DurationMinutes);
        return (draft, errors);
    }

    private static async Task<Results<Ok<List<ContactDto>>, NotFound>> ListAsync(Guid id, CaseService cases, CaseAccess access, ContactService contacts, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        // ACC-07: InA-Koordination sees the contacts but not the free-text notes (ACC-08: except during an incident access).
        var internalTexts = access.SeesContactNotes(@case);
        return TypedResults.Ok((await contacts.ListAsync(@case, ct)).Select(c => ContactDto.From(c, internalTexts)).ToList());
    }

    private static async Task<Results<Ok<ContactDto>, NotFound>> GetAsync(Guid id, CaseAccess access, ContactService contacts, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        if (await contacts.FindAsync(id, ct) is not var (contact, @case))
        {
            return TypedResults.NotFound();
        }

        await audit.ReadAsync(nameof(Contact), contact.Id, contact.ServiceId, ct, clientId: contact.ClientId, caseId: contact.CaseId, reason: access.AuditReason(@case));
        http.Response.Headers.ETag = ETags.Of(contact.Revision);
        return TypedResults.Ok(ContactDto.From(contact, access.SeesContactNotes(@case)));
    }

    /// <summary>CT-08: a correction within CT-03's window (422 CT-03 after it); If-Match with the contact's ETag (409 when stale).</summary>
    private static async Task<Results<Ok<ContactDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> CorrectAsync(
        Guid id, ContactRequest r, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "If-Match")] string? ifMatch, CaseAccess access, ContactService contacts, HttpContext http, CancellationToken ct)
    {
        if (await contacts.FindAsync(id, ct) is not var (contact, @case))
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return TypedResults.Forbid();
        }

        if (!ETags.TryParseIfMatch(ifMatch, out var expected))
        {
            return ApiResults.Input("If-Match", "If-Match muss das ETag aus GET /api/v1/contacts/{id} enthalten.");
        }

        var (draft, input) = ToDraft(r);
        if (input.Count > 0)
        {
            return ApiResults.InputErrors(input);
        }

        var result = await contacts.CorrectAsync(contact, @case, draft, expected, ct);
        if (!result.Succeeded)
        {
            return ApiResults.Problem(result);
        }

        http.Response.Headers.ETag = ETags.Of(contact.Revision);
        return TypedResults.Ok(ContactDto.From(contact, true));
    }

    /// <summary>CT-08: every version (who, when, what), oldest first; the last is the present state.</summary>
    private static async Task<Results<Ok<List<VersionDto>>, NotFound>> VersionsAsync(Guid id, CaseAccess access, ContactService contacts, AuditLog audit, CancellationToken ct)
    {
        if (await contacts.FindAsync(id, ct) is not var (contact, @case))
        {
            return TypedResults.NotFound();
        }

        await audit.ReadAsync(nameof(ContactVersion), contact.Id, contact.ServiceId, ct, clientId: contact.ClientId, caseId: contact.CaseId, reason: access.AuditReason(@case));
        var texts = access.SeesContactNotes(@case);
        var list = (await contacts.VersionsAsync(contact, ct)).Select(v => new VersionDto(
            v.Version, v.ChangedAt, v.ChangedBy, texts ? v.Keywords : null, texts ? v.Note : null, [.. v.Topics], [.. v.Outcomes], v.OccurredAt, FormCode(v.Form), [.. v.ParticipantNames])).ToList();
        list.Add(new VersionDto(contact.Revision, contact.CorrectedAt ?? contact.RecordedAt, contact.CorrectedBy ?? contact.RecordedBy,
            texts ? contact.Keywords : null, texts ? contact.Note : null, [.. contact.Topics.Select(t => t.Code)], [.. contact.Outcomes.Select(o => o.OutcomeId)],
            contact.OccurredAt, FormCode(contact.Form), [.. contact.Participants.Select(p => p.Name)]));
        return TypedResults.Ok(list);
    }

    /// <summary>CT-08: cancelled with a reason (422 CT-03 after the window); an If-Match, when sent, must be the contact's ETag (409 when stale).</summary>
    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> CancelAsync(
        Guid id, CancellationRequest r, [Microsoft.AspNetCore.Mvc.FromHeader(Name = "If-Match")] string? ifMatch, CaseAccess access, ContactService contacts, CancellationToken ct)
    {
        if (await contacts.FindAsync(id, ct) is not var (contact, @case))
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return TypedResults.Forbid();
        }

        if (!ETags.TryParseIfMatch(ifMatch, out var expected))
        {
            return ApiResults.Input("If-Match", "If-Match muss das ETag aus GET /api/v1/contacts/{id} enthalten.");
        }

        var result = await contacts.CancelAsync(contact, @case, r.Reason, expected, ct);
        return result.Succeeded ? TypedResults.NoContent() : ApiResults.Problem(result);
    }

    private static async Task<Results<Created<CreatedOutcome>, NotFound, ForbidHttpResult, ProblemHttpResult>> CreateOutcomeAsync(
        Guid id, OutcomeRequest r, CaseService cases, CaseAccess access, ContactService contacts, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct);
        if (@case is null)
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return TypedResults.Forbid();
        }

        var (outcome, errors) = await contacts.CreateOutcomeAsync(@case, r.OutcomeCode, r.ServiceFunderId, ct);
        return outcome is null
            ? ApiResults.Violations(errors)
            : TypedResults.Created($"/api/v1/cases/{id}/outcomes", new CreatedOutcome(outcome.Id));
    }

    private static async Task<Results<Ok<List<OutcomeDto>>, NotFound>> ListOutcomesAsync(Guid id, CaseService cases, ContactService contacts, CancellationToken ct)
    {
        var @case = await cases.GetAsync(id, ct);
        return @case is null
            ? TypedResults.NotFound()
            : TypedResults.Ok((await contacts.ListOutcomesAsync(@case, ct)).Select(OutcomeDto.From).ToList());
    }

    private static async Task<Results<Ok<OutcomeDto>, NotFound, ForbidHttpResult, ProblemHttpResult>> InvalidateAsync(
        Guid id, InvalidateRequest r, CaseAccess access, ContactService contacts, CancellationToken ct)
    {
        if (await contacts.FindOutcomeAsync(id, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(found.Case))
        {
            return TypedResults.Forbid();
        }

        var errors = await contacts.InvalidateAsync(found.Outcome, r.Reason, ct);
        return errors.Count > 0 ? ApiResults.Violations(errors) : TypedResults.Ok(OutcomeDto.From(found.Outcome));
    }

    /// <summary>LEK-01: an LEK is never deleted, only declared invalid.</summary>
    private static ProblemHttpResult DeleteRefused(Guid id, HttpContext http)
    {
        http.Response.Headers.Allow = "POST";
        return ApiResults.Status(StatusCodes.Status405MethodNotAllowed, Outcome.NeverDeleted());
    }

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> RemoveStartDateAsync(
        Guid id, CaseAccess access, ContactService contacts, CancellationToken ct)
    {
        if (await contacts.FindOutcomeAsync(id, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        if (!access.CanEdit(found.Case))
        {
            return TypedResults.Forbid();
        }

        var errors = await contacts.RemoveStartDateAsync(found.Outcome, ct);
        return errors.Count > 0 ? ApiResults.Violations(errors) : TypedResults.NoContent();
    }
}

using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Features.Clients;

/// <summary>
/// CL-03 for pages and API: corrects or removes a proof of disability, a disability or an employment situation of a
/// client. The same checks as when adding (ClientService), the client's version as concurrency check (409), the
/// earlier values kept as <see cref="ClientRecordChange"/>, a removal audited with its reason (ACC-09).
/// </summary>
internal sealed class ClientCorrectionService(TeilhabeDbContext db, ClientService clients, AuditLog audit, ICurrentUser current, TimeProvider clock)
{
    public sealed record EvidenceInput(EvidenceKind? Kind, DateOnly? NoticeDate, DateOnly? EffectiveFrom, int? Degree, DateOnly? ValidUntil);

    public sealed record DisabilityInput(string? CategoryCode, string? Description, bool Recognised, bool CareRelevant);

    public sealed record EmploymentInput(string? KindCode, DateOnly? From, Guid? InstitutionId);

    public sealed record ChangeRow(ClientRecordChange Change, string ChangedBy);

    public async Task<Result<Client>> CorrectEvidenceAsync(Guid clientId, Guid evidenceId, int? expectedVersion, EvidenceInput input, CancellationToken ct)
    {
        var (client, failure) = await LoadAsync(clientId, ClientRecordKind.DisabilityEvidence, evidenceId, expectedVersion, ct);
        if (client is null)
        {
            return failure!;
        }

        var errors = clients.CheckEvidence(input.Kind, input.NoticeDate, input.EffectiveFrom, input.Degree);
        if (errors.Count > 0)
        {
            return Result<Client>.Invalid(errors);
        }

        db.ClientRecordChanges.Add(client.CorrectEvidence(evidenceId, input.Kind!.Value, input.NoticeDate!.Value, input.EffectiveFrom, input.Degree, input.ValidUntil, clock.GetUtcNow(), By));
        return await SaveAsync(client, ct);
    }

    public async Task<Result<Client>> CorrectDisabilityAsync(Guid clientId, Guid disabilityId, int? expectedVersion, DisabilityInput input, CancellationToken ct)
    {
        var (client, failure) = await LoadAsync(clientId, ClientRecordKind.Disability, disabilityId, expectedVersion, ct);
        if (client is null)
        {
            return failure!;
        }

        var errors = await clients.CheckDisabilityAsync(input.CategoryCode, input.Description, ct);
        if (errors.Count > 0)
        {
            return Result<Client>.Invalid(errors);
        }

        db.ClientRecordChanges.Add(client.CorrectDisability(disabilityId, input.CategoryCode!, input.Description!, input.Recognised, input.CareRelevant, clock.GetUtcNow(), By));
        return await SaveAsync(client, ct);
    }

    public async Task<Result<Client>> CorrectEmploymentAsync(Guid clientId, Guid situationId, int? expectedVersion, EmploymentInput input, CancellationToken ct)
    {
        var (client, failure) = await LoadAsync(clientId, ClientRecordKind.EmploymentSituation, situationId, expectedVersion, ct);
        if (client is null)
        {
            return failure!;
        }

        var errors = await clients.CheckEmploymentAsync(input.KindCode, input.From, input.InstitutionId, ct);
        if (errors.Count > 0)
        {
            return Result<Client>.Invalid(errors);
        }

        db.ClientRecordChanges.Add(client.CorrectEmployment(situationId, input.KindCode!, input.From!.Value, input.InstitutionId, clients.Today, clock.GetUtcNow(), By));
        return await SaveAsync(client, ct);
    }

    /// <summary>CL-03: removes the record with a reason; the audit row of the removal carries the reason.</summary>
    public async Task<Result<Client>> RemoveAsync(Guid clientId, ClientRecordKind kind, Guid recordId, int? expectedVersion, string? reason, CancellationToken ct)
    {
        var (client, failure) = await LoadAsync(clientId, kind, recordId, expectedVersion, ct);
        if (client is null)
        {
            return failure!;
        }

        var now = clock.GetUtcNow();
        var (change, errors) = client.Remove(kind, recordId, reason, now, By);
        if (change is null)
        {
            return Result<Client>.Invalid(errors);
        }

        db.ClientRecordChanges.Add(change);
        audit.Stage(AuditActions.Delete, EntityName(kind), recordId.ToString(), now, serviceId: client.ServiceId, clientId: client.Id,
            reason: $"CL-03 entfernt (frühere Angaben und Grund in der Änderung {change.Id})");
        return await SaveAsync(client, ct);
    }

    /// <summary>The corrections and removals of the client's records, newest first, with the name of who made them.</summary>
    public async Task<List<ChangeRow>> ChangesAsync(Guid clientId, CancellationToken ct)
    {
        var changes = await db.ClientRecordChanges.AsNoTracking().Where(c => c.ClientId == clientId).ToListAsync(ct);
        var userIds = changes.Select(c => c.ChangedBy).ToHashSet();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. changes.OrderByDescending(c => c.ChangedAt).Select(c => new ChangeRow(c, names.GetValueOrDefault(c.ChangedBy, c.ChangedBy)))];
    }

    public static string EntityName(ClientRecordKind kind) => kind switch
    {
        ClientRecordKind.DisabilityEvidence => nameof(DisabilityEvidence),
        ClientRecordKind.Disability => nameof(Disability),
        _ => nameof(EmploymentSituation),
    };

    private string By => current.UserId ?? string.Empty;

    /// <summary>The client with its records, if the caller may see it and it holds the record; a stale version is a conflict.</summary>
    private async Task<(Client? Client, Result<Client>? Failure)> LoadAsync(Guid clientId, ClientRecordKind kind, Guid recordId, int? expectedVersion, CancellationToken ct)
    {
        var client = await db.Clients.Include(c => c.Evidence).Include(c => c.Disabilities).Include(c => c.Employment).AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null || !client.Holds(kind, recordId))
        {
            return (null, Result<Client>.NotFound());
        }

        return expectedVersion is not null && expectedVersion != client.Version ? (null, Result<Client>.Conflict()) : (client, null);
    }

    private async Task<Result<Client>> SaveAsync(Client client, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Client>.Conflict();
        }

        return Result<Client>.Ok(client);
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Data;

namespace Teilhabe.Web.Features.Contacts;

/// <summary>
/// Server-side drafts of the contact form ("nothing lost"): one per user and case, readable only by its owner,
/// in the owner's service (tenant filter).
/// </summary>
internal sealed class ContactDraftStore(TeilhabeDbContext db, ICurrentUser user, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(ContactEntryForm Form, DateTimeOffset UpdatedAt)?> FindAsync(Guid caseId, CancellationToken ct)
    {
        if (user.UserId is not { } owner)
        {
            return null;
        }

        var draft = await db.ContactEntryDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.CaseId == caseId && d.UserId == owner, ct);
        if (draft is null)
        {
            return null;
        }

        var form = JsonSerializer.Deserialize<ContactEntryForm>(draft.FieldsJson, Json) ?? new ContactEntryForm();
        return (form, draft.UpdatedAt);
    }

    public async Task<DateTimeOffset?> SaveAsync(Case @case, ContactEntryForm form, CancellationToken ct)
    {
        if (user.UserId is not { } owner)
        {
            return null;
        }

        var json = JsonSerializer.Serialize(form, Json);
        var now = clock.GetUtcNow();
        var draft = await db.ContactEntryDrafts.FirstOrDefaultAsync(d => d.CaseId == @case.Id && d.UserId == owner, ct);
        if (draft is null)
        {
            db.ContactEntryDrafts.Add(new ContactEntryDraft(@case.ServiceId, @case.IntegrationOfficeId, owner, @case.Id, json, now));
        }
        else
        {
            draft.Update(json, now);
        }

        await db.SaveChangesAsync(ct);
        return now;
    }

    public async Task DeleteAsync(Guid caseId, CancellationToken ct)
    {
        if (user.UserId is not { } owner)
        {
            return;
        }

        await db.ContactEntryDrafts.Where(d => d.CaseId == caseId && d.UserId == owner).ExecuteDeleteAsync(ct);
    }
}

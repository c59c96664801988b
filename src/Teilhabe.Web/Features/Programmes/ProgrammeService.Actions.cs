using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Programmes;
using Teilhabe.Core.Rules;
using Teilhabe.Web.Features.Documents;

namespace Teilhabe.Web.Features.Programmes;

/// <summary>
/// PRG-TR-07 aftercare contacts, PRG-TR-08 placement prospect, ending a participation (PRG-TR-05), moving up from the
/// waiting list (PRG-TR-01) and the signed participation contract (PRG-TR-04). Changes are audited by the entity
/// audit (ACC-09); the contract download is an audited read.
/// </summary>
internal sealed partial class ProgrammeService
{
    public sealed record ContractUpload(string FileName, Stream Content, long Length);

    public sealed record ContractFile(string FileName, string ContentType, byte[] Content);

    /// <summary>PRG-TR-07: an aftercare contact with the participant or the employer, between job start and aftercare end.</summary>
    public async Task<Result<AftercareContact>> AddAftercareContactAsync(Guid id, DateOnly? on, string? with, string? form, string? note, CancellationToken ct)
    {
        AftercareContact? contact = null;
        var result = await ChangeAsync(id, (p, _) =>
        {
            var party = ParticipationActionRules.ParseParty(with);
            var contactForm = ParticipationActionRules.ParseForm(form);
            var errors = ParticipationActionRules.CheckAftercareContact(p, on, party, contactForm, note, Today);
            if (errors.Count == 0)
            {
                contact = p.AddAftercareContact(on!.Value, party!.Value, contactForm!.Value, note, current.UserId, clock.GetUtcNow());

                // An owned row leaves the participation unmodified, so the entity audit would not see it: staged here (ACC-09).
                audit.Stage(AuditActions.Create, nameof(AftercareContact), contact.Id.ToString(), contact.RecordedAt, serviceId: p.ServiceId, clientId: p.ClientId,
                    reason: $"{ProgrammeRules.Aftercare} Teilnahme {p.Id}");
            }

            return errors;
        }, ct);
        return result.Succeeded ? Result<AftercareContact>.Ok(contact!) : result.Fail<AftercareContact>();
    }

    /// <summary>PRG-TR-08: the placement prospect within <see cref="ProgrammeRules.ProspectMonths"/> months, with the day of the assessment.</summary>
    public Task<Result<Participation>> SetProspectAsync(Guid id, bool? prospect, DateOnly? on, CancellationToken ct)
        => ChangeAsync(id, (p, _) =>
        {
            var day = on ?? Today;
            var errors = ParticipationActionRules.CheckProspect(p, prospect, day, Today);
            if (errors.Count == 0)
            {
                p.SetPlacementProspect(prospect!.Value, day);
            }

            return errors;
        }, ct);

    /// <summary>PRG-TR-05: ends the participation with a reason; its place is free for the waiting list (PRG-TR-01).</summary>
    public Task<Result<Participation>> EndAsync(Guid id, DateOnly? on, string? reason, string? note, CancellationToken ct)
        => ChangeAsync(id, (p, _) =>
        {
            var parsed = ParticipationActionRules.ParseEndReason(reason);
            var errors = ParticipationActionRules.CheckEnd(p, on, parsed, note, Today);
            if (errors.Count == 0)
            {
                p.End(on!.Value, parsed!.Value, note);
            }

            return errors;
        }, ct);

    /// <summary>PRG-TR-01: the ProgrammeLead moves the first of the waiting list (by referral date) into a free place.</summary>
    public async Task<Result<Participation>> MoveUpAsync(Guid programmeId, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programmeId, ct);
        if (programme is null)
        {
            return Result<Participation>.NotFound();
        }

        if (!IsLead)
        {
            return Result<Participation>.Forbidden();
        }

        var waiting = await db.Participations.Where(p => p.ProgrammeId == programmeId && p.Status == ParticipationStatus.Waiting).ToListAsync(ct);
        var next = ParticipationActionRules.NextFromWaitingList(waiting);
        var errors = ParticipationActionRules.CheckMoveUp(next, await PlacesUsedAsync(programmeId, ct), programme.YearlyPlaces);
        if (errors.Count > 0)
        {
            return Result<Participation>.Invalid(errors);
        }

        next!.MoveUp(current.UserId, Today);
        await db.SaveChangesAsync(ct);
        return Result<Participation>.Ok(next);
    }

    /// <summary>The first of the waiting list and whether a place is free (for the programme page's „Nachrücken“).</summary>
    public static Participation? NextWaiting(IEnumerable<ParticipationRow> rows)
        => ParticipationActionRules.NextFromWaitingList(rows.Select(r => r.Participation));

    /// <summary>The upload limit of the profile (DOC-01), for the form's hint.</summary>
    public string MaxUploadText => profile.MaxUploadText;

    /// <summary>Whether the caller sees the participation at all (asked before an upload's body is read).</summary>
    public Task<bool> IsVisibleAsync(Guid id, CancellationToken ct) => db.Participations.AnyAsync(p => p.Id == id, ct);

    /// <summary>
    /// PRG-TR-04: the signed participation contract, checked like every upload (DOC-01: size of the profile, real
    /// content type), stored in the document store; a replaced contract's file is removed after the new one is saved.
    /// </summary>
    public async Task<Result<Participation>> UploadContractAsync(Guid id, DateOnly? signedOn, ContractUpload? file, CancellationToken ct)
    {
        byte[]? bytes = null;
        string? contentType = null;
        var fileErrors = new List<RuleViolation>();
        if (file is null)
        {
            fileErrors.Add(RuleViolation.Input("Es wurde keine Datei übertragen.", "file"));
        }
        else if (file.Length > profile.MaxUploadBytes)
        {
            fileErrors.Add(UploadRules.TooLarge(file.FileName, file.Length, profile.MaxUploadText));
        }
        else if (file.Length == 0)
        {
            fileErrors.Add(UploadRules.Empty(file.FileName));
        }
        else
        {
            bytes = new byte[file.Length];
            await file.Content.ReadExactlyAsync(bytes, ct);
            (contentType, var refused) = ContentSniffer.Inspect(bytes, file.FileName);
            if (contentType is null)
            {
                fileErrors.Add(refused!);
            }
        }

        var key = $"{clock.GetUtcNow().Year}/{Guid.CreateVersion7():N}";
        var written = false;
        string? replaced = null;
        try
        {
            var result = await ChangeAsync(id, (p, _) =>
            {
                var errors = ParticipationActionRules.CheckContract(p, signedOn, Today);
                errors.AddRange(fileErrors);
                if (errors.Count > 0)
                {
                    return errors;
                }

                replaced = p.AttachContract(signedOn!.Value, SafeName(file!.FileName), contentType!, bytes!.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), key, clock.GetUtcNow(), current.UserId);
                return [];
            }, ct, beforeSave: async () =>
            {
                await store.SaveAsync(key, bytes!, ct);
                written = true;
            });
            if (result.Succeeded && replaced is not null)
            {
                await store.DeleteAsync(replaced, CancellationToken.None);
            }

            return result;
        }
        catch
        {
            if (written)
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }

            throw;
        }
    }

    /// <summary>PRG-TR-04: the stored contract for download (404 without one); the read is audited.</summary>
    public async Task<ContractFile?> OpenContractAsync(Guid id, CancellationToken ct)
    {
        var p = await db.Participations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p?.ContractStorageKey is null || await store.ReadAsync(p.ContractStorageKey, ct) is not { } content)
        {
            return null;
        }

        await audit.ReadAsync("ParticipationContract", p.Id, p.ServiceId, ct, clientId: p.ClientId);
        return new(p.ContractFileName ?? "teilnahmevertrag", p.ContractContentType ?? "application/octet-stream", content);
    }

    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var cleaned = new string([.. file.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))]).Trim();
        if (cleaned.Length == 0)
        {
            cleaned = "teilnahmevertrag";
        }

        return cleaned.Length > 200 ? cleaned[^200..] : cleaned;
    }
}

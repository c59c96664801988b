using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Catalogues;
using Teilhabe.Web.Features.Documents;

namespace Teilhabe.Web.Features.Forms;

/// <summary>
/// DOC-04: the maintained versions of the three forms with their PDF templates to print. Everyone signed in reads and
/// downloads them; InA-Koordination and administrators upload or replace a template (audited as entity changes).
/// </summary>
internal sealed class FormTemplateService(TeilhabeDbContext db, IDocumentStore store, ICurrentUser user, TimeProvider clock, StateProfile profile)
{
    public sealed record Row(string Form, string FormLabel, string Code, string Label, DateOnly? ValidFrom, bool Active, bool ValidToday, FormTemplate? Template);

    public bool MayMaintain => user.IsInRole(Roles.IntegrationOfficeCoordinator) || user.IsInRole(Roles.Administrator);

    public async Task<List<Row>> ListAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var entries = await db.CatalogueEntries.AsNoTracking().Where(e => e.Catalogue == CatalogueNames.FormVersions).ToListAsync(ct);
        var templates = await db.FormTemplates.AsNoTracking().ToListAsync(ct);
        var rows = new List<Row>();
        foreach (var (form, label) in CataloguePages.Forms)
        {
            var valid = await FormVersions.ValidAsync(db, profile, form, today, ct);
            rows.AddRange(entries.Where(e => e.Form == form).OrderByDescending(e => e.ValidFrom).Select(e => new Row(
                form, label, e.Code, e.Label, e.ValidFrom, e.Active, e.Code == valid,
                templates.FirstOrDefault(t => t.Form == form && t.VersionCode == e.Code))));
        }

        return rows;
    }

    /// <summary>Stores (or replaces) the template of one form version: a PDF, checked by its content.</summary>
    public async Task<Result<FormTemplate>> UploadAsync(string? form, string? code, DocumentService.Upload? file, CancellationToken ct)
    {
        if (!MayMaintain)
        {
            return Result<FormTemplate>.Invalid(RoleRefusals.MaintainFormTemplates);
        }

        var exists = form is not null && code is not null && await db.CatalogueEntries.AnyAsync(
            e => e.Catalogue == CatalogueNames.FormVersions && e.Form == form && e.Code == code, ct);
        if (!exists)
        {
            return Result<FormTemplate>.Invalid(new RuleViolation(RuleIds.Input, "Bitte eine gepflegte Fassung eines der drei Vordrucke wählen.", "version"));
        }

        if (file is null)
        {
            return Result<FormTemplate>.Invalid(new RuleViolation(RuleIds.Input, "Bitte die PDF-Datei des Vordrucks auswählen.", "file"));
        }

        var bytes = Array.Empty<byte>();
        if (file.Length is > 0 and <= FormVersionRules.MaxTemplateBytes)
        {
            bytes = new byte[file.Length];
            await file.Content.ReadExactlyAsync(bytes, ct);
        }

        var isPdf = bytes.Length > 0 && ContentSniffer.Detect(bytes) == "application/pdf";
        if (FormVersionRules.CheckTemplate(file.FileName, file.Length, isPdf) is { } refused)
        {
            return Result<FormTemplate>.Invalid(refused);
        }

        var key = $"forms/{Guid.CreateVersion7():N}";
        await store.SaveAsync(key, bytes, ct);
        var previous = await db.FormTemplates.FirstOrDefaultAsync(t => t.Form == form && t.VersionCode == code, ct);
        if (previous is not null)
        {
            db.FormTemplates.Remove(previous);
            await db.SaveChangesAsync(ct);
        }

        var template = new FormTemplate(form!, code!, Path.GetFileName(file.FileName), bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), key, clock.GetUtcNow(), user.UserId);
        db.FormTemplates.Add(template);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            await store.DeleteAsync(key, CancellationToken.None);
            throw;
        }

        if (previous is not null)
        {
            await store.DeleteAsync(previous.StorageKey, CancellationToken.None);
        }

        return Result<FormTemplate>.Ok(template);
    }

    public async Task<(FormTemplate Template, byte[] Content)?> OpenAsync(Guid id, CancellationToken ct)
    {
        var template = await db.FormTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        return template is not null && await store.ReadAsync(template.StorageKey, ct) is { } content ? (template, content) : null;
    }
}

using System.Globalization;
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

namespace Teilhabe.Web.Features.Cases;

/// <summary>Cases for pages and API: create, read (audited), list, edit with concurrency, Merkblatt, agreements.</summary>
internal sealed class CaseService(
    TeilhabeDbContext db, AuditLog audit, ICurrentUser user, CaseAccess access, TimeProvider clock, CatalogueService catalogues, Teilhabe.Core.Profiles.StateProfile profile)
{
    /// <summary>
    /// A new case. <paramref name="Successor"/>: opened by a guided action that closes its predecessor (BA-ST-01 from the
    /// job start, which may lie ahead; PH-P3-02 on the day of the change): that action has checked its date, so the
    /// CT-03 window for a case entered by hand does not apply.
    /// </summary>
    public sealed record CreateInput(Guid? ClientId, string? CareTypeCode, Guid? FunderId, string? LegalBasisCode, string? CaseGroupCode, string? ReferringBodyCode, Guid? ParentCaseId, string? CaseworkerId = null, DateOnly? StartDate = null, bool Successor = false);

    /// <summary>
    /// The case list's filters. <paramref name="OpenExpertStatements"/>: open FDS cases (FP1, FP3);
    /// <paramref name="WithoutContact"/>: open P1–P3 cases without a documented contact for the CT-05 gap (team overview).
    /// </summary>
    public sealed record Filter(
        Guid? ClientId, Phase? Phase, string? CaseworkerId, string? CareTypeCode, Guid? FunderId, bool? Overdue,
        bool OpenExpertStatements = false, bool WithoutContact = false);

    public DateOnly Today => clock.Today();

    public async Task<Result<Case>> CreateAsync(CreateInput input, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        if (user.ServiceId is not { } serviceId || user.IntegrationOfficeId is not { } officeId)
        {
            return Result<Case>.Invalid(RoleRefusals.CreateCase);
        }

        var client = input.ClientId is null ? null : await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == input.ClientId, ct);
        if (client is null)
        {
            errors.Add(Input("clientId", "Bitte eine Klientin / einen Klienten des eigenen IFD wählen."));
        }

        if (!input.Successor)
        {
            errors.AddRange(Case.CheckStartDate(input.StartDate ?? Today, Today, profile));
        }

        input = await WithSupportedEmploymentPresetsAsync(input, ct);
        await ValidateSettingsAsync(input.CareTypeCode, input.FunderId, input.LegalBasisCode, input.CaseGroupCode, input.ReferringBodyCode, errors, ct);

        Case? parent = null;
        if (input.ParentCaseId is not null)
        {
            parent = await db.Cases.Include(c => c.Deputies).FirstOrDefaultAsync(c => c.Id == input.ParentCaseId, ct);
            if (parent is null || !access.CanSee(parent))
            {
                errors.Add(Input("parentCaseId", "Der Hauptauftrag wurde nicht gefunden."));
            }
            else if (CaseRules.CheckSubCase(parent, input.CareTypeCode, input.LegalBasisCode) is { } subCase)
            {
                errors.Add(subCase);
            }
            else if (parent.ClientId != input.ClientId)
            {
                errors.Add(Input("parentCaseId", "Der Zusatzauftrag gehört zur selben Person wie der Hauptauftrag."));
            }
        }

        var caseworker = input.CaseworkerId ?? user.UserId!;
        if (input.CaseworkerId is not null && input.CaseworkerId != user.UserId
            && !(user.IsInRole(Roles.ServiceLead) && await db.Users.AnyAsync(u => u.Id == input.CaseworkerId && u.ServiceId == serviceId, ct)))
        {
            errors.Add(Input("caseworkerId", "Die zuständige Fachkraft muss zum eigenen IFD gehören; eine andere Fachkraft kann nur die Leitung eintragen."));
        }

        if (errors.Count > 0)
        {
            return Result<Case>.Invalid(errors);
        }

        var number = await NextNumberAsync(serviceId, ct);
        var @case = new Case(serviceId, officeId, client!.Id, number, caseworker, input.StartDate ?? Today,
            new CaseSettings(input.FunderId, input.CareTypeCode, input.LegalBasisCode, input.CaseGroupCode, input.ReferringBodyCode, input.ParentCaseId));
        db.Cases.Add(@case);
        await db.SaveChangesAsync(ct);
        return Result<Case>.Ok(@case);
    }

    /// <summary>Loads a case the user may see; the read is audited (ACC-09).</summary>
    public async Task<Case?> GetAsync(Guid id, CancellationToken ct, bool tracked = false)
    {
        // One statement: a case has a handful of phase changes, agreements and deputies, so the joined rows stay few.
        var query = db.Cases.Include(c => c.History).Include(c => c.Agreements).Include(c => c.Deputies).AsSingleQuery();
        var @case = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null || !access.CanSee(@case))
        {
            return null;
        }

        await access.LoadIncidentAsync(@case, ct);
        await audit.ReadAsync(nameof(Case), @case.Id, @case.ServiceId, ct, clientId: @case.ClientId, caseId: @case.Id, reason: access.AuditReason(@case));
        return @case;
    }

    public async Task<(List<Case> Items, int Total)> ListAsync(Filter filter, int page, int pageSize, CancellationToken ct)
    {
        var query = access.Visible(db.Cases.AsNoTracking());
        if (filter.ClientId is { } clientId)
        {
            query = query.Where(c => c.ClientId == clientId);
        }

        if (filter.Phase is { } phase)
        {
            query = query.Where(c => c.Phase == phase);
        }

        if (!string.IsNullOrEmpty(filter.CaseworkerId))
        {
            query = query.Where(c => c.CaseworkerId == filter.CaseworkerId);
        }

        if (!string.IsNullOrEmpty(filter.CareTypeCode))
        {
            query = query.Where(c => c.CareTypeCode == filter.CareTypeCode);
        }

        if (filter.FunderId is { } funder)
        {
            query = query.Where(c => c.FunderId == funder);
        }

        if (filter.OpenExpertStatements)
        {
            query = query.OpenExpertStatements();
        }

        if (filter.WithoutContact)
        {
            query = query.WithoutContactSince(db, CaseQueries.ContactCutoff(Today, profile));
        }

        if (filter.Overdue == true)
        {
            // PH-P2-02 and planned end dates: what is past due today.
            var p2Limit = Today.AddMonths(-2);
            var today = Today;
            query = query.Where(c => (c.Phase == Phase.P2 && c.PhaseSince < p2Limit)
                || (c.PlannedEndDate != null && c.PlannedEndDate < today && (c.Phase == Phase.P3 || c.Phase == Phase.FP3)));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.PhaseSince).ThenBy(c => c.CaseNumber)
            .Skip((Math.Max(page, 1) - 1) * Math.Clamp(pageSize, 1, 200)).Take(Math.Clamp(pageSize, 1, 200))
            .ToListAsync(ct);
        if (items.Count > 0)
        {
            // ACC-09: one row per list shown (the list shows case numbers and clients).
            await audit.RecordAsync(AuditActions.Read, "CaseList", items.Count.ToString(CultureInfo.InvariantCulture), ct,
                serviceId: user.ServiceId, clientId: filter.ClientId, reason: $"Auftragsliste, {items.Count} Einträge angezeigt");
        }

        return (items, total);
    }

    /// <summary>Edits case fields and texts. PH-P3-02: from P3 on funder and legal basis do not change (guided funder change instead).</summary>
    /// <summary>PH-FDS-06: the confirmations the § 27 SchwbAV recommendation needs.</summary>
    public sealed record SchwbAv27Confirmations(bool EmployerAppliedBeforeIfd, bool ApplicationWithIfdSupport, bool PriorMeasuresExhausted);

    /// <summary>BA-UB-02: a Reha-Träger that commissions UB sets its own period; the planned end is then entered, not computed.</summary>
    public sealed record PlannedEndChange(DateOnly? Date);

    public async Task<Result<Case>> UpdateAsync(
        Guid id, int? expectedVersion, CaseSettings settings, CaseTexts texts, int? contactFrequencyDays, CancellationToken ct, SchwbAv27Confirmations? confirmations = null,
        PlannedEndChange? plannedEnd = null)
    {
        var @case = await db.Cases.Include(c => c.Deputies).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null || !access.CanSee(@case))
        {
            return Result<Case>.NotFound();
        }

        if (!access.CanEdit(@case))
        {
            return Result<Case>.Invalid(RoleRefusals.EditCase);
        }

        if (expectedVersion is not null && expectedVersion != @case.Version)
        {
            return Result<Case>.Conflict();
        }

        var errors = new List<RuleViolation>();
        await ValidateSettingsAsync(settings.CareTypeCode, settings.FunderId, settings.LegalBasisCode, settings.CaseGroupCode, settings.ReferringBodyCode, errors, ct);
        errors.AddRange(CaseRules.CheckEdit(@case, settings, texts));

        InputCheck.MaxLength(errors, "concern", texts.Concern, 4000, "Das Anliegen");
        InputCheck.MaxLength(errors, "todo", texts.Todo, 4000, "Die ToDo-Liste");
        foreach (var (field, value, label) in new[]
        {
            ("plannedContents", texts.PlannedContents, "„Geplante Inhalte und Maßnahmen“"),
            ("disabilityImpact", texts.DisabilityImpact, "„Auswirkung der Behinderung“"),
            ("goalAgreement", texts.GoalAgreement, "„Zielvereinbarung“"),
            ("supplements", texts.Supplements, "„Ergänzungen“"),
            ("progress", texts.Progress, "„Sachstand“"),
            ("closingResult", texts.ClosingResult, "„Sachstand zur Abmeldung / Ergebnis“"),
        })
        {
            InputCheck.MaxLength(errors, field, value, 8000, label);
        }

        if (contactFrequencyDays is < 1 or > 365)
        {
            errors.Add(Input("contactFrequencyDays", "Die Kontaktfrequenz des Auftraggebers liegt zwischen 1 und 365 Tagen."));
        }

        var setPlannedEnd = plannedEnd is not null && plannedEnd.Date != @case.PlannedEndDate;
        if (setPlannedEnd)
        {
            await CheckPlannedEndAsync(@case, settings, plannedEnd!.Date, errors, ct);
        }

        if (errors.Count > 0)
        {
            return Result<Case>.Invalid(errors);
        }

        if (setPlannedEnd)
        {
            @case.SetPlannedEnd(plannedEnd!.Date);
        }

        @case.Update(settings with { ParentCaseId = @case.ParentCaseId });
        @case.UpdateTexts(texts);
        if (contactFrequencyDays != @case.ContactFrequencyDays)
        {
            @case.SetContactFrequency(contactFrequencyDays);
        }

        if (confirmations is not null)
        {
            @case.ConfirmSchwbAv27(confirmations.EmployerAppliedBeforeIfd, confirmations.ApplicationWithIfdSupport, confirmations.PriorMeasuresExhausted);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result<Case>.Conflict();
        }

        return Result<Case>.Ok(@case);
    }

    /// <summary>
    /// BA-UB-02: only a UB case (Berufsbegleitung § 55 Abs. 3) of a Reha-Träger takes a planned end from its funder;
    /// InA UB (12 months), InA Sicherung (9 months) and stabilisation (6 months) compute theirs from the P3 date.
    /// </summary>
    private async Task CheckPlannedEndAsync(Case @case, CaseSettings settings, DateOnly? date, List<RuleViolation> errors, CancellationToken ct)
    {
        var funderIsIna = settings.FunderId is { } f && await db.Funders.AnyAsync(x => x.Id == f && x.Kind == Core.Directory.FunderKind.IntegrationOffice, ct);
        if (CaseRules.CheckPlannedEnd(@case, settings, funderIsIna, date) is { } refused)
        {
            errors.Add(refused);
        }
    }

    /// <summary>DOC-02 / DOC-04: the Merkblatt of this case, signed on the currently valid form version.</summary>
    public async Task<IReadOnlyList<RuleViolation>> SignNoticeAsync(Case @case, DateOnly? signedOn, string? version, DateOnly? commissionDate, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        if (signedOn is null)
        {
            errors.Add(Input("signedOn", "Bitte das Datum der Unterschrift angeben."));
        }
        else if (signedOn > Today)
        {
            errors.Add(Input("signedOn", "Das Datum der Unterschrift darf nicht in der Zukunft liegen."));
        }

        if (string.IsNullOrWhiteSpace(version))
        {
            errors.Add(Input("version", "Bitte die Fassung des Merkblatts angeben."));
        }

        var valid = !string.IsNullOrWhiteSpace(version) && signedOn is not null ? await ValidFormVersionAsync("DataProtectionNotice", signedOn.Value, ct) : null;
        errors.AddRange(CaseRules.CheckNoticeSignature(@case, version, valid, signedOn is not null));

        if (errors.Count > 0)
        {
            return errors;
        }

        @case.SignDataProtectionNotice(signedOn!.Value, version!, commissionDate);
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>DOC-02: an application to InA during P2/P3 gets its date and a second signature on the same Merkblatt.</summary>
    public async Task<IReadOnlyList<RuleViolation>> SecondSignatureAsync(Case @case, DateOnly? applicationDate, DateOnly? signedOn, CancellationToken ct)
    {
        var errors = CaseRules.CheckSecondSignature(@case);

        if (applicationDate is null || signedOn is null)
        {
            errors.Add(Input("applicationDate", "Bitte Antragsdatum und Datum der zweiten Unterschrift angeben."));
        }
        else if (applicationDate > Today || signedOn > Today)
        {
            errors.Add(Input("applicationDate", "Antragsdatum und Unterschrift dürfen nicht in der Zukunft liegen."));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        @case.AddSecondSignature(applicationDate!.Value, signedOn!.Value);
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>PH-P2-04 / PH-P3-04: recorded as "abgestimmt am … mit …" by the IFD, or as approval by an InA user.</summary>
    public async Task<Result<CaseAgreement>> AddAgreementAsync(Case @case, string? kind, DateOnly? agreedOn, string? agreedWith, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        if (kind is not (CaseAgreement.P2Renewal or CaseAgreement.P2ToP3 or CaseAgreement.P3Renewal))
        {
            errors.Add(Input("kind", "Bitte die Art der Abstimmung wählen: erneute Qualifizierte Beratung (P2-renewal), Wechsel P2 → P3 (P2-to-P3) oder erneute Beauftragung (P3-renewal)."));
        }

        var byCoordinator = access.IsCoordinator;
        if (agreedOn is null || agreedOn > Today)
        {
            errors.Add(Input("agreedOn", "Bitte das Datum der Abstimmung angeben (nicht in der Zukunft)."));
        }

        if (!byCoordinator && string.IsNullOrWhiteSpace(agreedWith))
        {
            errors.Add(Input("agreedWith", "Bitte angeben, mit wem in der InA-Koordination abgestimmt wurde."));
        }

        InputCheck.MaxLength(errors, "agreedWith", agreedWith, 200, "Der Name");

        if (errors.Count > 0)
        {
            return Result<CaseAgreement>.Invalid(errors);
        }

        var name = byCoordinator ? (await db.Users.Where(u => u.Id == user.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)) ?? "InA-Koordination" : agreedWith!.Trim();
        var agreement = @case.AddAgreement(kind!, agreedOn!.Value, name, byCoordinator ? user.UserId : null);
        db.CaseAgreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        return Result<CaseAgreement>.Ok(agreement);
    }

    /// <summary>ACC-06: deputies per case — colleagues of the same IFD with the role Fachkraft or Vertretung.</summary>
    public async Task<IReadOnlyList<RuleViolation>> SetDeputiesAsync(Case @case, IReadOnlyList<string> userIds, CancellationToken ct)
    {
        var colleagues = await db.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.ServiceId == @case.ServiceId && u.IsActive)
            .Select(u => u.Id).ToListAsync(ct);
        var roleIds = await db.Roles.Where(r => r.Name == Roles.Caseworker || r.Name == Roles.Deputy).Select(r => r.Id).ToListAsync(ct);
        var withRole = await db.UserRoles.Where(ur => colleagues.Contains(ur.UserId) && roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId).Distinct().ToListAsync(ct);
        var unknown = userIds.Except(withRole, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return [Input("userIds", "Vertretungen sind Fachkräfte oder Vertretungen desselben IFD; nicht passend: " + string.Join(", ", unknown) + ".")];
        }

        @case.SetDeputies(userIds);
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>
    /// BA-UB-01: choosing the legal basis "Berufsbegleitung UB (§ 55 Abs. 3 SGB IX)" presets what is still empty:
    /// funder Integrationsamt, care type Sicherung, referring body Integrationsamt.
    /// </summary>
    public async Task<CreateInput> WithSupportedEmploymentPresetsAsync(CreateInput input, CancellationToken ct)
    {
        if (!CommissionKinds.IsSupportedEmployment(input.LegalBasisCode))
        {
            return input;
        }

        return input with
        {
            CareTypeCode = input.CareTypeCode ?? CareTypes.Retention,
            ReferringBodyCode = input.ReferringBodyCode ?? CommissionKinds.IntegrationOfficeReferral,
            FunderId = input.FunderId ?? await IntegrationOfficeFunderAsync(ct),
        };
    }

    /// <summary>The Integrationsamt in the funder directory (BA-UB-01 preset).</summary>
    public async Task<Guid?> IntegrationOfficeFunderAsync(CancellationToken ct)
        => await db.Funders.AsNoTracking().Where(f => f.Kind == Core.Directory.FunderKind.IntegrationOffice)
            .OrderBy(f => f.Name).Select(f => (Guid?)f.Id).FirstOrDefaultAsync(ct);

    /// <summary>DOC-04: the valid version of a form on a day under the profile of the caller's Integrationsamt.</summary>
    public Task<string?> ValidFormVersionAsync(string form, DateOnly on, CancellationToken ct)
        => Forms.FormVersions.ValidAsync(db, profile, form, on, ct);

    private async Task ValidateSettingsAsync(string? careType, Guid? funderId, string? legalBasis, string? caseGroup, string? referringBody, List<RuleViolation> errors, CancellationToken ct)
    {
        if (careType is not null && !await catalogues.IsActiveAsync(CatalogueNames.CareTypes, careType, ct))
        {
            errors.Add(Input("careTypeCode", "Unbekannte Betreuungsart: „placement“, „retention“ oder „expert-statement“."));
        }

        if (legalBasis is not null && !await catalogues.IsActiveAsync(CatalogueNames.LegalBases, legalBasis, ct))
        {
            errors.Add(Input("legalBasisCode", "Unbekannte gesetzliche Grundlage (Katalog „legal-bases“)."));
        }

        if (caseGroup is not null && !await catalogues.IsActiveAsync(CatalogueNames.CaseGroups, caseGroup, ct))
        {
            errors.Add(Input("caseGroupCode", "Unbekannte Fallgruppe (Katalog „case-groups“)."));
        }

        if (referringBody is not null && !await catalogues.IsActiveAsync(CatalogueNames.ReferringBodies, referringBody, ct))
        {
            errors.Add(Input("referringBodyCode", "Unbekannte einleitende Stelle (Katalog „referring-bodies“)."));
        }

        if (funderId is not null && !await db.Funders.AnyAsync(f => f.Id == funderId, ct))
        {
            errors.Add(Input("funderId", "Der Auftraggeber wurde im Verzeichnis der Leistungsträger nicht gefunden."));
        }
    }

    private async Task<string> NextNumberAsync(Guid serviceId, CancellationToken ct)
    {
        var year = Today.Year.ToString(CultureInfo.InvariantCulture);
        var prefix = year + "-";
        var count = await db.Cases.IgnoreQueryFilters().CountAsync(c => c.ServiceId == serviceId && c.CaseNumber.StartsWith(prefix), ct);
        return prefix + (count + 1).ToString("D4", CultureInfo.InvariantCulture);
    }

    private static RuleViolation Input(string field, string message) => new(RuleIds.Input, message, field);
}

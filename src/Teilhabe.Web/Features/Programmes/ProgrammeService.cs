using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Programmes;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Documents;

namespace Teilhabe.Web.Features.Programmes;

/// <summary>
/// Programmes beyond the IFD (DOMAIN.md section 9) for pages and API. A programme belongs to one service of
/// its provider (the service its Trainer and ProgrammeLead accounts belong to), so the tenant filter of ACC-06
/// scopes programmes, participations and bookings exactly like clients.
/// </summary>
internal sealed partial class ProgrammeService(
    TeilhabeDbContext db, AuditLog audit, ICurrentUser current, TimeProvider clock, IConfiguration configuration, IDocumentStore store, StateProfile profile)
{
    /// <summary>Roles that work in programmes.</summary>
    public static readonly string[] StaffRoles = [Roles.Trainer, Roles.ProgrammeLead];

    /// <summary>Roles that set up programmes.</summary>
    public static readonly string[] SetupRoles = [Roles.ProgrammeLead, Roles.Administrator];

    public sealed record SiteInput(string? Name, int? Places, string? AccessibilityNote);

    public sealed record ProgrammeInput(string? Name, ProgrammeTemplate? Template, Guid? ProviderId, int? YearlyPlaces, IReadOnlyList<SiteInput> Sites, IReadOnlyList<Guid> ReferringBodyIds, Guid? ServiceId = null);

    public sealed record ReferralInput(Guid? ClientId, Guid? ReferringBodyId, LegalSphere? LegalSphere, DateOnly? FirstContactOn);

    public DateOnly Today => clock.Today();

    public bool IsLead => current.IsInRole(Roles.ProgrammeLead);

    public bool IsStaff => StaffRoles.Any(current.IsInRole);

    public async Task<Result<Programme>> CreateAsync(ProgrammeInput input, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
        {
            errors.Add(new(RuleIds.Input, "Der Name des Programms fehlt (höchstens 200 Zeichen).", "name"));
        }

        if (input.Template is null)
        {
            errors.Add(new(RuleIds.Input, "Die Vorlage ist coaching oder modular-qualification.", "template"));
        }

        if (input.YearlyPlaces is not (> 0 and <= 100000))
        {
            errors.Add(new(RuleIds.Input, "Die Plätze je Jahr sind eine positive Zahl.", "yearlyPlaces"));
        }

        if (input.Sites.Any(s => string.IsNullOrWhiteSpace(s.Name) || s.Places is null or < 0))
        {
            errors.Add(new(RuleIds.Input, "Jeder Standort braucht einen Namen und eine Zahl von Plätzen.", "sites"));
        }

        if (input.ProviderId is null)
        {
            errors.Add(new(RuleIds.Input, "Der Träger fehlt.", "providerId"));
        }

        if (errors.Count > 0)
        {
            return Result<Programme>.Invalid(errors);
        }

        // The service the programme belongs to: the lead's own, or (administrator) the one named or the provider's first.
        var services = db.Services.Where(s => s.ProviderId == input.ProviderId);
        var service = current.IsInRole(Roles.ProgrammeLead) && current.ServiceId is { } own
            ? await services.FirstOrDefaultAsync(s => s.Id == own, ct)
            : await services.Where(s => input.ServiceId == null || s.Id == input.ServiceId).OrderBy(s => s.Name).FirstOrDefaultAsync(ct);
        if (service is null)
        {
            return Result<Programme>.NotFound();
        }

        var bodies = await db.Funders.IgnoreQueryFilters()
            .Where(f => input.ReferringBodyIds.Contains(f.Id) && f.IntegrationOfficeId == service.IntegrationOfficeId).ToListAsync(ct);
        if (bodies.Count != input.ReferringBodyIds.Distinct().Count())
        {
            errors.Add(ProgrammeRules.UnknownReferringBody());
        }

        errors.AddRange(ProgrammeRules.CheckReferringBodies(input.Template!.Value, bodies));
        if (errors.Count > 0)
        {
            return Result<Programme>.Invalid(errors);
        }

        var programme = new Programme(service.Id, service.IntegrationOfficeId, service.ProviderId, input.Name!, input.Template.Value, input.YearlyPlaces!.Value);
        foreach (var site in input.Sites)
        {
            programme.AddSite(site.Name!, site.Places!.Value, site.AccessibilityNote);
        }

        foreach (var body in bodies)
        {
            programme.AddReferringBody(body.Id);
        }

        db.Programmes.Add(programme);
        await db.SaveChangesAsync(ct);
        return Result<Programme>.Ok(programme);
    }

    public Task<List<Programme>> ListAsync(CancellationToken ct)
        => db.Programmes.AsNoTracking().Include(p => p.Sites).OrderBy(p => p.Name).ToListAsync(ct);

    public Task<Programme?> GetAsync(Guid id, CancellationToken ct)
        => db.Programmes.AsNoTracking().Include(p => p.Sites).Include(p => p.ReferringBodies).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>PRG-TR-01: active participations referred in the current calendar year.</summary>
    public async Task<int> PlacesUsedAsync(Guid programmeId, CancellationToken ct)
    {
        var yearStart = new DateOnly(Today.Year, 1, 1);
        return await db.Participations.CountAsync(p => p.ProgrammeId == programmeId && p.Status == ParticipationStatus.Active && p.ReferredOn >= yearStart, ct);
    }

    /// <summary><see cref="PlacesUsedAsync(Guid, CancellationToken)"/> for many programmes in one query (lists, no N+1).</summary>
    public async Task<Dictionary<Guid, int>> PlacesUsedAsync(IEnumerable<Guid> programmeIds, CancellationToken ct)
    {
        var ids = programmeIds.Distinct().ToList();
        var yearStart = new DateOnly(Today.Year, 1, 1);
        var used = await db.Participations
            .Where(p => ids.Contains(p.ProgrammeId) && p.Status == ParticipationStatus.Active && p.ReferredOn >= yearStart)
            .GroupBy(p => p.ProgrammeId)
            .Select(g => new { ProgrammeId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.ProgrammeId, x => x.Count, ct);
        return ids.ToDictionary(id => id, id => used.GetValueOrDefault(id));
    }

    public Task<Dictionary<Guid, string>> FunderNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return db.Funders.IgnoreQueryFilters().Where(f => list.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, ct);
    }

    public sealed record ParticipationRow(Participation Participation, string ClientName);

    /// <summary>Participations with client names (a read of personal data, audited).</summary>
    public async Task<List<ParticipationRow>> ParticipationsAsync(Guid programmeId, CancellationToken ct)
    {
        var rows = await (from p in db.Participations.AsNoTracking().Include(p => p.Plan)
                          join c in db.Clients on p.ClientId equals c.Id
                          where p.ProgrammeId == programmeId
                          orderby p.ReferredOn, p.Id
                          select new { p, c.LastName, c.FirstName }).ToListAsync(ct);
        if (rows.Count > 0)
        {
            await audit.RecordAsync(AuditActions.Read, "ProgrammeParticipations", programmeId.ToString(), ct, serviceId: rows[0].p.ServiceId);
        }

        return rows.Select(r => new ParticipationRow(r.p, $"{r.LastName}, {r.FirstName}")).ToList();
    }

    public async Task<Result<Participation>> ReferAsync(Guid programmeId, ReferralInput input, CancellationToken ct)
    {
        var programme = await db.Programmes.Include(p => p.ReferringBodies).FirstOrDefaultAsync(p => p.Id == programmeId, ct);
        if (programme is null)
        {
            return Result<Participation>.NotFound();
        }

        var errors = new List<RuleViolation>();
        if (input.ClientId is null)
        {
            errors.Add(new(RuleIds.Input, "Die Klientin oder der Klient fehlt.", "clientId"));
        }

        if (input.LegalSphere is null)
        {
            errors.Add(new(RuleIds.Input, "Der Rechtskreis ist SGB2, SGB3 oder SGB9.", "legalSphere"));
        }

        if (input.FirstContactOn is null || input.FirstContactOn > Today)
        {
            errors.Add(new(RuleIds.Input, "Das Datum des Erstkontakts fehlt oder liegt in der Zukunft.", "firstContactOn"));
        }

        if (errors.Count > 0)
        {
            return Result<Participation>.Invalid(errors);
        }

        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == input.ClientId && c.ServiceId == programme.ServiceId, ct);
        if (client is null)
        {
            return Result<Participation>.Invalid([new(RuleIds.Input, "Die Klientin oder der Klient ist nicht bekannt.", "clientId")]);
        }

        var body = input.ReferringBodyId is { } bodyId
            ? await db.Funders.IgnoreQueryFilters().FirstOrDefaultAsync(f => f.Id == bodyId && f.IntegrationOfficeId == programme.IntegrationOfficeId, ct)
            : null;
        errors.AddRange(ProgrammeRules.CheckReferral(programme, body, input.LegalSphere!.Value));
        if (errors.Count > 0)
        {
            return Result<Participation>.Invalid(errors);
        }

        var status = ProgrammeRules.StatusForReferral(await PlacesUsedAsync(programme.Id, ct), programme.YearlyPlaces);
        var participation = new Participation(programme, client.Id, body!.Id, input.LegalSphere.Value, input.FirstContactOn!.Value, Today, status);
        db.Participations.Add(participation);
        await db.SaveChangesAsync(ct);
        return Result<Participation>.Ok(participation);
    }

    public sealed record ParticipationView(Participation Participation, Programme Programme, Client Client, string ReferringBodyName);

    /// <summary>A participation with its programme and client; the read is audited (ACC-09).</summary>
    public async Task<ParticipationView?> GetParticipationAsync(Guid id, CancellationToken ct)
    {
        var participation = await db.Participations.AsNoTracking().Include(p => p.Bookings).Include(p => p.Plan).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (participation is null)
        {
            return null;
        }

        var programme = await GetAsync(participation.ProgrammeId, ct);
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == participation.ClientId, ct);
        if (programme is null || client is null)
        {
            return null;
        }

        var body = await FunderNamesAsync([participation.ReferringBodyId], ct);
        await audit.ReadAsync(nameof(Participation), participation.Id, participation.ServiceId, ct, clientId: participation.ClientId);
        return new(participation, programme, client, body.GetValueOrDefault(participation.ReferringBodyId, "—"));
    }

    private async Task<Result<Participation>> ChangeAsync(
        Guid id, Func<Participation, Programme, List<RuleViolation>> change, CancellationToken ct, bool leadOnly = false, Func<Task>? beforeSave = null)
    {
        var participation = await db.Participations.Include(p => p.Bookings).Include(p => p.Plan).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (participation is null)
        {
            return Result<Participation>.NotFound();
        }

        if (leadOnly && !IsLead)
        {
            return Result<Participation>.Forbidden();
        }

        var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == participation.ProgrammeId, ct);
        var errors = change(participation, programme);
        if (errors.Count > 0)
        {
            return Result<Participation>.Invalid(errors);
        }

        if (beforeSave is not null)
        {
            await beforeSave();
        }

        await db.SaveChangesAsync(ct);
        return Result<Participation>.Ok(participation);
    }

    /// <summary>PRG-TR-01: the ProgrammeLead admits a waiting referral over capacity, with a reason.</summary>
    public Task<Result<Participation>> AdmitAsync(Guid id, string? reason, CancellationToken ct)
        => ChangeAsync(id, (p, _) =>
        {
            if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
            {
                return [ProgrammeRules.OverCapacityNeedsReason()];
            }

            if (p.Status != ParticipationStatus.Waiting)
            {
                return [ProgrammeRules.OverCapacityOnlyFromWaitingList()];
            }

            p.AdmitOverCapacity(reason, current.UserId, Today);
            return [];
        }, ct, leadOnly: true);

    /// <summary>PRG-TR-04: the appointment for the information talk.</summary>
    public Task<Result<Participation>> SetInformationTalkAsync(Guid id, DateOnly? on, CancellationToken ct)
        => ChangeAsync(id, (p, _) =>
        {
            if (on is null || on < p.FirstContactOn)
            {
                return [new(RuleIds.Input, "Das Datum des Informationsgesprächs fehlt oder liegt vor dem Erstkontakt.", "on")];
            }

            p.SetInformationTalk(on.Value);
            return [];
        }, ct);

    /// <summary>PRG-TR-05: extension of the referral with a reason.</summary>
    public Task<Result<Participation>> ExtendAsync(Guid id, DateOnly? until, string? reason, CancellationToken ct)
        => ChangeAsync(id, (p, programme) =>
        {
            var errors = ProgrammeRules.CheckExtension(p.ReferralEndsOn, programme.LatestExtensionEnd(p.ReferredOn), programme.MaxExtensionMonths, until, reason);
            if (errors.Count == 0)
            {
                p.Extend(until!.Value, reason!);
            }

            return errors;
        }, ct);

    /// <summary>PRG-TR-03: the eligibility check, recorded.</summary>
    public Task<Result<Participation>> RecordEligibilityAsync(Guid id, bool seekingWork, bool severelyDisabled, string? barriers, CancellationToken ct)
        => ChangeAsync(id, (p, _) =>
        {
            if (barriers?.Length > 2000)
            {
                return [new(RuleIds.Input, "Die Vermittlungshemmnisse höchstens 2000 Zeichen.", "additionalBarriers")];
            }

            p.RecordEligibility(Today, seekingWork, severelyDisabled, barriers);
            return [];
        }, ct);

    /// <summary>PRG-TR-06: a line of the Förder- und Integrationsplan with its review date.</summary>
    public Task<Result<Participation>> AddPlanEntryAsync(Guid id, string? challenge, string? goal, string? steps, DateOnly? reviewOn, CancellationToken ct)
        => ChangeAsync(id, (p, _) =>
        {
            if (string.IsNullOrWhiteSpace(challenge) || string.IsNullOrWhiteSpace(goal) || reviewOn is null || challenge.Length > 1000 || goal.Length > 1000 || steps?.Length > 2000)
            {
                return [ProgrammeRules.IntegrationPlanIncomplete()];
            }

            p.AddPlanEntry(challenge, goal, steps, reviewOn.Value);
            return [];
        }, ct);

    /// <summary>PRG-TR-07 / PRG-TR-08: job start (placement); aftercare follows as contacts until the programme's aftercare end.</summary>
    public Task<Result<Participation>> RecordJobStartAsync(Guid id, DateOnly? on, string? kind, CancellationToken ct)
        => ChangeAsync(id, (p, programme) =>
        {
            var errors = ParticipationActionRules.CheckJobStart(p, on, kind);
            if (errors.Count == 0)
            {
                p.RecordJobStart(on!.Value, kind!, programme.AftercareMonths);
            }

            return errors;
        }, ct);

    /// <summary>PRG-LO-01 / PRG-LO-02: a booking of hours on a module.</summary>
    public async Task<Result<ModuleBooking>> BookAsync(Guid id, string? moduleCode, DateOnly? date, decimal? hours, CancellationToken ct)
    {
        ModuleBooking? booking = null;
        IReadOnlyList<RuleViolation> warnings = [];
        var result = await ChangeAsync(id, (p, programme) =>
        {
            if (date is null || hours is null)
            {
                return [new(RuleIds.Input, "Datum und Stunden fehlen.", date is null ? "date" : "hours")];
            }

            if (date > Today)
            {
                return [new(RuleIds.Input, "Stunden werden nicht im Voraus gebucht.", "date")];
            }

            if (p.Status == ParticipationStatus.Ended)
            {
                return [ParticipationActionRules.Ended(p, "date")];
            }

            if (p.Status != ParticipationStatus.Active)
            {
                return [ProgrammeRules.HoursOnlyForActive()];
            }

            var check = ProgrammeRules.CheckBooking(programme.Modules, p.Bookings, moduleCode, date.Value, hours.Value);
            if (check.Violations.Count > 0)
            {
                return [.. check.Violations];
            }

            warnings = check.Warnings;
            booking = p.Book(moduleCode!, date.Value, hours.Value, current.UserId, clock.GetUtcNow());
            db.ModuleBookings.Add(booking);
            return [];
        }, ct);
        return result.Succeeded ? Result<ModuleBooking>.Ok(booking!, warnings) : result.Fail<ModuleBooking>();
    }

    /// <summary>PRG-LO-03: the rate per hour: the module's own rate in the programme, else the configured rate.</summary>
    public decimal RateFor(Programme programme, string moduleCode)
        => ProgrammeModules.Find(programme.Modules, moduleCode)?.HourlyRate ?? RateFor(moduleCode);

    /// <summary>PRG-LO-03: the configured rate per hour, per module code if configured, else the installation default.</summary>
    public decimal RateFor(string moduleCode)
    {
        var section = configuration.GetSection("Teilhabe:Programmes");
        var value = section[$"ModuleRates:{moduleCode}"] ?? section["HourlyRate"];
        return decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var rate) ? rate : DefaultHourlyRate;
    }

    /// <summary>Used when no rate is configured.</summary>
    public const decimal DefaultHourlyRate = 50m;

    public sealed record OutcomeRow(Guid ReferringBodyId, string ReferringBody, int Entries, int Apprenticeships, int Employments, int Prospects);

    /// <summary>PRG-TR-08: per referring body entries, placements (apprenticeship / employment subject to social insurance) and prospects.</summary>
    public async Task<List<OutcomeRow>> OutcomeReportAsync(Guid programmeId, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var list = await db.Participations.AsNoTracking()
            .Where(p => p.ProgrammeId == programmeId && p.Status != ParticipationStatus.Waiting && p.ReferredOn >= from && p.ReferredOn <= to)
            .Select(p => new { p.ReferringBodyId, p.PlacementKind, p.PlacementProspect }).ToListAsync(ct);
        var names = await FunderNamesAsync(list.Select(p => p.ReferringBodyId), ct);
        return list.GroupBy(p => p.ReferringBodyId)
            .Select(g => new OutcomeRow(g.Key, names.GetValueOrDefault(g.Key, "—"), g.Count(),
                g.Count(p => p.PlacementKind == "apprenticeship"), g.Count(p => p.PlacementKind == "employment"), g.Count(p => p.PlacementProspect)))
            .OrderBy(r => r.ReferringBody, StringComparer.Ordinal).ToList();
    }

    /// <summary>Referring bodies of the user's Integrationsamt that a template accepts (PRG-TR-02), for the forms.</summary>
    public Task<List<Funder>> ReferringBodyChoicesAsync(Programme programme, CancellationToken ct)
    {
        var ids = programme.ReferringBodies.Select(r => r.FunderId).ToList();
        return db.Funders.IgnoreQueryFilters().AsNoTracking().Where(f => ids.Contains(f.Id)).OrderBy(f => f.Name).ToListAsync(ct);
    }

    /// <summary>PRG-LO-03: the invoice of a period for the Budgetnehmer of a participation, as a PDF.</summary>
    public async Task<Result<byte[]>> InvoiceAsync(Guid id, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var view = await GetParticipationAsync(id, ct);
        if (view is null)
        {
            return Result<byte[]>.NotFound();
        }

        if (view.Programme.Template != ProgrammeTemplate.ModularQualification)
        {
            return Result<byte[]>.Invalid([ProgrammeRules.InvoicesOnlyModular()]);
        }

        var provider = await db.Organisations.AsNoTracking().Where(o => o.Id == view.Programme.ProviderId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        var lines = ProgrammeRules.InvoiceLines(view.Participation.Bookings, from, to, view.Programme.Modules, code => RateFor(view.Programme, code));
        var number = string.Create(CultureInfo.InvariantCulture, $"{to:yyyyMM}-{view.Participation.Id.ToString("N")[^6..].ToUpperInvariant()}");
        var invoice = new InvoicePdf.Invoice(number, Today, provider, view.Programme.Name,
            $"{view.Client.FirstName} {view.Client.LastName}", view.ReferringBodyName, from, to, lines);
        await audit.RecordAsync(AuditActions.Read, "ParticipationInvoice", id.ToString(), ct, serviceId: view.Participation.ServiceId, clientId: view.Client.Id,
            reason: string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}"));
        return Result<byte[]>.Ok(InvoicePdf.Render(invoice));
    }

    public Task<List<Client>> ClientChoicesAsync(Guid serviceId, CancellationToken ct)
        => db.Clients.AsNoTracking().Where(c => c.ServiceId == serviceId).OrderBy(c => c.LastName).ThenBy(c => c.FirstName).Take(500).ToListAsync(ct);
}

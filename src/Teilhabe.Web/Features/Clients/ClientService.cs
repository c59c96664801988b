using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Catalogues;

namespace Teilhabe.Web.Features.Clients;

/// <summary>Clients (CL-01, CL-02), proof of disability (DIS-01…03) and the employment timeline (EMP-01) for pages and API.</summary>
internal sealed class ClientService(TeilhabeDbContext db, AuditLog audit, ICurrentUser current, TimeProvider clock, CatalogueService catalogues)
{
    public sealed record ClientInput(
        string? LastName,
        string? FirstName,
        DateOnly? BirthDate,
        Gender? Gender,
        string? Nationality,
        Address? Address,
        string? Phone = null,
        string? Email = null,
        string? WorkingLifePosition = null,
        bool HearingImpaired = false);

    public sealed record DuplicateCandidate(Guid Id, string LastName, string FirstName, DateOnly BirthDate, int Score);

    /// <summary>Roles that work with client data of their own IFD.</summary>
    public static readonly string[] EditorRoles = [Roles.Caseworker, Roles.Deputy, Roles.ServiceLead, Roles.Trainer, Roles.ProgrammeLead];

    public DateOnly Today => clock.Today();

    public bool SeesContactData => !current.IsInRole(Roles.IntegrationOfficeCoordinator) || current.ServiceId is not null;

    public async Task<Result<Client>> CreateAsync(ClientInput input, CancellationToken ct)
    {
        if (current.ServiceId is not { } serviceId || current.IntegrationOfficeId is not { } officeId)
        {
            return Result<Client>.Invalid([RoleRefusals.CreateClient]);
        }

        var (data, errors) = await ValidateAsync(input, ct);
        if (data is null)
        {
            return Result<Client>.Invalid(errors);
        }

        var client = new Client(serviceId, officeId, data);
        db.Clients.Add(client);
        await db.SaveChangesAsync(ct);
        return Result<Client>.Ok(client);
    }

    /// <summary>Loads a client with notices, disabilities and timeline; the read is audited (ACC-09).</summary>
    public async Task<Client?> GetAsync(Guid id, CancellationToken ct, bool tracked = false)
    {
        var query = db.Clients.Include(c => c.Evidence).Include(c => c.Disabilities).Include(c => c.Employment).AsSplitQuery();
        var client = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is not null)
        {
            await audit.ReadAsync(nameof(Client), client.Id, client.ServiceId, ct, clientId: client.Id);
        }

        return client;
    }

    /// <summary>Forgiving search: folded names (Müller = Mueller = Muller), partial names, a birth date (dd.mm.yyyy).</summary>
    public async Task<(List<Client> Items, int Total)> SearchAsync(string? q, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var query = db.Clients.AsNoTracking();
        foreach (var token in (q ?? string.Empty).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryParseDate(token, out var date))
            {
                query = query.Where(c => c.BirthDate == date);
                continue;
            }

            var folded = SearchText.Fold(token);
            if (folded.Length > 0)
            {
                query = query.Where(c => c.SearchLastName.Contains(folded) || c.SearchFirstName.Contains(folded));
            }
        }

        var total = await query.CountAsync(ct);
        // The evidence gives the list's disability status (DIS-01); without it every client would show "None".
        var items = await query.OrderBy(c => c.SearchLastName).ThenBy(c => c.SearchFirstName).ThenBy(c => c.BirthDate)
            .Skip((page - 1) * pageSize).Take(pageSize).Include(c => c.Evidence).ToListAsync(ct);
        if (items.Count > 0)
        {
            // One row per search (ACC-09); the search text itself is not stored, it may be a name.
            await audit.RecordAsync(AuditActions.Read, "ClientSearch", items.Count.ToString(CultureInfo.InvariantCulture), ct,
                serviceId: current.ServiceId, reason: $"Suche, {items.Count} Treffer angezeigt");
        }

        return (items, total);
    }

    /// <summary>CL-02: scored candidates before a client is saved.</summary>
    public async Task<List<DuplicateCandidate>> DuplicatesAsync(string? lastName, string? firstName, DateOnly? birthDate, Guid? except, CancellationToken ct)
    {
        var last = SearchText.Fold(lastName);
        var first = SearchText.Fold(firstName);
        if (last.Length == 0 && birthDate is null)
        {
            return [];
        }

        var prefix = last.Length >= 3 ? last[..3] : last;
        var pool = await db.Clients.AsNoTracking()
            .Where(c => c.Id != except && ((prefix.Length > 0 && c.SearchLastName.StartsWith(prefix)) || c.BirthDate == birthDate || (first.Length > 0 && c.SearchFirstName == first)))
            .OrderBy(c => c.SearchLastName)
            .Select(c => new { c.Id, c.LastName, c.FirstName, c.BirthDate })
            .Take(500)
            .ToListAsync(ct);

        return pool
            .Select(c => new DuplicateCandidate(c.Id, c.LastName, c.FirstName, c.BirthDate,
                DuplicateScore.ForPerson(lastName ?? string.Empty, firstName ?? string.Empty, birthDate, c.LastName, c.FirstName, c.BirthDate)))
            .Where(c => c.Score >= DuplicateScore.Threshold)
            .OrderByDescending(c => c.Score).ThenBy(c => c.LastName)
            .Take(10)
            .ToList();
    }

    public async Task<Result<Client>> UpdateAsync(Guid id, int? expectedVersion, ClientInput input, CancellationToken ct)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is null)
        {
            return Result<Client>.NotFound();
        }

        if (expectedVersion is not null && expectedVersion != client.Version)
        {
            return Result<Client>.Conflict();
        }

        var (data, errors) = await ValidateAsync(input, ct);
        if (data is null)
        {
            return Result<Client>.Invalid(errors);
        }

        client.Update(data);
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

    /// <summary>DIS-01/DIS-02 and the required fields of a Bescheid, before anything is stored.</summary>
    public List<RuleViolation> CheckEvidence(EvidenceKind? kind, DateOnly? noticeDate, DateOnly? effectiveFrom, int? degree)
    {
        var errors = new List<RuleViolation>();
        if (kind is null)
        {
            errors.Add(new(RuleIds.Input, "Bitte die Art des Bescheids wählen (Feststellungsbescheid, Gleichstellungsbescheid oder Schwerbehindertenausweis).", "kind"));
        }

        if (noticeDate is null)
        {
            errors.Add(new(RuleIds.Input, "Bitte das Datum des Bescheids angeben.", "noticeDate"));
        }

        if (kind is not null && noticeDate is not null)
        {
            errors.AddRange(DisabilityRules.CheckEvidence(kind.Value, noticeDate.Value, effectiveFrom, degree, Today));
        }

        return errors;
    }

    public Task<bool> HasEvidenceAsync(Guid clientId, CancellationToken ct) => db.DisabilityEvidence.AnyAsync(e => e.ClientId == clientId, ct);

    public async Task<Result<DisabilityEvidence>> AddEvidenceAsync(Guid clientId, EvidenceKind? kind, DateOnly? noticeDate, DateOnly? effectiveFrom, int? degree, DateOnly? validUntil, CancellationToken ct)
    {
        var client = await db.Clients.Include(c => c.Evidence).FirstOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null)
        {
            return Result<DisabilityEvidence>.NotFound();
        }

        var errors = CheckEvidence(kind, noticeDate, effectiveFrom, degree);
        if (errors.Count > 0)
        {
            return Result<DisabilityEvidence>.Invalid(errors);
        }

        var evidence = client.AddEvidence(kind!.Value, noticeDate!.Value, effectiveFrom, degree, validUntil);
        await db.SaveChangesAsync(ct);
        return Result<DisabilityEvidence>.Ok(evidence);
    }

    public async Task<Result<Disability>> AddDisabilityAsync(Guid clientId, string? categoryCode, string? description, bool recognised, bool careRelevant, CancellationToken ct)
    {
        var client = await db.Clients.Include(c => c.Disabilities).FirstOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null)
        {
            return Result<Disability>.NotFound();
        }

        var errors = await CheckDisabilityAsync(categoryCode, description, ct);
        if (errors.Count > 0)
        {
            return Result<Disability>.Invalid(errors);
        }

        var disability = client.AddDisability(categoryCode!, description!, recognised, careRelevant);
        await db.SaveChangesAsync(ct);
        return Result<Disability>.Ok(disability);
    }

    /// <summary>The required fields of a disability (DIS-03), for adding and correcting it.</summary>
    public async Task<List<RuleViolation>> CheckDisabilityAsync(string? categoryCode, string? description, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        if (!await catalogues.IsActiveAsync(CatalogueNames.DisabilityCategories, categoryCode, ct))
        {
            errors.Add(new(RuleIds.Input, "Bitte eine Art der Beeinträchtigung aus dem Katalog wählen.", "categoryCode"));
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            errors.Add(new(RuleIds.Input, "Bitte die Behinderung beschreiben, wie sie im Bescheid steht.", "description"));
        }

        InputCheck.MaxLength(errors, "description", description, 500, "Die Beschreibung");
        return errors;
    }

    /// <summary>DIS-03: the caseworker marks another disability as care-relevant.</summary>
    public async Task<Result<Disability>> MarkCareRelevantAsync(Guid clientId, Guid disabilityId, CancellationToken ct)
    {
        var client = await db.Clients.Include(c => c.Disabilities).FirstOrDefaultAsync(c => c.Id == clientId, ct);
        var disability = client?.Disabilities.FirstOrDefault(d => d.Id == disabilityId);
        if (client is null || disability is null)
        {
            return Result<Disability>.NotFound();
        }

        client.MarkCareRelevant(disabilityId);
        await db.SaveChangesAsync(ct);
        return Result<Disability>.Ok(disability);
    }

    public async Task<Result<EmploymentSituation>> AddEmploymentAsync(Guid clientId, string? kindCode, DateOnly? from, Guid? institutionId, CancellationToken ct)
    {
        var client = await db.Clients.Include(c => c.Employment).FirstOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null)
        {
            return Result<EmploymentSituation>.NotFound();
        }

        var errors = await CheckEmploymentAsync(kindCode, from, institutionId, ct);
        if (errors.Count > 0)
        {
            return Result<EmploymentSituation>.Invalid(errors);
        }

        var situation = client.AddEmployment(kindCode!, from!.Value, institutionId, Today);
        await db.SaveChangesAsync(ct);
        return Result<EmploymentSituation>.Ok(situation);
    }

    /// <summary>The required fields of an employment situation (EMP-01), for adding and correcting it.</summary>
    public async Task<List<RuleViolation>> CheckEmploymentAsync(string? kindCode, DateOnly? from, Guid? institutionId, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        if (!await catalogues.IsActiveAsync(CatalogueNames.EmploymentKinds, kindCode, ct))
        {
            errors.Add(new(RuleIds.Input, "Bitte eine Beschäftigungssituation aus dem Katalog wählen.", "kindCode"));
        }

        if (from is null)
        {
            errors.Add(new(RuleIds.Input, "Bitte das Datum angeben, ab dem die Situation gilt (auch künftig möglich).", "from"));
        }

        if (institutionId is not null && !await db.Institutions.AnyAsync(i => i.Id == institutionId, ct))
        {
            errors.Add(new(RuleIds.Input, "Die gewählte Institution (Arbeitgeber) wurde nicht gefunden.", "institutionId"));
        }
        return errors;
    }

    /// <summary>EMP-01: confirm an expected situation as "eingetroffen" once its date has passed.</summary>
    public async Task<Result<EmploymentSituation>> ConfirmEmploymentAsync(Guid clientId, Guid situationId, CancellationToken ct)
    {
        var situation = await db.EmploymentSituations.FirstOrDefaultAsync(e => e.Id == situationId && e.ClientId == clientId, ct);
        if (situation is null)
        {
            return Result<EmploymentSituation>.NotFound();
        }

        var violations = situation.Confirm(Today);
        if (violations.Count > 0)
        {
            return Result<EmploymentSituation>.Invalid(violations);
        }

        await db.SaveChangesAsync(ct);
        return Result<EmploymentSituation>.Ok(situation);
    }

    private async Task<(ClientData? Data, List<RuleViolation> Errors)> ValidateAsync(ClientInput input, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(input.LastName))
        {
            errors.Add(new(RuleIds.Input, "Bitte den Nachnamen angeben.", "lastName"));
        }

        if (string.IsNullOrWhiteSpace(input.FirstName))
        {
            errors.Add(new(RuleIds.Input, "Bitte den Vornamen angeben.", "firstName"));
        }

        if (input.BirthDate is null)
        {
            errors.Add(new(RuleIds.Input, "Bitte das Geburtsdatum angeben.", "birthDate"));
        }
        else if (input.BirthDate > Today)
        {
            errors.Add(new(RuleIds.Input, "Das Geburtsdatum darf nicht in der Zukunft liegen.", "birthDate"));
        }
        else if (input.BirthDate < Today.AddYears(-100))
        {
            errors.Add(new(RuleIds.Input, "Das Geburtsdatum liegt mehr als 100 Jahre zurück – bitte prüfen.", "birthDate"));
        }

        if (input.Gender is null)
        {
            errors.Add(new(RuleIds.Input, "Bitte das Geschlecht angeben (weiblich, männlich, divers oder keine Angabe).", "gender"));
        }

        InputCheck.Email(errors, "email", input.Email);
        InputCheck.MaxLength(errors, "lastName", input.LastName, 100, "Der Nachname");
        InputCheck.MaxLength(errors, "firstName", input.FirstName, 100, "Der Vorname");
        InputCheck.MaxLength(errors, "nationality", input.Nationality, 60, "Die Staatsangehörigkeit");
        InputCheck.MaxLength(errors, "phone", input.Phone, 40, "Die Telefonnummer");
        InputCheck.MaxLength(errors, "email", input.Email, 200, "Die E-Mail-Adresse");
        InputCheck.MaxLength(errors, "address.street", input.Address?.Street, 200, "Straße und Hausnummer");
        InputCheck.MaxLength(errors, "address.city", input.Address?.City, 100, "Der Ort");

        if (input.Address?.PostalCode is { Length: > 0 } plz && (plz.Trim().Length != 5 || !plz.Trim().All(char.IsAsciiDigit)))
        {
            errors.Add(new(RuleIds.Input, "Die Postleitzahl besteht aus fünf Ziffern.", "address.postalCode"));
        }

        if (!string.IsNullOrWhiteSpace(input.WorkingLifePosition)
            && !await catalogues.IsActiveAsync(CatalogueNames.WorkingLifePositions, input.WorkingLifePosition, ct))
        {
            errors.Add(new(RuleIds.Input, "Bitte die Stellung im Erwerbsleben aus der Liste wählen.", "workingLifePosition"));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new ClientData(input.LastName!, input.FirstName!, input.BirthDate!.Value, input.Gender!.Value, input.Nationality, input.Address,
            input.Phone, input.Email, input.WorkingLifePosition, input.HearingImpaired), errors);
    }

    private static bool TryParseDate(string token, out DateOnly date)
        => DateOnly.TryParseExact(token, ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

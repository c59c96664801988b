using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Rules;

namespace Teilhabe.Web.Features.Directory;

/// <summary>Institutions and the funder directory of one Integrationsamt (FU-02…04), shared by its IFDs.</summary>
internal sealed class DirectoryService(TeilhabeDbContext db, ICurrentUser current, TimeProvider clock)
{
    public sealed record NameCandidate(Guid Id, string Name, string Kind, int Score);

    public sealed record ContactInput(string? Name, string? Role, string? Phone, string? Email);

    public Task<List<Institution>> InstitutionsAsync(string? q, InstitutionKind? kind, CancellationToken ct)
    {
        var folded = SearchText.Fold(q);
        return db.Institutions.AsNoTracking()
            .Where(i => (folded == string.Empty || i.SearchName.Contains(folded)) && (kind == null || i.Kind == kind))
            .OrderBy(i => i.SearchName).Take(500).ToListAsync(ct);
    }

    public Task<Institution?> InstitutionAsync(Guid id, CancellationToken ct)
        => db.Institutions.FirstOrDefaultAsync(i => i.Id == id, ct);

    public async Task<List<NameCandidate>> InstitutionDuplicatesAsync(string? name, CancellationToken ct)
    {
        // The directory of one state is small (thousands): score every name, so "Die AOK Plus" finds "AOK PLUS".
        var pool = await db.Institutions.AsNoTracking().OrderBy(i => i.SearchName).Select(i => new { i.Id, i.Name, i.Kind }).Take(20000).ToListAsync(ct);
        return Rank(name, pool.Select(i => (i.Id, i.Name, i.Kind.ToString())));
    }

    public async Task<Result<Institution>> CreateInstitutionAsync(
        string? name, InstitutionKind? kind, Guid? providerId, Address? address, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new(RuleIds.Input, "Bitte den Namen der Institution angeben.", "name"));
        }

        if (kind is null)
        {
            errors.Add(new(RuleIds.Input, "Bitte die Art angeben: Arbeitgeber, Schule, WfbM, Inklusionsbetrieb oder Sonstige.", "kind"));
        }

        if (providerId is not null && kind != InstitutionKind.InclusionCompany)
        {
            errors.Add(new(RuleIds.Input, "Ein Träger wird nur bei einem Inklusionsbetrieb angegeben (BA-IB-02).", "providerId"));
        }
        else if (providerId is not null && !await db.Organisations.AnyAsync(o => o.Id == providerId && o.Kind == Core.Organisations.OrganisationKind.Provider, ct))
        {
            errors.Add(new(RuleIds.Input, "Der angegebene Träger wurde nicht gefunden.", "providerId"));
        }

        CheckNameAndAddress(errors, name, address);

        if (current.IntegrationOfficeId is not { } office)
        {
            errors.Add(RoleRefusals.CreateInstitution);
            return Result<Institution>.Invalid(errors);
        }

        if (errors.Count > 0)
        {
            return Result<Institution>.Invalid(errors);
        }

        var institution = new Institution(office, name!, kind!.Value, providerId, address);
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(ct);
        return Result<Institution>.Ok(institution);
    }

    public Task<List<Funder>> FundersAsync(string? q, FunderKind? kind, CancellationToken ct)
    {
        var folded = SearchText.Fold(q);
        return db.Funders.AsNoTracking().Include(f => f.Releases)
            .Where(f => (folded == string.Empty || f.SearchName.Contains(folded)) && (kind == null || f.Kind == kind))
            .OrderBy(f => f.SearchName).Take(500).ToListAsync(ct);
    }

    public Task<Funder?> FunderAsync(Guid id, CancellationToken ct)
        => db.Funders.Include(f => f.Releases).FirstOrDefaultAsync(f => f.Id == id, ct);

    /// <summary>FU-04: creating a funder runs a duplicate search first.</summary>
    public async Task<List<NameCandidate>> FunderDuplicatesAsync(string? name, CancellationToken ct)
    {
        var pool = await db.Funders.AsNoTracking().OrderBy(f => f.SearchName).Select(f => new { f.Id, f.Name, f.Kind }).Take(20000).ToListAsync(ct);
        return Rank(name, pool.Select(f => (f.Id, f.Name, f.Kind.ToString())));
    }

    public async Task<Result<Funder>> CreateFunderAsync(string? name, FunderKind? kind, Address? address, CancellationToken ct)
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new(RuleIds.Input, "Bitte den Namen des Leistungsträgers angeben.", "name"));
        }

        if (kind is null)
        {
            errors.Add(new(RuleIds.Input, "Bitte die Art des Leistungsträgers angeben (z. B. Krankenkasse, Rentenversicherung).", "kind"));
        }

        CheckNameAndAddress(errors, name, address);

        if (current.IntegrationOfficeId is not { } office)
        {
            errors.Add(RoleRefusals.CreateFunder);
            return Result<Funder>.Invalid(errors);
        }

        if (errors.Count > 0)
        {
            return Result<Funder>.Invalid(errors);
        }

        var funder = new Funder(office, name!, kind!.Value, address);
        db.Funders.Add(funder);
        await db.SaveChangesAsync(ct);
        return Result<Funder>.Ok(funder);
    }

    public static IReadOnlyList<RuleViolation> CheckContact(ContactInput input)
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add(RuleViolation.Input("Bitte den Namen der Ansprechperson angeben.", "name"));
        }

        InputCheck.MaxLength(errors, "name", input.Name, 200, "Der Name");
        InputCheck.MaxLength(errors, "role", input.Role, 100, "Die Funktion");
        InputCheck.MaxLength(errors, "phone", input.Phone, 40, "Die Telefonnummer");
        InputCheck.MaxLength(errors, "email", input.Email, 200, "Die E-Mail-Adresse");
        InputCheck.Email(errors, "email", input.Email);
        return errors;
    }

    private static void CheckNameAndAddress(List<RuleViolation> errors, string? name, Address? address)
    {
        InputCheck.MaxLength(errors, "name", name, 200, "Der Name");
        InputCheck.MaxLength(errors, "address.street", address?.Street, 200, "Straße und Hausnummer");
        InputCheck.MaxLength(errors, "address.postalCode", address?.PostalCode, 10, "Die Postleitzahl");
        InputCheck.MaxLength(errors, "address.city", address?.City, 100, "Der Ort");
    }

    public async Task<ContactPerson> AddContactAsync(Institution institution, ContactInput input, CancellationToken ct)
    {
        var contact = institution.AddContact(input.Name!, input.Role, input.Phone, input.Email);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    public async Task<ContactPerson> AddContactAsync(Funder funder, ContactInput input, CancellationToken ct)
    {
        var contact = funder.AddContact(input.Name!, input.Role, input.Phone, input.Email);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    /// <summary>FU-04: the IFD asks for the release of an LEK funder.</summary>
    public async Task<Result<FunderRelease>> RequestReleaseAsync(Funder funder, CancellationToken ct)
    {
        if (current.ServiceId is not { } service)
        {
            return Result<FunderRelease>.Invalid([Funder.ReleaseForOwnServiceOnly]);
        }

        var release = TrackNew(funder, service, () => funder.RequestRelease(service, current.UserId, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return Result<FunderRelease>.Ok(release);
    }

    /// <summary>FU-04: InA-Koordination releases the LEK funder for an IFD of its state.</summary>
    public async Task<Result<FunderRelease>> ReleaseAsync(Funder funder, Guid? serviceId, CancellationToken ct)
    {
        var service = serviceId is null ? null : await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null || service.IntegrationOfficeId != current.IntegrationOfficeId)
        {
            return Result<FunderRelease>.Invalid([RuleViolation.Input(service is null ? "Bitte den IFD angeben, für den freigeschaltet wird." : "Freischalten kann die InA-Koordination nur für IFD des eigenen Landes.", "serviceId")]);
        }

        var release = TrackNew(funder, service.Id, () => funder.Release(service.Id, current.UserId, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return Result<FunderRelease>.Ok(release);
    }

    /// <summary>InA workspace: open release requests of the own state.</summary>
    public async Task<List<(Funder Funder, FunderRelease Request, string ServiceName)>> PendingReleasesAsync(CancellationToken ct)
    {
        var funders = await db.Funders.AsNoTracking().Include(f => f.Releases)
            .Where(f => f.Releases.Any(r => r.ReleasedAt == null)).ToListAsync(ct);
        var services = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return [.. funders.SelectMany(f => f.Releases.Where(r => r.ReleasedAt == null)
            .Select(r => (f, r, services.GetValueOrDefault(r.ServiceId, "?"))))];
    }

    /// <summary>
    /// A release created inside the funder carries its own Guid key, which EF would take for an existing row found
    /// through the navigation (UPDATE of nothing → concurrency error); a new one is added explicitly.
    /// </summary>
    private FunderRelease TrackNew(Funder funder, Guid serviceId, Func<FunderRelease> change)
    {
        var isNew = funder.Releases.All(r => r.ServiceId != serviceId);
        var release = change();
        if (isNew)
        {
            db.FunderReleases.Add(release);
        }

        return release;
    }

    private static List<NameCandidate> Rank(string? name, IEnumerable<(Guid Id, string Name, string Kind)> pool)
        => [.. pool.Select(p => new NameCandidate(p.Id, p.Name, p.Kind, Core.Clients.DuplicateScore.ForName(name ?? string.Empty, p.Name)))
            .Where(c => c.Score >= Core.Clients.DuplicateScore.Threshold)
            .OrderByDescending(c => c.Score).Take(10)];
}

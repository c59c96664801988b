using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Data;
using Teilhabe.Core.Network;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;

namespace Teilhabe.Web.Features.Network;

/// <summary>Job development networks (NET-01…03) for pages and API.</summary>
internal sealed class NetworkService(TeilhabeDbContext db, NetworkAccess access, AuditLog audit, TimeProvider clock)
{
    public sealed record Person(string LastName, string FirstName, string? Phone, string? Email);

    public DateOnly Today => clock.Today();

    public async Task<List<JobNetwork>> ListAsync(CancellationToken ct)
    {
        var query = db.Networks.AsNoTracking().Include(n => n.Members).AsQueryable();
        if (!access.IsAdministrator)
        {
            var orgs = await access.OrganisationsAsync(ct);
            query = query.Where(n => n.Members.Any(m => orgs.Contains(m.OrganisationId)));
        }

        return await query.OrderBy(n => n.Name).ToListAsync(ct);
    }

    /// <summary>A network the user may see, with members and their organisations; null when unknown or foreign.</summary>
    public async Task<JobNetwork?> GetAsync(Guid id, CancellationToken ct, bool tracked = false)
    {
        var query = db.Networks.Include(n => n.Members).ThenInclude(m => m.Organisation).AsQueryable();
        var network = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(n => n.Id == id, ct);
        return network is not null && await access.CanSeeAsync(network, ct) ? network : null;
    }

    public async Task<Result<JobNetwork>> CreateAsync(string? name, string? region, Guid? coordinatorId, CancellationToken ct)
    {
        if (!access.IsAdministrator && !access.IsLead)
        {
            return Result<JobNetwork>.Forbidden();
        }

        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new(RuleIds.Input, "Bitte geben Sie einen Namen an.", "name"));
        }

        if (string.IsNullOrWhiteSpace(region))
        {
            errors.Add(new(RuleIds.Input, "Bitte geben Sie die Region an.", "region"));
        }

        InputCheck.MaxLength(errors, "name", name, 200, "Der Name");
        InputCheck.MaxLength(errors, "region", region, 100, "Die Region");
        var coordinator = coordinatorId is { } cid ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == cid, ct) : null;
        if (coordinator is null)
        {
            errors.Add(new(RuleIds.Input, "Bitte wählen Sie die koordinierende Organisation.", "coordinatorOrganisationId"));
        }

        if (errors.Count > 0)
        {
            return Result<JobNetwork>.Invalid(errors);
        }

        // An IFD lead founds a network for the own Träger only; InA-Koordination and administrators for any organisation.
        if (!access.IsAdministrator && !access.IsInIntegrationOffice && !(await access.OrganisationsAsync(ct)).Contains(coordinator!.Id))
        {
            return Result<JobNetwork>.Forbidden();
        }

        var network = new JobNetwork(name!, region!, coordinator!.Id, await DefaultKindAsync(coordinator, ct), Today, access.UserId);
        db.Networks.Add(network);
        await db.SaveChangesAsync(ct);
        return Result<JobNetwork>.Ok(network);
    }

    public async Task<Result<NetworkMember>> AddMemberAsync(Guid networkId, Guid? organisationId, string? kindCode, CancellationToken ct)
    {
        var network = await GetAsync(networkId, ct, tracked: true);
        if (network is null)
        {
            return Result<NetworkMember>.NotFound();
        }

        if (!await access.CanInviteAsync(network, ct))
        {
            return Result<NetworkMember>.Forbidden();
        }

        var organisation = organisationId is { } oid ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == oid, ct) : null;
        if (organisation is null)
        {
            return Result<NetworkMember>.Invalid([new(RuleIds.Input, "Bitte wählen Sie eine Organisation.", "organisationId")]);
        }

        MemberKind? kind = kindCode is null ? null : MemberKinds.Parse(kindCode);
        if (kindCode is not null && kind is null)
        {
            return Result<NetworkMember>.Invalid([new(RuleIds.Input, "Die Art des Mitglieds ist ifd, inclusion-company, sheltered-workshop, welfare-provider, employer oder integration-office.", "kind")]);
        }

        var member = network.AddMember(organisation.Id, kind ?? await DefaultKindAsync(organisation, ct), Today, access.UserId);
        if (member is null)
        {
            return Result<NetworkMember>.Invalid([NetworkRules.AlreadyMember(organisation.Name)]);
        }

        db.NetworkMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return Result<NetworkMember>.Ok(member);
    }

    public async Task<Result<bool>> RemoveMemberAsync(Guid networkId, Guid organisationId, CancellationToken ct)
    {
        var network = await GetAsync(networkId, ct, tracked: true);
        if (network is null || !network.HasMember(organisationId))
        {
            return Result<bool>.NotFound();
        }

        if (!await access.CanRemoveAsync(network, organisationId, ct))
        {
            return Result<bool>.Forbidden();
        }

        if (!network.RemoveMember(organisationId))
        {
            return Result<bool>.Invalid([NetworkRules.CoordinatorStays]);
        }

        await db.SaveChangesAsync(ct);
        return Result<bool>.Ok(true);
    }

    public async Task<List<JobPotential>> PotentialsAsync(Guid networkId, CancellationToken ct)
        => await db.JobPotentials.AsNoTracking().Where(p => p.NetworkId == networkId).OrderBy(p => p.IdentifiedOn).ThenBy(p => p.Title).ToListAsync(ct);

    public async Task<Dictionary<Guid, int>> CandidateCountsAsync(Guid networkId, CancellationToken ct)
        => await db.NetworkCandidates.AsNoTracking()
            .Where(c => db.JobPotentials.Any(p => p.Id == c.PotentialId && p.NetworkId == networkId))
            .GroupBy(c => c.PotentialId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    public async Task<Result<JobPotential>> CreatePotentialAsync(Guid networkId, PotentialDraft draft, Guid? responsibleId, CancellationToken ct)
    {
        var network = await GetAsync(networkId, ct);
        if (network is null)
        {
            return Result<JobPotential>.NotFound();
        }

        if (await access.MemberOrganisationAsync(network, ct) is not { } own)
        {
            return Result<JobPotential>.Forbidden();
        }

        var errors = JobPotential.Validate(draft).ToList();
        if (NetworkRules.CheckResponsible(network, responsibleId) is { } notMember)
        {
            errors.Add(notMember);
        }

        if (draft.EmployerInstitutionId is { } employer && !await db.Institutions.AnyAsync(i => i.Id == employer, ct))
        {
            errors.Add(new(RuleIds.Input, "Der Arbeitgeber ist im Verzeichnis nicht bekannt.", "employerId"));
        }

        if (errors.Count > 0)
        {
            return Result<JobPotential>.Invalid(errors);
        }

        var potential = new JobPotential(network, draft, responsibleId ?? own, Today, clock.GetUtcNow(), access.UserId);
        db.JobPotentials.Add(potential);
        await db.SaveChangesAsync(ct);
        return Result<JobPotential>.Ok(potential);
    }

    /// <summary>A potential whose network the user may see, with that network.</summary>
    public async Task<(JobPotential Potential, JobNetwork Network)?> GetPotentialAsync(Guid id, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.JobPotentials : db.JobPotentials.AsNoTracking();
        var potential = await query.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (potential is null || await GetAsync(potential.NetworkId, ct) is not { } network)
        {
            return null;
        }

        return (potential, network);
    }

    public async Task<Result<JobPotential>> MoveAsync(Guid potentialId, PotentialStage stage, CancellationToken ct)
    {
        if (await GetPotentialAsync(potentialId, ct, tracked: true) is not { } found)
        {
            return Result<JobPotential>.NotFound();
        }

        if (await access.MemberOrganisationAsync(found.Network, ct) is null)
        {
            return Result<JobPotential>.Forbidden();
        }

        var errors = found.Potential.MoveTo(stage, Today, clock.GetUtcNow(), access.UserId);
        if (errors.Count > 0)
        {
            return Result<JobPotential>.Invalid(errors);
        }

        await db.SaveChangesAsync(ct);
        return Result<JobPotential>.Ok(found.Potential);
    }

    public async Task<List<NetworkCandidate>> CandidatesAsync(Guid potentialId, CancellationToken ct)
        => await db.NetworkCandidates.AsNoTracking().Where(c => c.PotentialId == potentialId).OrderBy(c => c.OfferedOn).ThenBy(c => c.Pseudonym).ToListAsync(ct);

    /// <summary>NET-03: the owning IFD offers its own client as an anonymised profile.</summary>
    public async Task<Result<NetworkCandidate>> OfferAsync(Guid potentialId, Guid? clientId, CandidateProfileInput profile, CancellationToken ct)
    {
        if (await GetPotentialAsync(potentialId, ct) is not { } found)
        {
            return Result<NetworkCandidate>.NotFound();
        }

        if (!access.IsClientWorker || await access.MemberOrganisationAsync(found.Network, ct) is null)
        {
            return Result<NetworkCandidate>.Forbidden();
        }

        if (clientId is null)
        {
            return Result<NetworkCandidate>.Invalid([new(RuleIds.Input, "Bitte wählen Sie eine Klientin oder einen Klienten.", "clientId")]);
        }

        // The tenant filter hides other IFDs' clients; InA-Koordination sees more, but only the owning IFD offers.
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == clientId, ct);
        if (client is null || client.ServiceId != access.ServiceId)
        {
            return Result<NetworkCandidate>.NotFound();
        }

        var errors = CandidateProfiles.Check(profile, client).ToList();
        if (NetworkRules.CheckOpenForCandidates(found.Potential) is { } closed)
        {
            errors.Add(closed);
        }

        if (errors.Count > 0)
        {
            return Result<NetworkCandidate>.Invalid(errors);
        }

        if (await db.NetworkCandidates.AnyAsync(c => c.PotentialId == potentialId && c.ClientId == client.Id, ct))
        {
            return Result<NetworkCandidate>.Conflict(RuleViolation.Input("Diese Person ist dem Potenzial bereits angeboten.", "clientId"));
        }

        var taken = await db.NetworkCandidates.Where(c => c.PotentialId == potentialId).Select(c => c.Pseudonym).ToListAsync(ct);
        var pseudonym = CandidateProfiles.NewPseudonym();
        while (taken.Contains(pseudonym))
        {
            pseudonym = CandidateProfiles.NewPseudonym();
        }

        var candidate = new NetworkCandidate(found.Potential, client, profile, pseudonym, Today, access.UserId);
        db.NetworkCandidates.Add(candidate);
        await db.SaveChangesAsync(ct);
        return Result<NetworkCandidate>.Ok(candidate);
    }

    /// <summary>A candidate of the own IFD (consent and reveal are the owning IFD's alone).</summary>
    private async Task<(NetworkCandidate Candidate, JobPotential Potential)?> OwnCandidateAsync(Guid id, CancellationToken ct)
    {
        var candidate = await db.NetworkCandidates.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (candidate is null || !access.IsClientWorker || candidate.ServiceId != access.ServiceId)
        {
            return null;
        }

        var potential = await db.JobPotentials.AsNoTracking().FirstAsync(p => p.Id == candidate.PotentialId, ct);
        return (candidate, potential);
    }

    public async Task<Result<NetworkCandidate>> RecordConsentAsync(Guid id, DateOnly? givenOn, CancellationToken ct)
    {
        if (await OwnCandidateAsync(id, ct) is not { } own)
        {
            return Result<NetworkCandidate>.NotFound();
        }

        if (givenOn is null || givenOn > Today)
        {
            return Result<NetworkCandidate>.Invalid([new(RuleIds.Input, "Bitte geben Sie den Tag der Einwilligung an (nicht in der Zukunft).", "givenOn")]);
        }

        own.Candidate.RecordConsent(givenOn.Value, access.UserId);
        await db.SaveChangesAsync(ct);
        return Result<NetworkCandidate>.Ok(own.Candidate);
    }

    /// <summary>NET-03: the owning IFD makes the person known to the potential's responsible member, after consent.</summary>
    public async Task<Result<NetworkCandidate>> RevealAsync(Guid id, CancellationToken ct)
    {
        if (await OwnCandidateAsync(id, ct) is not { } own)
        {
            return Result<NetworkCandidate>.NotFound();
        }

        var errors = own.Candidate.Reveal(own.Potential.ResponsibleOrganisationId, clock.GetUtcNow(), access.UserId);
        if (errors.Count > 0)
        {
            return Result<NetworkCandidate>.Invalid(errors);
        }

        await db.SaveChangesAsync(ct);
        return Result<NetworkCandidate>.Ok(own.Candidate);
    }

    /// <summary>
    /// NET-03: name and contact of a revealed candidate, for the member it was revealed to and the owning IFD. The client
    /// belongs to another IFD, so the tenant filter is lifted for exactly this row; every read is audited (ACC-09).
    /// </summary>
    public async Task<Person?> RevealedPersonAsync(Guid id, CancellationToken ct)
    {
        var candidate = await db.NetworkCandidates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (candidate?.RevealedToOrganisationId is not { } revealedTo || !access.IsWorker)
        {
            return null;
        }

        var ownIfd = candidate.ServiceId == access.ServiceId;
        if (!ownIfd && !(await access.OrganisationsAsync(ct)).Contains(revealedTo))
        {
            return null;
        }

        var person = await db.Clients.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == candidate.ClientId)
            .Select(c => new Person(c.LastName, c.FirstName, c.Phone, c.Email)).FirstOrDefaultAsync(ct);
        if (person is not null)
        {
            await audit.ReadAsync(nameof(Client), candidate.ClientId, candidate.ServiceId, ct, clientId: candidate.ClientId,
                reason: $"Netzwerk: freigegebene Person {candidate.Pseudonym} (NET-03)");
        }

        return person;
    }

    public async Task<Dictionary<Guid, string>> OrganisationNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => list.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    public async Task<Dictionary<string, string>> UserNamesAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.Where(i => !string.IsNullOrEmpty(i)).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    public async Task<List<Organisation>> OrganisationsAsync(CancellationToken ct)
        => await db.Organisations.AsNoTracking().OrderBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync(ct);

    public async Task<NetworkReport?> ReportAsync(Guid networkId, int? year, CancellationToken ct)
    {
        if (await GetAsync(networkId, ct) is null)
        {
            return null;
        }

        var potentials = await db.JobPotentials.AsNoTracking().Where(p => p.NetworkId == networkId).ToListAsync(ct);
        return NetworkReport.Build(potentials, year ?? Today.Year);
    }

    /// <summary>The own clients the user may offer (the own IFD only, never the wider InA scope).</summary>
    public async Task<List<Client>> OwnClientsAsync(CancellationToken ct)
    {
        if (!access.IsClientWorker)
        {
            return [];
        }

        var clients = await db.Clients.AsNoTracking().Where(c => c.ServiceId == access.ServiceId)
            .OrderBy(c => c.SearchLastName).ThenBy(c => c.SearchFirstName).Take(500).ToListAsync(ct);
        if (clients.Count > 0)
        {
            await audit.RecordAsync(AuditActions.Read, "ClientSearch", clients.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ct,
                serviceId: access.ServiceId, reason: $"Netzwerk: Auswahl zum Anbieten, {clients.Count} Namen angezeigt");
        }

        return clients;
    }

    private async Task<MemberKind> DefaultKindAsync(Organisation organisation, CancellationToken ct)
    {
        if (organisation.Kind == OrganisationKind.IntegrationOffice)
        {
            return MemberKind.IntegrationOffice;
        }

        return await db.Services.AnyAsync(s => s.ProviderId == organisation.Id, ct) ? MemberKind.Ifd : MemberKind.WelfareProvider;
    }
}

using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.Core.Directory;
using Teilhabe.Core.IfdTasks;
using Teilhabe.Core.Rules;
using Teilhabe.Core.Time;
using Teilhabe.Web.Features.Cases;

namespace Teilhabe.Web.Features.IfdTasks;

/// <summary>
/// IFD-01 tasks of a case for pages and API: the Fähigkeits-, Leistungs- und Interessenprofil, school career
/// orientation, accompaniment of an apprenticeship and the client's consent to inform colleagues. These are
/// internal case content: the responsible caseworkers, their deputies and the IFD lead read and write them;
/// InA-Koordination does not see them (ACC-07), administrators see no case. Every read is audited (ACC-09).
/// </summary>
internal sealed class IfdTasksService(TeilhabeDbContext db, CaseAccess access, ICurrentUser user, TimeProvider clock, AuditLog audit)
{
    /// <summary>404 when the case is unknown or not visible, 403 when the caller sees the case but not its IFD-01 records.</summary>
    public async Task<Result<Case>> CaseAsync(Guid id, CancellationToken ct)
    {
        var @case = await db.Cases.AsNoTracking().Include(c => c.Deputies).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null || !access.CanSee(@case))
        {
            return Result<Case>.NotFound();
        }

        return access.CanEdit(@case) ? Result<Case>.Ok(@case) : Result<Case>.Forbidden();
    }

    private Task AuditReadAsync(string entity, Guid id, Case c, CancellationToken ct)
        => audit.ReadAsync(entity, id, c.ServiceId, ct, clientId: c.ClientId, caseId: c.Id);

    // ---------------------------------------------------------------- consent to inform colleagues

    public async Task<List<ColleagueConsent>> ConsentsAsync(Case c, CancellationToken ct)
    {
        var list = await db.ColleagueConsents.AsNoTracking().Where(x => x.CaseId == c.Id).ToListAsync(ct);
        await AuditReadAsync(nameof(ColleagueConsent), c.Id, c, ct);
        return [.. list.OrderByDescending(x => x.GivenOn).ThenByDescending(x => x.CreatedAt)];
    }

    public async Task<Result<ColleagueConsent>> RecordConsentAsync(Case c, ConsentDraft draft, CancellationToken ct)
    {
        var (consent, errors) = ColleagueConsent.Record(c, draft, clock.Today(), clock.GetUtcNow(), user.UserId);
        if (consent is null)
        {
            return Result<ColleagueConsent>.Invalid(errors);
        }

        db.ColleagueConsents.Add(consent);
        await db.SaveChangesAsync(ct);
        return Result<ColleagueConsent>.Ok(consent);
    }

    /// <summary>Null when the consent does not belong to the case.</summary>
    public async Task<Result<ColleagueConsent>> RevokeConsentAsync(Case c, Guid consentId, DateOnly? revokedOn, CancellationToken ct)
    {
        var consent = await db.ColleagueConsents.FirstOrDefaultAsync(x => x.Id == consentId && x.CaseId == c.Id, ct);
        if (consent is null)
        {
            return Result<ColleagueConsent>.NotFound();
        }

        var errors = consent.Revoke(revokedOn, clock.Today(), clock.GetUtcNow(), user.UserId);
        if (errors.Count == 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return Result<ColleagueConsent>.From(consent!, errors);
    }

    /// <summary>IFD-01 for a contact being recorded (used by the contact service for page and API alike).</summary>
    public static async Task<IReadOnlyList<RuleViolation>> ContactConsentViolationsAsync(
        TeilhabeDbContext db, Guid caseId, DateTimeOffset? occurredAt, IEnumerable<string> topicCodes, IEnumerable<string> outcomeCodes, CancellationToken ct)
    {
        var topics = topicCodes.ToList();
        var outcomes = outcomeCodes.ToList();
        if (occurredAt is null || (!topics.Contains(ColleagueConsentRules.Topic) && !outcomes.Contains(ColleagueConsentRules.Outcome)))
        {
            return [];
        }

        var consents = await db.ColleagueConsents.AsNoTracking().Where(x => x.CaseId == caseId).ToListAsync(ct);
        var day = DateOnly.FromDateTime(BerlinTime.ToBerlin(occurredAt.Value).DateTime);
        return ColleagueConsentRules.Check(topics, outcomes, day, consents);
    }

    /// <summary>IFD-01 for a new LEK "Kolleginnen und Kollegen informiert": only on a case with a recorded consent given by today.</summary>
    public static async Task<IReadOnlyList<RuleViolation>> OutcomeConsentViolationsAsync(TeilhabeDbContext db, Guid caseId, string? outcomeCode, DateOnly today, CancellationToken ct)
    {
        if (outcomeCode != ColleagueConsentRules.Outcome || await db.ColleagueConsents.AnyAsync(x => x.CaseId == caseId && x.GivenOn <= today, ct))
        {
            return [];
        }

        return [new(ColleagueConsentRules.Rule, ColleagueConsentRules.Message, "outcomeCode")];
    }

    // ---------------------------------------------------------------- ability profile

    public async Task<AbilityProfile?> ProfileAsync(Case c, CancellationToken ct, bool tracked = false)
    {
        var query = db.AbilityProfiles.Include(p => p.Revisions).Where(p => p.CaseId == c.Id);
        var profile = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
        if (profile is not null && !tracked)
        {
            await AuditReadAsync(nameof(AbilityProfile), profile.Id, c, ct);
        }

        return profile;
    }

    public async Task<Result<AbilityProfile>> SaveProfileAsync(
        Case c, int? expectedVersion, AbilityProfileDraft draft, DateOnly? agreedOn, CancellationToken ct)
    {
        var profile = await ProfileAsync(c, ct, tracked: true);
        if (expectedVersion is { } expected && expected != (profile?.Version ?? 0))
        {
            return Result<AbilityProfile>.Conflict();
        }

        var errors = new List<RuleViolation>();
        if (draft.InstitutionId is { } iid)
        {
            var kind = await db.Institutions.AsNoTracking().Where(i => i.Id == iid).Select(i => (InstitutionKind?)i.Kind).FirstOrDefaultAsync(ct);
            if (kind is null or InstitutionKind.Employer or InstitutionKind.InclusionCompany)
            {
                errors.Add(new(RuleIds.Input, "Bitte eine Schule, eine Werkstatt oder eine andere Einrichtung der Bildung oder Rehabilitation aus dem Verzeichnis wählen.", "institutionId"));
            }
        }

        var isNew = profile is null;
        profile ??= new AbilityProfile(c, clock.GetUtcNow());
        errors.AddRange(errors.Count == 0 ? profile.Save(draft, agreedOn, clock.Today(), clock.GetUtcNow(), user.UserId) : draft.Validate(clock.Today()));
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Result<AbilityProfile>.Invalid(errors);
        }

        if (isNew)
        {
            db.AbilityProfiles.Add(profile);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Result<AbilityProfile>.Conflict();
        }

        return Result<AbilityProfile>.Ok(profile);
    }

    public async Task<Institution?> InstitutionAsync(Guid? id, CancellationToken ct)
        => id is null ? null : await db.Institutions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);

    public async Task<Dictionary<Guid, string>> InstitutionNamesAsync(IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<Guid>().Distinct().ToList();
        return await db.Institutions.AsNoTracking().Where(i => wanted.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
    }

    public Task<List<Institution>> InstitutionChoicesAsync(IReadOnlyCollection<InstitutionKind> kinds, CancellationToken ct)
        => db.Institutions.AsNoTracking().Where(i => kinds.Contains(i.Kind)).OrderBy(i => i.Name).Take(500).ToListAsync(ct);

    public Task<List<Funder>> AgencyChoicesAsync(CancellationToken ct)
        => db.Funders.AsNoTracking().Where(f => f.Kind == FunderKind.EmploymentAgency).OrderBy(f => f.Name).Take(200).ToListAsync(ct);

    public async Task<string?> FunderNameAsync(Guid? id, CancellationToken ct)
        => id is null ? null : await db.Funders.AsNoTracking().Where(f => f.Id == id).Select(f => f.Name).FirstOrDefaultAsync(ct);

    // ---------------------------------------------------------------- school career orientation

    public async Task<SchoolOrientation?> OrientationAsync(Case c, CancellationToken ct, bool tracked = false)
    {
        var query = db.SchoolOrientations.Include(s => s.Activities).Where(s => s.CaseId == c.Id);
        var orientation = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
        if (orientation is not null && !tracked)
        {
            await AuditReadAsync(nameof(SchoolOrientation), orientation.Id, c, ct);
        }

        return orientation;
    }

    public async Task<Result<SchoolOrientation>> SaveOrientationAsync(
        Case c, int? expectedVersion, SchoolOrientationDraft draft, CancellationToken ct)
    {
        var orientation = await OrientationAsync(c, ct, tracked: true);
        if (expectedVersion is { } expected && expected != (orientation?.Version ?? 0))
        {
            return Result<SchoolOrientation>.Conflict();
        }

        var errors = new List<RuleViolation>();
        if (draft.SchoolId is { } sid && !await db.Institutions.AnyAsync(i => i.Id == sid && i.Kind == InstitutionKind.School, ct))
        {
            errors.Add(new(RuleIds.Input, "Bitte eine Schule aus dem Verzeichnis wählen (Art: Schule).", "schoolId"));
        }

        if (draft.RequestingFunderId is null)
        {
            errors.Add(new(RuleIds.Input, "Bitte die anfordernde Agentur für Arbeit wählen.", "requestingFunderId"));
        }
        else if (!await db.Funders.AnyAsync(f => f.Id == draft.RequestingFunderId && f.Kind == FunderKind.EmploymentAgency, ct))
        {
            errors.Add(new(RuleIds.Input, "Die Berufsorientierung in Schulen unterstützt der IFD auf Anforderung der Bundesagentur für Arbeit – bitte eine Agentur für Arbeit wählen.", "requestingFunderId"));
        }

        var isNew = orientation is null;
        orientation ??= new SchoolOrientation(c, clock.GetUtcNow());
        errors.AddRange(orientation.Update(draft, clock.Today()).Where(e => !errors.Any(x => x.Field == e.Field)));
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Result<SchoolOrientation>.Invalid(errors);
        }

        if (isNew)
        {
            db.SchoolOrientations.Add(orientation);
        }

        return await SaveAsync(orientation, ct);
    }

    public async Task<Result<SchoolOrientation>> AddActivityAsync(
        Case c, OrientationActivityKind? kind, DateOnly? on, string? result, CancellationToken ct)
    {
        var orientation = await OrientationAsync(c, ct, tracked: true);
        if (orientation is null)
        {
            return Result<SchoolOrientation>.Invalid([new(RuleIds.Input, "Bitte zuerst die Anforderung der Agentur für Arbeit und die Schule erfassen.", "schoolOrientation")]);
        }

        var (activity, errors) = orientation.AddActivity(kind, on, result, clock.Today());
        if (activity is null)
        {
            return Result<SchoolOrientation>.Invalid(errors);
        }

        db.Add(activity);
        await db.SaveChangesAsync(ct);
        return Result<SchoolOrientation>.Ok(orientation);
    }

    // ---------------------------------------------------------------- apprenticeship

    public async Task<List<Apprenticeship>> ApprenticeshipsAsync(Case c, CancellationToken ct)
    {
        var list = await db.Apprenticeships.AsNoTracking().Where(a => a.CaseId == c.Id).ToListAsync(ct);
        await AuditReadAsync(nameof(Apprenticeship), c.Id, c, ct);
        return [.. list.OrderByDescending(a => a.StartDate)];
    }

    public async Task<Result<Apprenticeship>> SaveApprenticeshipAsync(
        Case c, Guid? apprenticeshipId, int? expectedVersion, ApprenticeshipDraft draft, CancellationToken ct)
    {
        Apprenticeship? apprenticeship = null;
        if (apprenticeshipId is { } aid)
        {
            apprenticeship = await db.Apprenticeships.FirstOrDefaultAsync(a => a.Id == aid && a.CaseId == c.Id, ct);
            if (apprenticeship is null)
            {
                return Result<Apprenticeship>.NotFound();
            }

            if (expectedVersion is { } expected && expected != apprenticeship.Version)
            {
                return Result<Apprenticeship>.Conflict();
            }
        }

        var errors = new List<RuleViolation>();
        if (draft.EmployerId is { } eid && !await db.Institutions.AnyAsync(i => i.Id == eid && (i.Kind == InstitutionKind.Employer || i.Kind == InstitutionKind.InclusionCompany || i.Kind == InstitutionKind.Other), ct))
        {
            errors.Add(new(RuleIds.Input, "Bitte den Ausbildungsbetrieb aus dem Verzeichnis wählen (Arbeitgeber).", "employerId"));
        }

        if (draft.VocationalSchoolId is { } sid && !await db.Institutions.AnyAsync(i => i.Id == sid && i.Kind == InstitutionKind.School, ct))
        {
            errors.Add(new(RuleIds.Input, "Bitte die Berufsschule aus dem Verzeichnis wählen (Art: Schule).", "vocationalSchoolId"));
        }

        var isNew = apprenticeship is null;
        apprenticeship ??= new Apprenticeship(c, clock.GetUtcNow());
        errors.AddRange(apprenticeship.Update(draft, clock.Today()).Where(e => !errors.Any(x => x.Field == e.Field)));
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Result<Apprenticeship>.Invalid(errors);
        }

        if (isNew)
        {
            db.Apprenticeships.Add(apprenticeship);
            await LinkTimelineAsync(c, apprenticeship, ct);
        }

        return await SaveAsync(apprenticeship, ct);
    }

    /// <summary>EMP-01: use the "in Ausbildung" situation of the client's timeline, or add it there.</summary>
    private async Task LinkTimelineAsync(Case c, Apprenticeship a, CancellationToken ct)
    {
        var client = await db.Clients.Include(x => x.Employment).FirstOrDefaultAsync(x => x.Id == c.ClientId, ct);
        if (client is null)
        {
            return;
        }

        var situation = client.Employment.FirstOrDefault(e => e.KindCode == "apprenticeship" && e.InstitutionId == a.EmployerId && e.From == a.StartDate)
            ?? client.AddEmployment("apprenticeship", a.StartDate, a.EmployerId, clock.Today());
        a.LinkTimeline(situation.Id);
    }

    private async Task<Result<T>> SaveAsync<T>(T entity, CancellationToken ct)
        where T : class
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<T>.Ok(entity);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<T>.Conflict();
        }
    }
}

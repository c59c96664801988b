using System.Linq.Expressions;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Contacts;
using Teilhabe.Core.Directory;
using Teilhabe.Core.Network;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Programmes;
using Teilhabe.Core.Reports;

namespace Teilhabe.Core.Data;

/// <summary>The one DbContext. Provider (SQLite or PostgreSQL) and migrations assembly are chosen by configuration.</summary>
public sealed class TeilhabeDbContext(DbContextOptions<TeilhabeDbContext> options, ICurrentUser currentUser)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    public ICurrentUser CurrentUser { get; } = currentUser;

    /// <summary>The transaction the audit interceptor opened for one SaveChanges to append to the hash chain (ACC-09).</summary>
    internal Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? AuditChainTransaction { get; set; }

    // Referenced by the query filters; EF parameterises them per context instance.
    private bool ScopeIsSystem => CurrentUser.IsSystem;
    private Guid? ScopeServiceId => CurrentUser.ServiceId;
    private Guid? ScopeOfficeId => CurrentUser.IsInRole(Accounts.Roles.IntegrationOfficeCoordinator) ? CurrentUser.IntegrationOfficeId : null;
    private Guid? ScopeUserOfficeId => CurrentUser.IntegrationOfficeId;

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<CatalogueEntry> CatalogueEntries => Set<CatalogueEntry>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<DisabilityEvidence> DisabilityEvidence => Set<DisabilityEvidence>();
    public DbSet<Disability> Disabilities => Set<Disability>();
    public DbSet<EmploymentSituation> EmploymentSituations => Set<EmploymentSituation>();
    public DbSet<ClientRecordChange> ClientRecordChanges => Set<ClientRecordChange>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<Funder> Funders => Set<Funder>();
    public DbSet<FunderRelease> FunderReleases => Set<FunderRelease>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<PhaseChange> PhaseChanges => Set<PhaseChange>();
    public DbSet<CaseAgreement> CaseAgreements => Set<CaseAgreement>();
    public DbSet<ExtensionRequest> ExtensionRequests => Set<ExtensionRequest>();
    public DbSet<InclusionCompanyApplication> InclusionCompanyApplications => Set<InclusionCompanyApplication>();
    public DbSet<CaseDocument> Documents => Set<CaseDocument>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactVersion> ContactVersions => Set<ContactVersion>();
    public DbSet<RemovedDocument> RemovedDocuments => Set<RemovedDocument>();
    public DbSet<FormTemplate> FormTemplates => Set<FormTemplate>();
    public DbSet<Absence> Absences => Set<Absence>();
    public DbSet<Outcome> Outcomes => Set<Outcome>();
    public DbSet<ContactException> ContactExceptions => Set<ContactException>();
    public DbSet<ContactEntryDraft> ContactEntryDrafts => Set<ContactEntryDraft>();
    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();
    public DbSet<ReportRequest> ReportRequests => Set<ReportRequest>();
    public DbSet<CaseGoal> CaseGoals => Set<CaseGoal>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<Participation> Participations => Set<Participation>();
    public DbSet<ModuleBooking> ModuleBookings => Set<ModuleBooking>();
    public DbSet<IncidentAccess> IncidentAccesses => Set<IncidentAccess>();
    public DbSet<CaseTransferRequest> CaseTransferRequests => Set<CaseTransferRequest>();
    public DbSet<CoordinationNotification> CoordinationNotifications => Set<CoordinationNotification>();
    public DbSet<JobNetwork> Networks => Set<JobNetwork>();
    public DbSet<NetworkMember> NetworkMembers => Set<NetworkMember>();
    public DbSet<JobPotential> JobPotentials => Set<JobPotential>();
    public DbSet<NetworkCandidate> NetworkCandidates => Set<NetworkCandidate>();
    public DbSet<Teilhabe.Core.Jobs.JobRun> JobRuns => Set<Teilhabe.Core.Jobs.JobRun>();
    public DbSet<Retention.RetentionRun> RetentionRuns => Set<Retention.RetentionRun>();
    public DbSet<IfdTasks.ColleagueConsent> ColleagueConsents => Set<IfdTasks.ColleagueConsent>();
    public DbSet<IfdTasks.AbilityProfile> AbilityProfiles => Set<IfdTasks.AbilityProfile>();
    public DbSet<IfdTasks.AbilityProfileRevision> AbilityProfileRevisions => Set<IfdTasks.AbilityProfileRevision>();
    public DbSet<IfdTasks.SchoolOrientation> SchoolOrientations => Set<IfdTasks.SchoolOrientation>();
    public DbSet<IfdTasks.Apprenticeship> Apprenticeships => Set<IfdTasks.Apprenticeship>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset stored as text; all timestamps are UTC, so a
        // binary (ticks) representation orders correctly.
        if (Database.ProviderName == SqliteProviderName)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TeilhabeDbContext).Assembly);

        // Keys are created by the domain (Guid v7), never by the database: a new child found through a
        // navigation must be inserted, not taken for an existing row.
        foreach (var key in builder.Model.GetEntityTypes().Select(t => t.FindPrimaryKey()).Where(k => k is { Properties.Count: 1 }))
        {
            var property = key!.Properties[0];
            if (property.ClrType == typeof(Guid))
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }

        foreach (var type in builder.Model.GetEntityTypes().Select(t => t.ClrType).ToList())
        {
            if (typeof(IServiceScoped).IsAssignableFrom(type))
            {
                ApplyScopeFilterMethod.MakeGenericMethod(type).Invoke(this, [builder]);
            }
            else if (typeof(IOfficeScoped).IsAssignableFrom(type))
            {
                ApplyOfficeFilterMethod.MakeGenericMethod(type).Invoke(this, [builder]);
            }
        }
    }

    private static readonly MethodInfo ApplyScopeFilterMethod =
        typeof(TeilhabeDbContext).GetMethod(nameof(ApplyScopeFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private static readonly MethodInfo ApplyOfficeFilterMethod =
        typeof(TeilhabeDbContext).GetMethod(nameof(ApplyOfficeFilter), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>Directories shared by the IFDs of one Integrationsamt; nothing of another state is visible.</summary>
    private void ApplyOfficeFilter<T>(ModelBuilder builder)
        where T : class, IOfficeScoped
    {
        Expression<Func<T, bool>> filter = e => ScopeIsSystem || e.IntegrationOfficeId == ScopeUserOfficeId;
        builder.Entity<T>().HasQueryFilter(filter);
    }

    /// <summary>ACC-06: a user sees nothing of another IFD; InA-Koordination sees the IFDs of its Integrationsamt.</summary>
    private void ApplyScopeFilter<T>(ModelBuilder builder)
        where T : class, IServiceScoped
    {
        Expression<Func<T, bool>> filter = e =>
            ScopeIsSystem || e.ServiceId == ScopeServiceId || e.IntegrationOfficeId == ScopeOfficeId;
        builder.Entity<T>().HasQueryFilter(filter);
    }
}

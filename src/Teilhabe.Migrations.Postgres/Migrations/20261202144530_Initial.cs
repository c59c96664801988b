using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Teilhabe.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Absences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Absences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: true),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    SessionStamp = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Entity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Fields = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CatalogueEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Catalogue = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Form = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    Parent = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PresetsCaseFunder = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Clients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Gender = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Nationality = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Street = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WorkingLifePosition = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    HearingImpaired = table.Column<bool>(type: "boolean", nullable: false),
                    SearchLastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SearchFirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    AnonymisedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Funders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SearchName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Street = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Funders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Institutions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SearchName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: true),
                    Street = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Institutions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Job = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RemovedDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemovedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemovedDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RetentionRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CasesAnonymised = table.Column<int>(type: "integer", nullable: false),
                    ClientsAnonymised = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AbsenceDeputies",
                columns: table => new
                {
                    AbsenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AbsenceDeputies", x => new { x.AbsenceId, x.UserId });
                    table.ForeignKey(
                        name: "FK_AbsenceDeputies_Absences_AbsenceId",
                        column: x => x.AbsenceId,
                        principalTable: "Absences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PasswordHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PasswordHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PasswordHistory_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Disabilities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Recognised = table.Column<bool>(type: "boolean", nullable: false),
                    CareRelevant = table.Column<bool>(type: "boolean", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disabilities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Disabilities_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DisabilityEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NoticeDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    Degree = table.Column<int>(type: "integer", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DisabilityEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DisabilityEvidence_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CaseworkerId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Phase = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PhaseSince = table.Column<DateOnly>(type: "date", nullable: false),
                    CommissionStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PlannedEndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FunderId = table.Column<Guid>(type: "uuid", nullable: true),
                    CareTypeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LegalBasisCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CaseGroupCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReferringBodyCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ParentCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ClosingReasonCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OutcomeCategoryCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Concern = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PlannedContents = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    DisabilityImpact = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    GoalAgreementText = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Supplements = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Progress = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ClosingResult = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Todo = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ContactFrequencyDays = table.Column<int>(type: "integer", nullable: true),
                    NoticeSignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NoticeVersion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    NoticeCommissionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    NoticeApplicationDate = table.Column<DateOnly>(type: "date", nullable: true),
                    NoticeSecondSignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RestrictedToCommission = table.Column<bool>(type: "boolean", nullable: false),
                    NoticeRenewalRequired = table.Column<bool>(type: "boolean", nullable: false),
                    EmployerAppliedBeforeIfd = table.Column<bool>(type: "boolean", nullable: false),
                    ApplicationWithIfdSupportConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PriorMeasuresExhaustedConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    ObjectedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ObjectionReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ObjectedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AnonymisedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_Cases_ParentCaseId",
                        column: x => x.ParentCaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_Funders_FunderId",
                        column: x => x.FunderId,
                        principalTable: "Funders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FunderContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    FunderId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FunderContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FunderContacts_Funders_FunderId",
                        column: x => x.FunderId,
                        principalTable: "Funders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FunderReleases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FunderId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReleasedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FunderReleases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FunderReleases_Funders_FunderId",
                        column: x => x.FunderId,
                        principalTable: "Funders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmploymentSituations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    KindCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ConfirmedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmploymentSituations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmploymentSituations_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EmploymentSituations_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InstitutionContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstitutionContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InstitutionContacts_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Networks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CoordinatorOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Networks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Networks_Organisations_CoordinatorOrganisationId",
                        column: x => x.CoordinatorOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Services",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Services", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Services_Organisations_IntegrationOfficeId",
                        column: x => x.IntegrationOfficeId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Services_Organisations_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AbilityProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProfileDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Abilities = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Resilience = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    WorkPace = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Endurance = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Performance = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Interests = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Limitations = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Recommendation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ClientParticipated = table.Column<bool>(type: "boolean", nullable: false),
                    FunderParticipated = table.Column<bool>(type: "boolean", nullable: false),
                    FunderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: true),
                    InstitutionContact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Edition = table.Column<int>(type: "integer", nullable: false),
                    AgreedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AbilityProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AbilityProfiles_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AbilityProfiles_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AgreedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AgreedWith = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApprovedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAgreements_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseDeputies",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDeputies", x => new { x.CaseId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CaseDeputies_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Goal = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SubGoals = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Activities = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Resources = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Responsible = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Rating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    RatingExplanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseGoals_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseTransferRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    FromServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ClientName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ClientBirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RequestedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReleaseDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReleaseUploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTransferRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTransferRequests_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ColleagueConsents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Form = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Colleagues = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Information = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RevokedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ColleagueConsents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ColleagueConsents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactEntryDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    FieldsJson = table.Column<string>(type: "character varying(64000)", maxLength: 64000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactEntryDrafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactEntryDrafts_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactExceptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactExceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactExceptions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Phase = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Form = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Keywords = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Note = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    PassesProtectedData = table.Column<bool>(type: "boolean", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: true),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    CorrectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CorrectedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CancellationReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CoordinationNotifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinationNotifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoordinationNotifications_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Documents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Documents_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExtensionRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgressReport = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    RequestedEndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CurrentEndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Approved = table.Column<bool>(type: "boolean", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NewEndDate = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtensionRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExtensionRequests_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentAccesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentAccesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentAccesses_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InclusionCompanyApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Need = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AppliedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Approved = table.Column<bool>(type: "boolean", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InclusionCompanyApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InclusionCompanyApplications_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Outcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    OutcomeCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ServiceFunderId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    StartDateEnteredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StartDateRemoved = table.Column<bool>(type: "boolean", nullable: false),
                    ReportLockedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LinkedContacts = table.Column<int>(type: "integer", nullable: false),
                    InvalidatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InvalidatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    InvalidationReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outcomes_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Outcomes_Funders_ServiceFunderId",
                        column: x => x.ServiceFunderId,
                        principalTable: "Funders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PhaseChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    To = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReasonCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhaseChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhaseChanges_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FulfilledByReportId = table.Column<Guid>(type: "uuid", nullable: true),
                    FulfilledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportRequests_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportVersions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SchoolOrientations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RequestingFunderId = table.Column<Guid>(type: "uuid", nullable: true),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    SchoolYear = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SchoolClass = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolOrientations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchoolOrientations_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SchoolOrientations_Funders_RequestingFunderId",
                        column: x => x.RequestingFunderId,
                        principalTable: "Funders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SchoolOrientations_Institutions_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Apprenticeships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EmployerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Occupation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Chamber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ChamberName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    VocationalSchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedEndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    IntermediateExamOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FinalExamOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AbortReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EmploymentSituationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Apprenticeships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Apprenticeships_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Apprenticeships_EmploymentSituations_EmploymentSituationId",
                        column: x => x.EmploymentSituationId,
                        principalTable: "EmploymentSituations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Apprenticeships_Institutions_EmployerId",
                        column: x => x.EmployerId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Apprenticeships_Institutions_VocationalSchoolId",
                        column: x => x.VocationalSchoolId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JobPotentials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EmployerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EmployerInstitutionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Jobs = table.Column<int>(type: "integer", nullable: false),
                    FundingSource = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ResponsibleOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IdentifiedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StageSince = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobPotentials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobPotentials_Institutions_EmployerInstitutionId",
                        column: x => x.EmployerInstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_JobPotentials_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_JobPotentials_Organisations_ResponsibleOrganisationId",
                        column: x => x.ResponsibleOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NetworkMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NetworkId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkMembers_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkMembers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Programmes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Template = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    YearlyPlaces = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ReferralMonths = table.Column<int>(type: "integer", nullable: false, defaultValue: 12),
                    InformationTalkDays = table.Column<int>(type: "integer", nullable: false, defaultValue: 7),
                    MaxExtensionMonths = table.Column<int>(type: "integer", nullable: true),
                    AftercareMonths = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Programmes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Programmes_Organisations_ProviderId",
                        column: x => x.ProviderId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Programmes_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AbilityProfileRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Edition = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    AgreedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SavedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SavedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Content = table.Column<string>(type: "character varying(32000)", maxLength: 32000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AbilityProfileRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AbilityProfileRevisions_AbilityProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "AbilityProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReferenceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactParticipants_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactTopics",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactTopics", x => new { x.ContactId, x.Code });
                    table.ForeignKey(
                        name: "FK_ContactTopics_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SupersededBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Form = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Keywords = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Note = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Participants = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    TopicCodes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OutcomeIds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactVersions_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactOutcomes",
                columns: table => new
                {
                    OutcomeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactOutcomes", x => new { x.ContactId, x.OutcomeId });
                    table.ForeignKey(
                        name: "FK_ContactOutcomes_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactOutcomes_Outcomes_OutcomeId",
                        column: x => x.OutcomeId,
                        principalTable: "Outcomes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrientationActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolOrientationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Result = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrientationActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrientationActivities_SchoolOrientations_SchoolOrientationId",
                        column: x => x.SchoolOrientationId,
                        principalTable: "SchoolOrientations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkCandidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PotentialId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Pseudonym = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Skills = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Wishes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SupportNeeds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OfferedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OfferedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConsentGivenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConsentRecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RevealedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevealedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RevealedToOrganisationId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkCandidates_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkCandidates_JobPotentials_PotentialId",
                        column: x => x.PotentialId,
                        principalTable: "JobPotentials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkCandidates_Organisations_RevealedToOrganisationId",
                        column: x => x.RevealedToOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NetworkCandidates_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PotentialStageChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    From = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    To = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PotentialId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PotentialStageChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PotentialStageChanges_JobPotentials_PotentialId",
                        column: x => x.PotentialId,
                        principalTable: "JobPotentials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Participations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferringBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    LegalSphere = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    FirstContactOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OverCapacityReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AdmittedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AdmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InformationTalkDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InformationTalkOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReferralEndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExtensionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EligibilityCheckedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SeekingWorkOrApprenticeship = table.Column<bool>(type: "boolean", nullable: false),
                    SeverelyDisabledOrEquivalent = table.Column<bool>(type: "boolean", nullable: false),
                    AdditionalBarriers = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    JobStartOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PlacementKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PlacementProspect = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Participations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Participations_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Participations_Funders_ReferringBodyId",
                        column: x => x.ReferringBodyId,
                        principalTable: "Funders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Participations_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeModules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    MinDuration = table.Column<int>(type: "integer", nullable: false),
                    MaxDuration = table.Column<int>(type: "integer", nullable: false),
                    Unit = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    HourCap = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    HoursPerMonthCap = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    Bookable = table.Column<bool>(type: "boolean", nullable: false),
                    IsEntry = table.Column<bool>(type: "boolean", nullable: false),
                    Retired = table.Column<bool>(type: "boolean", nullable: false),
                    HourlyRate = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeModules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeModules_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeReferringBodies",
                columns: table => new
                {
                    FunderId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeReferringBodies", x => new { x.ProgrammeId, x.FunderId });
                    table.ForeignKey(
                        name: "FK_ProgrammeReferringBodies_Funders_FunderId",
                        column: x => x.FunderId,
                        principalTable: "Funders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgrammeReferringBodies_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeSites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Places = table.Column<int>(type: "integer", nullable: false),
                    AccessibilityNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeSites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeSites_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModuleBookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ParticipationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ModuleCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModuleBookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModuleBookings_Participations_ParticipationId",
                        column: x => x.ParticipationId,
                        principalTable: "Participations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationIcfItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Component = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Qualifier = table.Column<int>(type: "integer", nullable: false),
                    ParticipationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationIcfItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationIcfItems_Participations_ParticipationId",
                        column: x => x.ParticipationId,
                        principalTable: "Participations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationModuleGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ModuleCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Goal = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Achievement = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ParticipationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationModuleGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationModuleGoals_Participations_ParticipationId",
                        column: x => x.ParticipationId,
                        principalTable: "Participations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationPlanEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Challenge = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Goal = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Steps = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ParticipationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationPlanEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationPlanEntries_Participations_ParticipationId",
                        column: x => x.ParticipationId,
                        principalTable: "Participations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ParticipationReflections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    SelfRating = table.Column<int>(type: "integer", nullable: false),
                    Criticism = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ParticipationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationReflections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationReflections_Participations_ParticipationId",
                        column: x => x.ParticipationId,
                        principalTable: "Participations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AbilityProfileRevisions_ProfileId_Version",
                table: "AbilityProfileRevisions",
                columns: new[] { "ProfileId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AbilityProfiles_CaseId",
                table: "AbilityProfiles",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AbilityProfiles_ClientId",
                table: "AbilityProfiles",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_AbilityProfiles_InstitutionId",
                table: "AbilityProfiles",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_AbsenceDeputies_UserId",
                table: "AbsenceDeputies",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Absences_ServiceId_To",
                table: "Absences",
                columns: new[] { "ServiceId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_Absences_UserId",
                table: "Absences",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Apprenticeships_CaseId",
                table: "Apprenticeships",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Apprenticeships_ClientId",
                table: "Apprenticeships",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Apprenticeships_EmployerId",
                table: "Apprenticeships",
                column: "EmployerId");

            migrationBuilder.CreateIndex(
                name: "IX_Apprenticeships_EmploymentSituationId",
                table: "Apprenticeships",
                column: "EmploymentSituationId");

            migrationBuilder.CreateIndex(
                name: "IX_Apprenticeships_VocationalSchoolId",
                table: "Apprenticeships",
                column: "VocationalSchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_IntegrationOfficeId",
                table: "AspNetUsers",
                column: "IntegrationOfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_ServiceId",
                table: "AspNetUsers",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_CaseId_At",
                table: "AuditEntries",
                columns: new[] { "CaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ClientId_At",
                table: "AuditEntries",
                columns: new[] { "ClientId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ServiceId_At",
                table: "AuditEntries",
                columns: new[] { "ServiceId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserId_At",
                table: "AuditEntries",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseAgreements_CaseId",
                table: "CaseAgreements",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDeputies_UserId",
                table: "CaseDeputies",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseGoals_CaseId",
                table: "CaseGoals",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseGoals_ClientId",
                table: "CaseGoals",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CaseworkerId_Phase",
                table: "Cases",
                columns: new[] { "CaseworkerId", "Phase" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ClientId",
                table: "Cases",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_FunderId",
                table: "Cases",
                column: "FunderId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_IntegrationOfficeId",
                table: "Cases",
                column: "IntegrationOfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ParentCaseId",
                table: "Cases",
                column: "ParentCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ServiceId_CaseNumber",
                table: "Cases",
                columns: new[] { "ServiceId", "CaseNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ServiceId_Phase",
                table: "Cases",
                columns: new[] { "ServiceId", "Phase" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransferRequests_CaseId",
                table: "CaseTransferRequests",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransferRequests_FromServiceId",
                table: "CaseTransferRequests",
                column: "FromServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransferRequests_ToServiceId",
                table: "CaseTransferRequests",
                column: "ToServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueEntries_Catalogue_Form_Code",
                table: "CatalogueEntries",
                columns: new[] { "Catalogue", "Form", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Clients_IntegrationOfficeId",
                table: "Clients",
                column: "IntegrationOfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_Clients_ServiceId_BirthDate",
                table: "Clients",
                columns: new[] { "ServiceId", "BirthDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_ServiceId_SearchLastName",
                table: "Clients",
                columns: new[] { "ServiceId", "SearchLastName" });

            migrationBuilder.CreateIndex(
                name: "IX_ColleagueConsents_CaseId",
                table: "ColleagueConsents",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ColleagueConsents_ClientId",
                table: "ColleagueConsents",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactEntryDrafts_CaseId",
                table: "ContactEntryDrafts",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactEntryDrafts_UserId_CaseId",
                table: "ContactEntryDrafts",
                columns: new[] { "UserId", "CaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactExceptions_CaseId",
                table: "ContactExceptions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactOutcomes_OutcomeId",
                table: "ContactOutcomes",
                column: "OutcomeId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactParticipants_ContactId_Kind",
                table: "ContactParticipants",
                columns: new[] { "ContactId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_CaseId_OccurredAt",
                table: "Contacts",
                columns: new[] { "CaseId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactTopics_Code",
                table: "ContactTopics",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_ContactVersions_ContactId_Version",
                table: "ContactVersions",
                columns: new[] { "ContactId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationNotifications_CaseId",
                table: "CoordinationNotifications",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinationNotifications_IntegrationOfficeId_CreatedAt",
                table: "CoordinationNotifications",
                columns: new[] { "IntegrationOfficeId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Disabilities_ClientId",
                table: "Disabilities",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_DisabilityEvidence_ClientId",
                table: "DisabilityEvidence",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_CaseId_Kind",
                table: "Documents",
                columns: new[] { "CaseId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ClientId_Kind",
                table: "Documents",
                columns: new[] { "ClientId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentSituations_ClientId",
                table: "EmploymentSituations",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentSituations_InstitutionId",
                table: "EmploymentSituations",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_EmploymentSituations_State_From",
                table: "EmploymentSituations",
                columns: new[] { "State", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_CaseId",
                table: "ExtensionRequests",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_IntegrationOfficeId_Approved",
                table: "ExtensionRequests",
                columns: new[] { "IntegrationOfficeId", "Approved" });

            migrationBuilder.CreateIndex(
                name: "IX_FunderContacts_FunderId",
                table: "FunderContacts",
                column: "FunderId");

            migrationBuilder.CreateIndex(
                name: "IX_FunderReleases_FunderId_ServiceId",
                table: "FunderReleases",
                columns: new[] { "FunderId", "ServiceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Funders_IntegrationOfficeId_SearchName",
                table: "Funders",
                columns: new[] { "IntegrationOfficeId", "SearchName" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentAccesses_CaseId_ExpiresAt",
                table: "IncidentAccesses",
                columns: new[] { "CaseId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InclusionCompanyApplications_CaseId",
                table: "InclusionCompanyApplications",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_InclusionCompanyApplications_IntegrationOfficeId_Approved",
                table: "InclusionCompanyApplications",
                columns: new[] { "IntegrationOfficeId", "Approved" });

            migrationBuilder.CreateIndex(
                name: "IX_InstitutionContacts_InstitutionId",
                table: "InstitutionContacts",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_IntegrationOfficeId_SearchName",
                table: "Institutions",
                columns: new[] { "IntegrationOfficeId", "SearchName" });

            migrationBuilder.CreateIndex(
                name: "IX_JobPotentials_EmployerInstitutionId",
                table: "JobPotentials",
                column: "EmployerInstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_JobPotentials_NetworkId_Stage",
                table: "JobPotentials",
                columns: new[] { "NetworkId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_JobPotentials_ResponsibleOrganisationId",
                table: "JobPotentials",
                column: "ResponsibleOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_Job_Day",
                table: "JobRuns",
                columns: new[] { "Job", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ModuleBookings_ParticipationId_ModuleCode_Date",
                table: "ModuleBookings",
                columns: new[] { "ParticipationId", "ModuleCode", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkCandidates_ClientId",
                table: "NetworkCandidates",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkCandidates_PotentialId_ClientId",
                table: "NetworkCandidates",
                columns: new[] { "PotentialId", "ClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkCandidates_RevealedToOrganisationId",
                table: "NetworkCandidates",
                column: "RevealedToOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkCandidates_ServiceId",
                table: "NetworkCandidates",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMembers_NetworkId_OrganisationId",
                table: "NetworkMembers",
                columns: new[] { "NetworkId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMembers_OrganisationId",
                table: "NetworkMembers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Networks_CoordinatorOrganisationId",
                table: "Networks",
                column: "CoordinatorOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_OrientationActivities_SchoolOrientationId",
                table: "OrientationActivities",
                column: "SchoolOrientationId");

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_CaseId_OutcomeCode",
                table: "Outcomes",
                columns: new[] { "CaseId", "OutcomeCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_OutcomeCode",
                table: "Outcomes",
                column: "OutcomeCode");

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_ServiceFunderId",
                table: "Outcomes",
                column: "ServiceFunderId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationIcfItems_ParticipationId",
                table: "ParticipationIcfItems",
                column: "ParticipationId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationModuleGoals_ParticipationId",
                table: "ParticipationModuleGoals",
                column: "ParticipationId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationPlanEntries_ParticipationId",
                table: "ParticipationPlanEntries",
                column: "ParticipationId");

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationReflections_ParticipationId",
                table: "ParticipationReflections",
                column: "ParticipationId");

            migrationBuilder.CreateIndex(
                name: "IX_Participations_ClientId",
                table: "Participations",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_Participations_ProgrammeId_Status",
                table: "Participations",
                columns: new[] { "ProgrammeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Participations_ReferringBodyId",
                table: "Participations",
                column: "ReferringBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_PasswordHistory_UserId_SetAt",
                table: "PasswordHistory",
                columns: new[] { "UserId", "SetAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PhaseChanges_CaseId",
                table: "PhaseChanges",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PhaseChanges_To_On",
                table: "PhaseChanges",
                columns: new[] { "To", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_PotentialStageChanges_PotentialId",
                table: "PotentialStageChanges",
                column: "PotentialId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeModules_ProgrammeId_Code",
                table: "ProgrammeModules",
                columns: new[] { "ProgrammeId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeReferringBodies_FunderId",
                table: "ProgrammeReferringBodies",
                column: "FunderId");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_ProviderId",
                table: "Programmes",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_Programmes_ServiceId",
                table: "Programmes",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeSites_ProgrammeId",
                table: "ProgrammeSites",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_RemovedDocuments_CaseId",
                table: "RemovedDocuments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_RemovedDocuments_ClientId",
                table: "RemovedDocuments",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportRequests_CaseId",
                table: "ReportRequests",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportRequests_ServiceId_DueDate",
                table: "ReportRequests",
                columns: new[] { "ServiceId", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_CaseId_Kind_Number",
                table: "ReportVersions",
                columns: new[] { "CaseId", "Kind", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportVersions_ServiceId",
                table: "ReportVersions",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRuns_Day",
                table: "RetentionRuns",
                column: "Day",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SchoolOrientations_CaseId",
                table: "SchoolOrientations",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SchoolOrientations_ClientId",
                table: "SchoolOrientations",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolOrientations_RequestingFunderId",
                table: "SchoolOrientations",
                column: "RequestingFunderId");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolOrientations_SchoolId",
                table: "SchoolOrientations",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_Services_IntegrationOfficeId",
                table: "Services",
                column: "IntegrationOfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_Services_ProviderId",
                table: "Services",
                column: "ProviderId");

            HandWrittenSql.Apply(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AbilityProfileRevisions");

            migrationBuilder.DropTable(
                name: "AbsenceDeputies");

            migrationBuilder.DropTable(
                name: "Apprenticeships");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CaseAgreements");

            migrationBuilder.DropTable(
                name: "CaseDeputies");

            migrationBuilder.DropTable(
                name: "CaseGoals");

            migrationBuilder.DropTable(
                name: "CaseTransferRequests");

            migrationBuilder.DropTable(
                name: "CatalogueEntries");

            migrationBuilder.DropTable(
                name: "ColleagueConsents");

            migrationBuilder.DropTable(
                name: "ContactEntryDrafts");

            migrationBuilder.DropTable(
                name: "ContactExceptions");

            migrationBuilder.DropTable(
                name: "ContactOutcomes");

            migrationBuilder.DropTable(
                name: "ContactParticipants");

            migrationBuilder.DropTable(
                name: "ContactTopics");

            migrationBuilder.DropTable(
                name: "ContactVersions");

            migrationBuilder.DropTable(
                name: "CoordinationNotifications");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Disabilities");

            migrationBuilder.DropTable(
                name: "DisabilityEvidence");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "ExtensionRequests");

            migrationBuilder.DropTable(
                name: "FunderContacts");

            migrationBuilder.DropTable(
                name: "FunderReleases");

            migrationBuilder.DropTable(
                name: "IncidentAccesses");

            migrationBuilder.DropTable(
                name: "InclusionCompanyApplications");

            migrationBuilder.DropTable(
                name: "InstitutionContacts");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "ModuleBookings");

            migrationBuilder.DropTable(
                name: "NetworkCandidates");

            migrationBuilder.DropTable(
                name: "NetworkMembers");

            migrationBuilder.DropTable(
                name: "OrientationActivities");

            migrationBuilder.DropTable(
                name: "ParticipationIcfItems");

            migrationBuilder.DropTable(
                name: "ParticipationModuleGoals");

            migrationBuilder.DropTable(
                name: "ParticipationPlanEntries");

            migrationBuilder.DropTable(
                name: "ParticipationReflections");

            migrationBuilder.DropTable(
                name: "PasswordHistory");

            migrationBuilder.DropTable(
                name: "PhaseChanges");

            migrationBuilder.DropTable(
                name: "PotentialStageChanges");

            migrationBuilder.DropTable(
                name: "ProgrammeModules");

            migrationBuilder.DropTable(
                name: "ProgrammeReferringBodies");

            migrationBuilder.DropTable(
                name: "ProgrammeSites");

            migrationBuilder.DropTable(
                name: "RemovedDocuments");

            migrationBuilder.DropTable(
                name: "ReportRequests");

            migrationBuilder.DropTable(
                name: "ReportVersions");

            migrationBuilder.DropTable(
                name: "RetentionRuns");

            migrationBuilder.DropTable(
                name: "AbilityProfiles");

            migrationBuilder.DropTable(
                name: "Absences");

            migrationBuilder.DropTable(
                name: "EmploymentSituations");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Outcomes");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "SchoolOrientations");

            migrationBuilder.DropTable(
                name: "Participations");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "JobPotentials");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "Programmes");

            migrationBuilder.DropTable(
                name: "Institutions");

            migrationBuilder.DropTable(
                name: "Networks");

            migrationBuilder.DropTable(
                name: "Clients");

            migrationBuilder.DropTable(
                name: "Funders");

            migrationBuilder.DropTable(
                name: "Services");

            migrationBuilder.DropTable(
                name: "Organisations");
        }
    }
}

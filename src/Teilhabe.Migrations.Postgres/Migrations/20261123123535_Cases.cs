using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Teilhabe.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Cases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                    EmployerAppliedBeforeIfd = table.Column<bool>(type: "boolean", nullable: false),
                    ApplicationWithIfdSupportConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PriorMeasuresExhaustedConfirmed = table.Column<bool>(type: "boolean", nullable: false),
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

            migrationBuilder.CreateIndex(
                name: "IX_CaseAgreements_CaseId",
                table: "CaseAgreements",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseDeputies_UserId",
                table: "CaseDeputies",
                column: "UserId");

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
                name: "IX_Documents_CaseId_Kind",
                table: "Documents",
                columns: new[] { "CaseId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_ClientId_Kind",
                table: "Documents",
                columns: new[] { "ClientId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_PhaseChanges_CaseId",
                table: "PhaseChanges",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PhaseChanges_To_On",
                table: "PhaseChanges",
                columns: new[] { "To", "On" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseAgreements");

            migrationBuilder.DropTable(
                name: "CaseDeputies");

            migrationBuilder.DropTable(
                name: "Documents");

            migrationBuilder.DropTable(
                name: "PhaseChanges");

            migrationBuilder.DropTable(
                name: "Cases");
        }
    }
}

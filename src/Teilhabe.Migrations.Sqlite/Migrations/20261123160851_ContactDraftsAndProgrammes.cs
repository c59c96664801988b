using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Teilhabe.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ContactDraftsAndProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContactEntryDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "Programmes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Template = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    YearlyPlaces = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "Participations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferringBodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LegalSphere = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    FirstContactOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OverCapacityReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AdmittedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AdmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    InformationTalkOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReferralEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EligibilityCheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SeekingWorkOrApprenticeship = table.Column<bool>(type: "INTEGER", nullable: false),
                    SeverelyDisabledOrEquivalent = table.Column<bool>(type: "INTEGER", nullable: false),
                    AdditionalBarriers = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    JobStartOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlacementKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PlacementProspect = table.Column<bool>(type: "INTEGER", nullable: false)
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
                name: "ProgrammeReferringBodies",
                columns: table => new
                {
                    FunderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Places = table.Column<int>(type: "INTEGER", nullable: false),
                    AccessibilityNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParticipationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModuleCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "ParticipationPlanEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Challenge = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Steps = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ParticipationId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "IX_ModuleBookings_ParticipationId_ModuleCode_Date",
                table: "ModuleBookings",
                columns: new[] { "ParticipationId", "ModuleCode", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationPlanEntries_ParticipationId",
                table: "ParticipationPlanEntries",
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactEntryDrafts");

            migrationBuilder.DropTable(
                name: "ModuleBookings");

            migrationBuilder.DropTable(
                name: "ParticipationPlanEntries");

            migrationBuilder.DropTable(
                name: "ProgrammeReferringBodies");

            migrationBuilder.DropTable(
                name: "ProgrammeSites");

            migrationBuilder.DropTable(
                name: "Participations");

            migrationBuilder.DropTable(
                name: "Programmes");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Teilhabe.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Ifd01Tasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AbilityProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProfileDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Abilities = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Resilience = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    WorkPace = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Endurance = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Performance = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Interests = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Limitations = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClientParticipated = table.Column<bool>(type: "INTEGER", nullable: false),
                    FunderParticipated = table.Column<bool>(type: "INTEGER", nullable: false),
                    FunderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InstitutionContact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Edition = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "Apprenticeships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EmployerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Occupation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Chamber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ChamberName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VocationalSchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlannedEndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IntermediateExamOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FinalExamOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AbortReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EmploymentSituationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "ColleagueConsents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Colleagues = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Information = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RevokedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
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
                name: "SchoolOrientations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RequestingFunderId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SchoolYear = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SchoolClass = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "AbilityProfileRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProfileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Edition = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Content = table.Column<string>(type: "TEXT", maxLength: 32000, nullable: false)
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
                name: "OrientationActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolOrientationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                name: "IX_ColleagueConsents_CaseId",
                table: "ColleagueConsents",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ColleagueConsents_ClientId",
                table: "ColleagueConsents",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_OrientationActivities_SchoolOrientationId",
                table: "OrientationActivities",
                column: "SchoolOrientationId");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AbilityProfileRevisions");

            migrationBuilder.DropTable(
                name: "Apprenticeships");

            migrationBuilder.DropTable(
                name: "ColleagueConsents");

            migrationBuilder.DropTable(
                name: "OrientationActivities");

            migrationBuilder.DropTable(
                name: "AbilityProfiles");

            migrationBuilder.DropTable(
                name: "SchoolOrientations");
        }
    }
}

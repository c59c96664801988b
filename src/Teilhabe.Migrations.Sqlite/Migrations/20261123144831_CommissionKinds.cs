using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Teilhabe.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommissionKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ObjectedBy",
                table: "Cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ObjectedOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ObjectionReason",
                table: "Cases",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExtensionRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgressReport = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    RequestedEndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CurrentEndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Approved = table.Column<bool>(type: "INTEGER", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NewEndDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                name: "InclusionCompanyApplications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntegrationOfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Need = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AppliedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Approved = table.Column<bool>(type: "INTEGER", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_CaseId",
                table: "ExtensionRequests",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_IntegrationOfficeId_Approved",
                table: "ExtensionRequests",
                columns: new[] { "IntegrationOfficeId", "Approved" });

            migrationBuilder.CreateIndex(
                name: "IX_InclusionCompanyApplications_CaseId",
                table: "InclusionCompanyApplications",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_InclusionCompanyApplications_IntegrationOfficeId_Approved",
                table: "InclusionCompanyApplications",
                columns: new[] { "IntegrationOfficeId", "Approved" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExtensionRequests");

            migrationBuilder.DropTable(
                name: "InclusionCompanyApplications");

            migrationBuilder.DropColumn(
                name: "ObjectedBy",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ObjectedOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "ObjectionReason",
                table: "Cases");
        }
    }
}

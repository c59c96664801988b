using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Teilhabe.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class JobNetwork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Networks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CoordinatorOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
                name: "JobPotentials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EmployerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EmployerInstitutionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Jobs = table.Column<int>(type: "INTEGER", nullable: false),
                    FundingSource = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResponsibleOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IdentifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StageSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
                name: "NetworkCandidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PotentialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Pseudonym = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Skills = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Wishes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SupportNeeds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OfferedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OfferedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConsentGivenOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConsentRecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RevealedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevealedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RevealedToOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PotentialId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "IX_PotentialStageChanges_PotentialId",
                table: "PotentialStageChanges",
                column: "PotentialId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NetworkCandidates");

            migrationBuilder.DropTable(
                name: "NetworkMembers");

            migrationBuilder.DropTable(
                name: "PotentialStageChanges");

            migrationBuilder.DropTable(
                name: "JobPotentials");

            migrationBuilder.DropTable(
                name: "Networks");
        }
    }
}

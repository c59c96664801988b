using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Teilhabe.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ParticipationAftercare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AftercareEndsOn",
                table: "Participations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractContentType",
                table: "Participations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractFileName",
                table: "Participations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractSha256",
                table: "Participations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ContractSignedOn",
                table: "Participations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ContractSize",
                table: "Participations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractStorageKey",
                table: "Participations",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ContractUploadedAt",
                table: "Participations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractUploadedBy",
                table: "Participations",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndNote",
                table: "Participations",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "Participations",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndedOn",
                table: "Participations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MovedUpOn",
                table: "Participations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ProspectAssessedOn",
                table: "Participations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ParticipationAftercareContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    With = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ParticipationId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationAftercareContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationAftercareContacts_Participations_ParticipationId",
                        column: x => x.ParticipationId,
                        principalTable: "Participations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ParticipationAftercareContacts_ParticipationId",
                table: "ParticipationAftercareContacts",
                column: "ParticipationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ParticipationAftercareContacts");

            migrationBuilder.DropColumn(
                name: "AftercareEndsOn",
                table: "Participations");

            migrationBuilder.DropColumn(
                name: "ContractContentType",
                table: "Participations");

            migrationBuilder.DropColumn(
                name: "ContractFileName",
                table: "Participations");

            migrationBuilder.DropColumn(
                name: "ContractSha256",
                table: "Participations");

            migrationBuilder.DropColumn(
                name: "ContractSignedOn",
                table: "Participations");

            migrationBuilder.DropColumn(
                name: "ContractSize",
                table: "Participations");

            migrationBuilder.DropColumn(
                name: "ContractStorageKey",
                table: "Participations");

            migrationBuilder.DropColumn(
                name: "ContractUploadedAt",
                table: "Participations");

            migrationBuilder.DropColumn(
                name: "ContractUploadedBy",
                table: "Participations");

            migrationBuilder.DropColumn(
                name: "EndNote",
                table: "Participations");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "Participations");

            migrationBuilder.DropColumn(
                name: "EndedOn",
                table: "Participations");

            migrationBuilder.DropColumn(
                name: "MovedUpOn",
                table: "Participations");

            migrationBuilder.DropColumn(
                name: "ProspectAssessedOn",
                table: "Participations");
        }
    }
}

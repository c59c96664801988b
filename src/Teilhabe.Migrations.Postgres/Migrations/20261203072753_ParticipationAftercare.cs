using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Teilhabe.Migrations.Postgres.Migrations
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
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractContentType",
                table: "Participations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractFileName",
                table: "Participations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractSha256",
                table: "Participations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ContractSignedOn",
                table: "Participations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ContractSize",
                table: "Participations",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractStorageKey",
                table: "Participations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ContractUploadedAt",
                table: "Participations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractUploadedBy",
                table: "Participations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndNote",
                table: "Participations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "Participations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EndedOn",
                table: "Participations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "MovedUpOn",
                table: "Participations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ProspectAssessedOn",
                table: "Participations",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ParticipationAftercareContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    With = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Form = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ParticipationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ParticipationAftercareContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ParticipationAftercareContacts_Participations_Participation~",
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

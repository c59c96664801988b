using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Teilhabe.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProgrammeConfiguration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AftercareMonths",
                table: "Programmes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InformationTalkDays",
                table: "Programmes",
                type: "integer",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<int>(
                name: "MaxExtensionMonths",
                table: "Programmes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReferralMonths",
                table: "Programmes",
                type: "integer",
                nullable: false,
                defaultValue: 12);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Programmes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InformationTalkDueOn",
                table: "Participations",
                type: "date",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeModules_ProgrammeId_Code",
                table: "ProgrammeModules",
                columns: new[] { "ProgrammeId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgrammeModules");

            migrationBuilder.DropColumn(
                name: "AftercareMonths",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "InformationTalkDays",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "MaxExtensionMonths",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "ReferralMonths",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "InformationTalkDueOn",
                table: "Participations");
        }
    }
}

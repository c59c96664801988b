using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Teilhabe.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InformationTalkDays",
                table: "Programmes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.AddColumn<int>(
                name: "MaxExtensionMonths",
                table: "Programmes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReferralMonths",
                table: "Programmes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 12);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Programmes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "InformationTalkDueOn",
                table: "Participations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProgrammeModules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    MinDuration = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxDuration = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    HourCap = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    HoursPerMonthCap = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    Bookable = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsEntry = table.Column<bool>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    HourlyRate = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false)
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

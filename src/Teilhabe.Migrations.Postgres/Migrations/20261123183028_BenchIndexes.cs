using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Teilhabe.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BenchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContactParticipants_ContactId",
                table: "ContactParticipants");

            migrationBuilder.CreateIndex(
                name: "IX_ContactParticipants_ContactId_Kind",
                table: "ContactParticipants",
                columns: new[] { "ContactId", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ContactParticipants_ContactId_Kind",
                table: "ContactParticipants");

            migrationBuilder.CreateIndex(
                name: "IX_ContactParticipants_ContactId",
                table: "ContactParticipants",
                column: "ContactId");
        }
    }
}

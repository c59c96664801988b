using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Teilhabe.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ClientSamePersonIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Clients_IntegrationOfficeId_BirthDate_SearchLastName",
                table: "Clients",
                columns: new[] { "IntegrationOfficeId", "BirthDate", "SearchLastName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clients_IntegrationOfficeId_BirthDate_SearchLastName",
                table: "Clients");
        }
    }
}

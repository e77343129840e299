using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TokenPlatform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StandingAuthorizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AuthorizationId",
                table: "distributions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AuthorizedWallet",
                table: "distributions",
                type: "TEXT",
                maxLength: 42,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FundRecordedRevenue",
                table: "distribution_policies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "funding_authorizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    CapMinorUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedMinorUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding_authorizations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_funding_authorizations_UserId_Status",
                table: "funding_authorizations",
                columns: new[] { "UserId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "funding_authorizations");

            migrationBuilder.DropColumn(
                name: "AuthorizationId",
                table: "distributions");

            migrationBuilder.DropColumn(
                name: "AuthorizedWallet",
                table: "distributions");

            migrationBuilder.DropColumn(
                name: "FundRecordedRevenue",
                table: "distribution_policies");
        }
    }
}

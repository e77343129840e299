using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TokenPlatform.Infrastructure.Persistence.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AuthorizedWallet",
                table: "distributions",
                type: "character varying(42)",
                maxLength: 42,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FundRecordedRevenue",
                table: "distribution_policies",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "funding_authorizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    CapMinorUnits = table.Column<long>(type: "bigint", nullable: false),
                    UsedMinorUnits = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EndedAt = table.Column<long>(type: "bigint", nullable: true)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TokenPlatform.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DepositsAndPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FromDeposits",
                table: "distributions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "distribution_policies",
                columns: table => new
                {
                    AssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    Mode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MinimumMinorUnits = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_distribution_policies", x => x.AssetId);
                });

            migrationBuilder.CreateTable(
                name: "revenue_receivers",
                columns: table => new
                {
                    AssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    OnChainTokenId = table.Column<long>(type: "bigint", nullable: false),
                    StreamId = table.Column<long>(type: "bigint", nullable: false),
                    Address = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_revenue_receivers", x => x.AssetId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_distribution_policies_Mode",
                table: "distribution_policies",
                column: "Mode");

            migrationBuilder.CreateIndex(
                name: "IX_revenue_receivers_Address",
                table: "revenue_receivers",
                column: "Address",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "distribution_policies");

            migrationBuilder.DropTable(
                name: "revenue_receivers");

            migrationBuilder.DropColumn(
                name: "FromDeposits",
                table: "distributions");
        }
    }
}

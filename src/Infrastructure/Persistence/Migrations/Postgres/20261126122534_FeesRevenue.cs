using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TokenPlatform.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FeesRevenue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fee_schedules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EffectiveFrom = table.Column<long>(type: "bigint", nullable: false),
                    ListingFee = table.Column<long>(type: "bigint", nullable: false),
                    PrimaryCommission = table.Column<int>(type: "integer", nullable: false),
                    TradingFee = table.Column<int>(type: "integer", nullable: false),
                    ResaleRoyaltyCap = table.Column<int>(type: "integer", nullable: false),
                    ManagementFeePerYear = table.Column<int>(type: "integer", nullable: false),
                    DistributionFee = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fee_schedules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_revenue",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AssetId = table.Column<Guid>(type: "uuid", nullable: true),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    RecordedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_revenue", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_fee_schedules_EffectiveFrom",
                table: "fee_schedules",
                column: "EffectiveFrom");

            migrationBuilder.CreateIndex(
                name: "IX_platform_revenue_Kind_RecordedAt",
                table: "platform_revenue",
                columns: new[] { "Kind", "RecordedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fee_schedules");

            migrationBuilder.DropTable(
                name: "platform_revenue");
        }
    }
}

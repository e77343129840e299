using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TokenPlatform.Infrastructure.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EffectiveFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ListingFee = table.Column<long>(type: "INTEGER", nullable: false),
                    PrimaryCommission = table.Column<int>(type: "INTEGER", nullable: false),
                    TradingFee = table.Column<int>(type: "INTEGER", nullable: false),
                    ResaleRoyaltyCap = table.Column<int>(type: "INTEGER", nullable: false),
                    ManagementFeePerYear = table.Column<int>(type: "INTEGER", nullable: false),
                    DistributionFee = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fee_schedules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_revenue",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
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

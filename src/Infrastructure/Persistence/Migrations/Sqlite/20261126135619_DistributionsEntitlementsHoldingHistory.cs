using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TokenPlatform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DistributionsEntitlementsHoldingHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LastBlockTime",
                table: "chain_cursors",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "distributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OnChainTokenId = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordTime = table.Column<long>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<long>(type: "INTEGER", nullable: false),
                    PeriodEnd = table.Column<long>(type: "INTEGER", nullable: false),
                    Gross = table.Column<long>(type: "INTEGER", nullable: false),
                    DistributionFee = table.Column<long>(type: "INTEGER", nullable: false),
                    OfferingValue = table.Column<long>(type: "INTEGER", nullable: false),
                    ManagementFeeProrated = table.Column<long>(type: "INTEGER", nullable: false),
                    ManagementFeeCarriedIn = table.Column<long>(type: "INTEGER", nullable: false),
                    ManagementFeeDue = table.Column<long>(type: "INTEGER", nullable: false),
                    ManagementFee = table.Column<long>(type: "INTEGER", nullable: false),
                    ManagementFeeCarriedOut = table.Column<long>(type: "INTEGER", nullable: false),
                    PayeesTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    HoldersShare = table.Column<long>(type: "INTEGER", nullable: false),
                    DistributionFeeBps = table.Column<int>(type: "INTEGER", nullable: false),
                    ManagementFeeBps = table.Column<int>(type: "INTEGER", nullable: false),
                    FeeScheduleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FunderUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FunderAddress = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    MerkleRoot = table.Column<string>(type: "TEXT", maxLength: 66, nullable: false),
                    TotalEntitled = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FirstOperationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FundingOperationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastOperationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_distributions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "holder_entitlements",
                columns: table => new
                {
                    AssetTokenId = table.Column<long>(type: "INTEGER", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    Cumulative = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holder_entitlements", x => new { x.AssetTokenId, x.Index });
                });

            migrationBuilder.CreateTable(
                name: "holding_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssetTokenId = table.Column<long>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    Block = table.Column<long>(type: "INTEGER", nullable: false),
                    LogIndex = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockTime = table.Column<long>(type: "INTEGER", nullable: false),
                    Delta = table.Column<decimal>(type: "TEXT", precision: 38, scale: 0, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holding_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "distribution_lines",
                columns: table => new
                {
                    DistributionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 42, nullable: true),
                    Bps = table.Column<int>(type: "INTEGER", nullable: true),
                    Fractions = table.Column<long>(type: "INTEGER", nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    HolderIndex = table.Column<int>(type: "INTEGER", nullable: true),
                    Cumulative = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_distribution_lines", x => new { x.DistributionId, x.Order });
                    table.ForeignKey(
                        name: "FK_distribution_lines_distributions_DistributionId",
                        column: x => x.DistributionId,
                        principalTable: "distributions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_distribution_lines_Address",
                table: "distribution_lines",
                column: "Address");

            migrationBuilder.CreateIndex(
                name: "IX_distributions_AssetId_CreatedAt",
                table: "distributions",
                columns: new[] { "AssetId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_distributions_Status",
                table: "distributions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_holder_entitlements_Address",
                table: "holder_entitlements",
                column: "Address");

            migrationBuilder.CreateIndex(
                name: "IX_holder_entitlements_AssetTokenId_Address",
                table: "holder_entitlements",
                columns: new[] { "AssetTokenId", "Address" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_holding_changes_AssetTokenId_BlockTime",
                table: "holding_changes",
                columns: new[] { "AssetTokenId", "BlockTime" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "distribution_lines");

            migrationBuilder.DropTable(
                name: "holder_entitlements");

            migrationBuilder.DropTable(
                name: "holding_changes");

            migrationBuilder.DropTable(
                name: "distributions");

            migrationBuilder.DropColumn(
                name: "LastBlockTime",
                table: "chain_cursors");
        }
    }
}

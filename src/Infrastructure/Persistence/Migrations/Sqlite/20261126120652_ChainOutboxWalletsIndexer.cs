using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TokenPlatform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChainOutboxWalletsIndexer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "asset_holdings",
                columns: table => new
                {
                    AssetTokenId = table.Column<long>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    Balance = table.Column<decimal>(type: "TEXT", precision: 38, scale: 0, nullable: false),
                    UpdatedAtBlock = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asset_holdings", x => new { x.AssetTokenId, x.Address });
                });

            migrationBuilder.CreateTable(
                name: "chain_cursors",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChainId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastBlock = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_cursors", x => new { x.ChainId, x.Name });
                });

            migrationBuilder.CreateTable(
                name: "chain_deployments",
                columns: table => new
                {
                    ChainId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContractName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    BlockNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    TxHash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: false),
                    DeployedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_deployments", x => new { x.ChainId, x.ContractName });
                });

            migrationBuilder.CreateTable(
                name: "chain_nonces",
                columns: table => new
                {
                    Address = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    ChainId = table.Column<long>(type: "INTEGER", nullable: false),
                    NextNonce = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_nonces", x => new { x.ChainId, x.Address });
                });

            migrationBuilder.CreateTable(
                name: "chain_operations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Nonce = table.Column<long>(type: "INTEGER", nullable: true),
                    TxHash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: true),
                    RawTransaction = table.Column<string>(type: "TEXT", nullable: true),
                    BlockNumber = table.Column<long>(type: "INTEGER", nullable: true),
                    GasUsed = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_operations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "custodial_wallets",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    ProtectedKey = table.Column<string>(type: "TEXT", nullable: false),
                    PayoutAddress = table.Column<string>(type: "TEXT", maxLength: 42, nullable: true),
                    PayoutVerifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custodial_wallets", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_chain_operations_IdempotencyKey",
                table: "chain_operations",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_chain_operations_Status_NextAttemptAt",
                table: "chain_operations",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_chain_operations_TxHash",
                table: "chain_operations",
                column: "TxHash");

            migrationBuilder.CreateIndex(
                name: "IX_custodial_wallets_Address",
                table: "custodial_wallets",
                column: "Address",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asset_holdings");

            migrationBuilder.DropTable(
                name: "chain_cursors");

            migrationBuilder.DropTable(
                name: "chain_deployments");

            migrationBuilder.DropTable(
                name: "chain_nonces");

            migrationBuilder.DropTable(
                name: "chain_operations");

            migrationBuilder.DropTable(
                name: "custodial_wallets");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TokenPlatform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AssetDetailsDocumentsSplit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ApprovedAt",
                table: "assets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CreationOperationId",
                table: "assets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Isrc",
                table: "assets",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ListingFee",
                table: "assets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OnChainTokenId",
                table: "assets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "details_json",
                table: "assets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "lockup_until",
                table: "assets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "offering_end",
                table: "assets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "offering_start",
                table: "assets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "split_json",
                table: "assets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "asset_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asset_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_asset_documents_assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assets_Isrc",
                table: "assets",
                column: "Isrc",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assets_OnChainTokenId",
                table: "assets",
                column: "OnChainTokenId");

            migrationBuilder.CreateIndex(
                name: "IX_asset_documents_AssetId",
                table: "asset_documents",
                column: "AssetId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asset_documents");

            migrationBuilder.DropIndex(
                name: "IX_assets_Isrc",
                table: "assets");

            migrationBuilder.DropIndex(
                name: "IX_assets_OnChainTokenId",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "CreationOperationId",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "Isrc",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "ListingFee",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "OnChainTokenId",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "details_json",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "lockup_until",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "offering_end",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "offering_start",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "split_json",
                table: "assets");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TokenPlatform.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InvestorsKycPurchases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PayoutPreference",
                table: "custodial_wallets",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "AutoPay");

            migrationBuilder.CreateTable(
                name: "kyc_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FullName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    DocumentFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    DocumentContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DocumentStorageKey = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DocumentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RejectionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SubmittedAt = table.Column<long>(type: "bigint", nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReviewedAt = table.Column<long>(type: "bigint", nullable: true),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: true),
                    RegistrationOperationId = table.Column<Guid>(type: "uuid", nullable: true),
                    SpendingOperationId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kyc_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "purchases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InvestorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AssetId = table.Column<Guid>(type: "uuid", nullable: false),
                    BuyerAddress = table.Column<string>(type: "character varying(42)", maxLength: 42, nullable: false),
                    Quantity = table.Column<long>(type: "bigint", nullable: false),
                    PricePerFraction = table.Column<long>(type: "bigint", nullable: false),
                    CommissionBps = table.Column<int>(type: "integer", nullable: false),
                    Cost = table.Column<long>(type: "bigint", nullable: false),
                    Commission = table.Column<long>(type: "bigint", nullable: false),
                    FeeScheduleId = table.Column<Guid>(type: "uuid", nullable: false),
                    OperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TxHash = table.Column<string>(type: "character varying(66)", maxLength: 66, nullable: true),
                    BlockNumber = table.Column<long>(type: "bigint", nullable: true),
                    FailureReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_purchases", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_kyc_applications_Status_SubmittedAt",
                table: "kyc_applications",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_kyc_applications_UserId",
                table: "kyc_applications",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_purchases_InvestorId_CreatedAt",
                table: "purchases",
                columns: new[] { "InvestorId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_purchases_OperationId",
                table: "purchases",
                column: "OperationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_purchases_Status",
                table: "purchases",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kyc_applications");

            migrationBuilder.DropTable(
                name: "purchases");

            migrationBuilder.DropColumn(
                name: "PayoutPreference",
                table: "custodial_wallets");
        }
    }
}

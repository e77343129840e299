using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TokenPlatform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "asset_fee_overrides",
                columns: table => new
                {
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PrimaryCommissionBps = table.Column<int>(type: "INTEGER", nullable: true),
                    DistributionFeeBps = table.Column<int>(type: "INTEGER", nullable: true),
                    ManagementFeeBps = table.Column<int>(type: "INTEGER", nullable: true),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asset_fee_overrides", x => x.AssetId);
                });

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
                name: "assets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    total_fractions = table.Column<long>(type: "INTEGER", nullable: true),
                    price_per_fraction = table.Column<long>(type: "INTEGER", nullable: true),
                    minimum_purchase = table.Column<long>(type: "INTEGER", nullable: true),
                    max_holding_bps = table.Column<int>(type: "INTEGER", nullable: true),
                    resale_royalty_bps = table.Column<int>(type: "INTEGER", nullable: true),
                    details_json = table.Column<string>(type: "TEXT", nullable: true),
                    Isrc = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    offering_start = table.Column<long>(type: "INTEGER", nullable: true),
                    offering_end = table.Column<long>(type: "INTEGER", nullable: true),
                    lockup_until = table.Column<long>(type: "INTEGER", nullable: true),
                    split_json = table.Column<string>(type: "TEXT", nullable: true),
                    OnChainTokenId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreationOperationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ListingFee = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "chain_cursors",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChainId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastBlock = table.Column<long>(type: "INTEGER", nullable: false),
                    LastBlockTime = table.Column<long>(type: "INTEGER", nullable: true)
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
                    DependsOn = table.Column<Guid>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", nullable: true),
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
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PayoutPreference = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false, defaultValue: "AutoPay")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custodial_wallets", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "distribution_policies",
                columns: table => new
                {
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MinimumMinorUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    FundRecordedRevenue = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_distribution_policies", x => x.AssetId);
                });

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
                    FromDeposits = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorizedWallet = table.Column<string>(type: "TEXT", maxLength: 42, nullable: true),
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
                    LastOperationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FundedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_distributions", x => x.Id);
                });

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
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChainOperationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_fee_schedules", x => x.Id);
                });

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
                name: "kyc_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DocumentFileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    DocumentContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DocumentStorageKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DocumentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RegistrationOperationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SpendingOperationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kyc_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "purchases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvestorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BuyerAddress = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    Quantity = table.Column<long>(type: "INTEGER", nullable: false),
                    PricePerFraction = table.Column<long>(type: "INTEGER", nullable: false),
                    CommissionBps = table.Column<int>(type: "INTEGER", nullable: false),
                    Cost = table.Column<long>(type: "INTEGER", nullable: false),
                    Commission = table.Column<long>(type: "INTEGER", nullable: false),
                    FeeScheduleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TxHash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: true),
                    BlockNumber = table.Column<long>(type: "INTEGER", nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_purchases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "revenue_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExternalReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AmountMinorUnits = table.Column<long>(type: "INTEGER", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DistributionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_revenue_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "revenue_receivers",
                columns: table => new
                {
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OnChainTokenId = table.Column<long>(type: "INTEGER", nullable: false),
                    StreamId = table.Column<long>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_revenue_receivers", x => x.AssetId);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "IX_api_keys_Prefix",
                table: "api_keys",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_UserId",
                table: "api_keys",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_asset_documents_AssetId",
                table: "asset_documents",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_assets_Isrc",
                table: "assets",
                column: "Isrc",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assets_IssuerId_Status",
                table: "assets",
                columns: new[] { "IssuerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_assets_OnChainTokenId",
                table: "assets",
                column: "OnChainTokenId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_Action_At",
                table: "audit_log",
                columns: new[] { "Action", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_AssetId_At",
                table: "audit_log",
                columns: new[] { "AssetId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_At",
                table: "audit_log",
                column: "At");

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

            migrationBuilder.CreateIndex(
                name: "IX_distribution_lines_Address",
                table: "distribution_lines",
                column: "Address");

            migrationBuilder.CreateIndex(
                name: "IX_distribution_policies_Mode",
                table: "distribution_policies",
                column: "Mode");

            migrationBuilder.CreateIndex(
                name: "IX_distributions_AssetId_CreatedAt",
                table: "distributions",
                columns: new[] { "AssetId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_distributions_OnChainTokenId_MerkleRoot",
                table: "distributions",
                columns: new[] { "OnChainTokenId", "MerkleRoot" });

            migrationBuilder.CreateIndex(
                name: "IX_distributions_Status",
                table: "distributions",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_fee_schedules_EffectiveFrom",
                table: "fee_schedules",
                column: "EffectiveFrom");

            migrationBuilder.CreateIndex(
                name: "IX_funding_authorizations_UserId_Status",
                table: "funding_authorizations",
                columns: new[] { "UserId", "Status" });

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
                name: "IX_notifications_UserId_At",
                table: "notifications",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_revenue_Kind_RecordedAt",
                table: "platform_revenue",
                columns: new[] { "Kind", "RecordedAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_revenue_events_AssetId_ExternalReference",
                table: "revenue_events",
                columns: new[] { "AssetId", "ExternalReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_revenue_events_DistributionId",
                table: "revenue_events",
                column: "DistributionId");

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
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "asset_documents");

            migrationBuilder.DropTable(
                name: "asset_fee_overrides");

            migrationBuilder.DropTable(
                name: "asset_holdings");

            migrationBuilder.DropTable(
                name: "audit_log");

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

            migrationBuilder.DropTable(
                name: "distribution_lines");

            migrationBuilder.DropTable(
                name: "distribution_policies");

            migrationBuilder.DropTable(
                name: "fee_schedules");

            migrationBuilder.DropTable(
                name: "funding_authorizations");

            migrationBuilder.DropTable(
                name: "holder_entitlements");

            migrationBuilder.DropTable(
                name: "holding_changes");

            migrationBuilder.DropTable(
                name: "kyc_applications");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "platform_revenue");

            migrationBuilder.DropTable(
                name: "purchases");

            migrationBuilder.DropTable(
                name: "revenue_events");

            migrationBuilder.DropTable(
                name: "revenue_receivers");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "assets");

            migrationBuilder.DropTable(
                name: "distributions");
        }
    }
}

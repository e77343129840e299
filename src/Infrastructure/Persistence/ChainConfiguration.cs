using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Infrastructure.Chain.Indexing;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Wallets;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class ChainOperationConfiguration : IEntityTypeConfiguration<ChainOperation>
{
    public void Configure(EntityTypeBuilder<ChainOperation> builder)
    {
        builder.ToTable("chain_operations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.IdempotencyKey).HasMaxLength(200).IsRequired();
        builder.HasIndex(o => o.IdempotencyKey).IsUnique();
        builder.Property(o => o.Kind).HasMaxLength(64).IsRequired();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.TxHash).HasMaxLength(66);
        builder.Property(o => o.Error).HasMaxLength(2000);
        builder.HasIndex(o => new { o.Status, o.NextAttemptAt });
        builder.HasIndex(o => o.TxHash);
    }
}

internal sealed class ChainNonceConfiguration : IEntityTypeConfiguration<ChainNonce>
{
    public void Configure(EntityTypeBuilder<ChainNonce> builder)
    {
        builder.ToTable("chain_nonces");
        builder.HasKey(n => new { n.ChainId, n.Address });
        builder.Property(n => n.Address).HasMaxLength(42);
    }
}

internal sealed class ChainDeploymentConfiguration : IEntityTypeConfiguration<ChainDeployment>
{
    public void Configure(EntityTypeBuilder<ChainDeployment> builder)
    {
        builder.ToTable("chain_deployments");
        builder.HasKey(d => new { d.ChainId, d.ContractName });
        builder.Property(d => d.ContractName).HasMaxLength(64);
        builder.Property(d => d.Address).HasMaxLength(42);
        builder.Property(d => d.TxHash).HasMaxLength(66);
    }
}

internal sealed class ChainCursorConfiguration : IEntityTypeConfiguration<ChainCursor>
{
    public void Configure(EntityTypeBuilder<ChainCursor> builder)
    {
        builder.ToTable("chain_cursors");
        builder.HasKey(c => new { c.ChainId, c.Name });
        builder.Property(c => c.Name).HasMaxLength(64);
    }
}

internal sealed class AssetHoldingConfiguration : IEntityTypeConfiguration<AssetHolding>
{
    public void Configure(EntityTypeBuilder<AssetHolding> builder)
    {
        builder.ToTable("asset_holdings");
        builder.HasKey(h => new { h.AssetTokenId, h.Address });
        builder.Property(h => h.Address).HasMaxLength(42);
        builder.Property(h => h.Balance).HasPrecision(38, 0);
    }
}

internal sealed class CustodialWalletConfiguration : IEntityTypeConfiguration<CustodialWallet>
{
    public void Configure(EntityTypeBuilder<CustodialWallet> builder)
    {
        builder.ToTable("custodial_wallets");
        builder.HasKey(w => w.UserId);
        builder.Property(w => w.UserId).HasMaxLength(64);
        builder.Property(w => w.Address).HasMaxLength(42).IsRequired();
        builder.HasIndex(w => w.Address).IsUnique();
        builder.Property(w => w.ProtectedKey).IsRequired();
        builder.Property(w => w.PayoutAddress).HasMaxLength(42);
        builder.Property(w => w.PayoutPreference).HasConversion<string>().HasMaxLength(16).HasDefaultValue(Domain.Wallets.PayoutPreference.AutoPay).HasSentinel(0);
    }
}

internal sealed class HoldingChangeConfiguration : IEntityTypeConfiguration<HoldingChange>
{
    public void Configure(EntityTypeBuilder<HoldingChange> builder)
    {
        builder.ToTable("holding_changes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Address).HasMaxLength(42);
        builder.Property(c => c.Delta).HasPrecision(38, 0);
        builder.HasIndex(c => new { c.AssetTokenId, c.BlockTime });
    }
}

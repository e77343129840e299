using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Distributions;
using TokenPlatform.Domain.Revenue;

namespace TokenPlatform.Infrastructure.Persistence;

internal sealed class RevenueReceiverConfiguration : IEntityTypeConfiguration<RevenueReceiver>
{
    public void Configure(EntityTypeBuilder<RevenueReceiver> builder)
    {
        builder.ToTable("revenue_receivers");
        builder.HasKey(r => r.AssetId);
        builder.Property(r => r.AssetId).HasConversion(id => id.Value, v => new AssetId(v));
        builder.Property(r => r.Address).HasMaxLength(42);
        builder.HasIndex(r => r.Address).IsUnique();
    }
}

internal sealed class DistributionPolicyConfiguration : IEntityTypeConfiguration<DistributionPolicy>
{
    public void Configure(EntityTypeBuilder<DistributionPolicy> builder)
    {
        builder.ToTable("distribution_policies");
        builder.HasKey(p => p.AssetId);
        builder.Property(p => p.AssetId).HasConversion(id => id.Value, v => new AssetId(v));
        builder.Property(p => p.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.UpdatedBy).HasMaxLength(64);
        builder.Ignore(p => p.IsAutomatic);
        builder.HasIndex(p => p.Mode);
    }
}

internal sealed class RevenueReceiverStore(AppDbContext db) : IRevenueReceiverStore
{
    public void Add(RevenueReceiver receiver) => db.Add(receiver);

    public Task<RevenueReceiver?> FindAsync(AssetId assetId, CancellationToken cancellationToken) =>
        db.Set<RevenueReceiver>().AsNoTracking().FirstOrDefaultAsync(r => r.AssetId == assetId, cancellationToken);

    public async Task<IReadOnlyList<RevenueReceiver>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<RevenueReceiver>().AsNoTracking().ToListAsync(cancellationToken);
}

internal sealed class DistributionPolicyStore(AppDbContext db) : IDistributionPolicyStore
{
    public void Add(DistributionPolicy policy) => db.Add(policy);

    public Task<DistributionPolicy?> FindAsync(AssetId assetId, CancellationToken cancellationToken) =>
        db.Set<DistributionPolicy>().FirstOrDefaultAsync(p => p.AssetId == assetId, cancellationToken);

    public async Task<IReadOnlyList<DistributionPolicy>> ListAutomaticAsync(CancellationToken cancellationToken) =>
        await db.Set<DistributionPolicy>().AsNoTracking().Where(p => p.Mode != DistributionMode.Manual).ToListAsync(cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Infrastructure.Wallets;

namespace TokenPlatform.Infrastructure.Persistence;

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

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.Infrastructure.Persistence;

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

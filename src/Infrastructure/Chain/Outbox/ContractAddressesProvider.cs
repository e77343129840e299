namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>The deployed addresses, loaded once from the database (chain_deployments).</summary>
public sealed class ContractAddressesProvider
{
    private ContractAddresses? _addresses;

    public void Set(ContractAddresses addresses) => _addresses = addresses;

    public bool IsKnown => _addresses is not null;

    public Task<ContractAddresses> GetAsync(CancellationToken cancellationToken) =>
        _addresses is not null
            ? Task.FromResult(_addresses)
            : throw new InvalidOperationException("The platform contracts are not deployed (or not loaded) on this chain yet.");
}

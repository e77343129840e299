using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>
/// What a handler may use to build a transaction: the contracts, the results of the operations it
/// waited for, chain reads and the custodial wallets (for permits their owners sign).
/// </summary>
public sealed record BuildContext(ContractAddresses Contracts, IReadOnlyDictionary<Guid, string?> DependencyResults, ChainClient Chain, Wallets.WalletService Wallets)
{
    /// <summary>The result of the operation this one depends on (e.g. the asset id its creation returned).</summary>
    public T Result<T>(ChainOperation row) where T : class
    {
        if (row.DependsOn is not { } dependency || !DependencyResults.TryGetValue(dependency, out var json)
            || ChainResults.Read<T>(json) is not { } result)
        {
            throw new InvalidOperationException($"Operation {row.Id} needs the {typeof(T).Name} of the operation it depends on.");
        }

        return result;
    }
}

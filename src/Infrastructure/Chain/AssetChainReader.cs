using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.Infrastructure.Chain;

internal sealed class AssetChainReader(ChainClient chain, ContractAddressesProvider addresses)
    : IAssetChainReader, Domain.Investors.IInvestorChainReader, Domain.Distributions.IPayoutChainReader, Domain.Fees.ITreasuryReader, Domain.Revenue.IDepositAddressReader
{
    public async Task<string> ReceiverAddressAsync(long onChainTokenId, CancellationToken cancellationToken)
    {
        var contracts = await addresses.GetAsync(cancellationToken);
        var address = await chain.Web3.Eth.GetContractQueryHandler<ReceiverOfFunction>()
            .QueryAsync<string>(contracts.RevenueReceivers, new ReceiverOfFunction { AssetId = onChainTokenId });
        return Nethereum.Util.AddressUtil.Current.ConvertToChecksumAddress(address);
    }

    public async Task<long> BalanceAsync(long onChainTokenId, CancellationToken cancellationToken)
    {
        var contracts = await addresses.GetAsync(cancellationToken);
        var receiver = await ReceiverAddressAsync(onChainTokenId, cancellationToken);
        var balance = await chain.Web3.Eth.GetContractQueryHandler<Erc20BalanceOfFunction>().QueryAsync<BigInteger>(contracts.TestUsd, new Erc20BalanceOfFunction { Account = receiver });
        return balance > long.MaxValue ? long.MaxValue : (long)balance;
    }

    public async Task<string> StablecoinAsync(CancellationToken cancellationToken) => (await addresses.GetAsync(cancellationToken)).TestUsd;

    /// <summary>The deployment makes the operator the treasury of the sale and settlement contracts.</summary>
    public async Task<(string Address, long Balance)?> BalanceAsync(CancellationToken cancellationToken) =>
        (chain.OperatorAddress, await StablecoinBalanceAsync(chain.OperatorAddress, cancellationToken));

    public async Task<Money> ClaimedAsync(long onChainTokenId, int index, CancellationToken cancellationToken)
    {
        var contracts = await addresses.GetAsync(cancellationToken);
        return Units(await chain.Web3.Eth.GetContractQueryHandler<ClaimedFunction>()
            .QueryAsync<BigInteger>(contracts.HolderDistributor, new ClaimedFunction { AssetId = onChainTokenId, Index = index }));
    }

    public async Task<Domain.Distributions.HolderPool> PoolAsync(long onChainTokenId, CancellationToken cancellationToken)
    {
        var contracts = await addresses.GetAsync(cancellationToken);
        var pool = await chain.Web3.Eth.GetContractQueryHandler<PoolOfFunction>()
            .QueryDeserializingToObjectAsync<PoolOfOutput>(new PoolOfFunction { AssetId = onChainTokenId }, contracts.HolderDistributor);
        return new Domain.Distributions.HolderPool(Units(pool.Funded), Units(pool.Paid), Units(pool.TotalEntitled), pool.Root.ToHex(true));
    }

    public async Task<Money> PayeeCreditAsync(string payee, CancellationToken cancellationToken)
    {
        var contracts = await addresses.GetAsync(cancellationToken);
        return Units(await chain.Web3.Eth.GetContractQueryHandler<SplitterWithdrawableFunction>()
            .QueryAsync<BigInteger>(contracts.RoyaltySplitter, new SplitterWithdrawableFunction { Payee = payee }));
    }

    /// <summary>A uint256 amount read from the chain as money (an amount beyond 64 bits throws, as the cast to long did).</summary>
    private static Money Units(BigInteger amount) => Money.FromMinorUnits((long)amount).Value;

    public async Task<long> StablecoinBalanceAsync(string address, CancellationToken cancellationToken)
    {
        var contracts = await addresses.GetAsync(cancellationToken);
        return (long)await chain.Web3.Eth.GetContractQueryHandler<Erc20BalanceOfFunction>()
            .QueryAsync<BigInteger>(contracts.TestUsd, new Erc20BalanceOfFunction { Account = address });
    }

    public async Task<long> FractionsAsync(long onChainTokenId, string address, CancellationToken cancellationToken)
    {
        var contracts = await addresses.GetAsync(cancellationToken);
        return (long)await chain.Web3.Eth.GetContractQueryHandler<Erc1155BalanceOfFunction>()
            .QueryAsync<BigInteger>(contracts.AssetToken, new Erc1155BalanceOfFunction { Account = address, Id = onChainTokenId });
    }

    public async Task<IReadOnlyList<string>> AnchoredHashesAsync(long onChainTokenId, CancellationToken cancellationToken)
    {
        var contracts = await addresses.GetAsync(cancellationToken);
        var count = await chain.Web3.Eth.GetContractQueryHandler<DocumentCountFunction>()
            .QueryAsync<BigInteger>(contracts.AssetToken, new DocumentCountFunction { Id = onChainTokenId });
        var hashes = new List<string>();
        var handler = chain.Web3.Eth.GetContractQueryHandler<DocumentAtFunction>();
        for (var i = 0; i < count; i++)
        {
            var document = await handler.QueryDeserializingToObjectAsync<DocumentAtOutput>(new DocumentAtFunction { Id = onChainTokenId, Index = i }, contracts.AssetToken);
            hashes.Add(document.Document.Sha256Hash.ToHex(false));
        }

        return hashes;
    }

    public async Task<long> AvailableAsync(long onChainTokenId, CancellationToken cancellationToken)
    {
        var contracts = await addresses.GetAsync(cancellationToken);
        return (long)await chain.Web3.Eth.GetContractQueryHandler<AvailableFunction>()
            .QueryAsync<BigInteger>(contracts.PrimarySale, new AvailableFunction { AssetId = onChainTokenId });
    }
}

/// <summary>Chain:Mode=Disabled: nothing is anchored, nothing is on sale.</summary>
internal sealed class NoChainReader : IAssetChainReader, Domain.Investors.IInvestorChainReader, Domain.Distributions.IPayoutChainReader, Domain.Fees.ITreasuryReader, Domain.Revenue.IDepositAddressReader
{
    public Task<string> ReceiverAddressAsync(long onChainTokenId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("There is no chain: deposit addresses exist only on a chain.");

    public Task<long> BalanceAsync(long onChainTokenId, CancellationToken cancellationToken) => Task.FromResult(0L);

    public Task<string> StablecoinAsync(CancellationToken cancellationToken) => Task.FromResult("");

    public Task<(string Address, long Balance)?> BalanceAsync(CancellationToken cancellationToken) => Task.FromResult<(string, long)?>(null);

    public Task<Money> ClaimedAsync(long onChainTokenId, int index, CancellationToken cancellationToken) => Task.FromResult(Money.Zero);

    public Task<Domain.Distributions.HolderPool> PoolAsync(long onChainTokenId, CancellationToken cancellationToken) => Task.FromResult(new Domain.Distributions.HolderPool(Money.Zero, Money.Zero, Money.Zero, EmptyRoot));

    public Task<Money> PayeeCreditAsync(string payee, CancellationToken cancellationToken) => Task.FromResult(Money.Zero);

    private const string EmptyRoot = "0x0000000000000000000000000000000000000000000000000000000000000000";

    public Task<long> StablecoinBalanceAsync(string address, CancellationToken cancellationToken) => Task.FromResult(0L);

    public Task<long> FractionsAsync(long onChainTokenId, string address, CancellationToken cancellationToken) => Task.FromResult(0L);

    public Task<IReadOnlyList<string>> AnchoredHashesAsync(long onChainTokenId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([]);

    public Task<long> AvailableAsync(long onChainTokenId, CancellationToken cancellationToken) => Task.FromResult(0L);
}

using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Signer;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Merkle;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Tests.Chain;

/// <summary>
/// The deployer on a real anvil and PostgreSQL: a fresh deployment includes the payout router with
/// its roles, the router's typed messages round-trip through the contract, and a deployment recorded
/// before the router (or before deposit addresses) gets only what is missing. Its own chain: the
/// upgrade test rewrites the recorded deployment.
/// </summary>
public sealed class DeploymentTests(ChainFixture chain) : IClassFixture<ChainFixture>
{
    private static readonly BigInteger Usd = 1_000_000;

    [Fact]
    public async Task FreshDeployment_DeploysThePayoutRouter_WiredToThePlatformContracts_WithItsRoles()
    {
        var contracts = chain.Contracts;
        Assert.Matches("^0x[0-9a-fA-F]{40}$", contracts.PayoutRouter);
        Assert.True((await chain.Chain.Web3.Eth.GetCode.SendRequestAsync(contracts.PayoutRouter)).Length > 2, "router code on chain");
        await AssertRouterWiredAsync(contracts);
    }

    [Fact]
    public async Task RouterMessages_PayADepositAndAWalletOut_UnderAnAuthorizationSignedOffChain()
    {
        var contracts = chain.Contracts;
        var eth = chain.Chain.Web3.Eth;
        var (artist, label) = (NewAddress(), NewAddress());
        var streamReceipt = await SendAsync(contracts.RoyaltySplitter, new CreateStreamFunction
        {
            Payees = [artist, contracts.HolderDistributor, label],
            Bps = [3_000, 6_000, 1_000],
        });
        var streamId = streamReceipt.DecodeAllEvents<StreamCreatedEvent>().Single().Event.StreamId;
        var assetId = new BigInteger(900_001); // this fixture's chain has no other receivers
        await SendAsync(contracts.RevenueReceivers, new CreateReceiverFunction { AssetId = assetId, StreamId = streamId });
        var receiver = await eth.GetContractQueryHandler<ReceiverOfFunction>().QueryAsync<string>(contracts.RevenueReceivers, new ReceiverOfFunction { AssetId = assetId });
        await SendAsync(contracts.TestUsd, new MintFunction { To = receiver, Amount = 425 * Usd });

        // The funder signs its standing authorization once, off chain; the operator relays it.
        var funderKey = EthECKey.GenerateKey();
        var funder = funderKey.GetPublicAddress();
        await chain.FundAsync(funder);
        await SendAsync(contracts.TestUsd, new MintFunction { To = funder, Amount = 1_000 * Usd });
        var funderWeb3 = new Web3(new Account(funderKey.GetPrivateKey(), chain.Chain.Options.ChainId), chain.Chain.Options.RpcUrl);
        Ensure(await funderWeb3.Eth.GetContractTransactionHandler<ApproveFunction>()
            .SendRequestAndWaitForReceiptAsync(contracts.TestUsd, new ApproveFunction { Spender = contracts.PayoutRouter, Value = 1_000 * Usd }));
        var cap = 700 * Usd;
        var expiry = new BigInteger(DateTimeOffset.UtcNow.AddDays(30).ToUnixTimeSeconds());
        var nonce = await eth.GetContractQueryHandler<RouterNoncesFunction>().QueryAsync<BigInteger>(contracts.PayoutRouter, new RouterNoncesFunction { Owner = funder });
        var domain = await eth.GetContractQueryHandler<RouterDomainSeparatorFunction>().QueryAsync<byte[]>(contracts.PayoutRouter, new RouterDomainSeparatorFunction());
        // The production signer's digest, pinned to the contract's own.
        var digest = TokenPlatform.Infrastructure.Chain.Outbox.SetFundingAuthorizationHandler.Digest(domain, funder, cap, expiry, nonce);
        var onChainDigest = await eth.GetContractQueryHandler<AuthorizationDigestFunction>().QueryAsync<byte[]>(contracts.PayoutRouter,
            new AuthorizationDigestFunction { Funder = funder, Cap = cap, Expiry = expiry, AuthorizationNonce = nonce });
        Assert.Equal(onChainDigest, digest);
        var signature = Nethereum.Hex.HexConvertors.Extensions.HexByteConvertorExtensions.HexToByteArray(
            EthECDSASignature.CreateStringSignature(funderKey.SignAndCalculateV(digest)));
        var set = await SendAsync(contracts.PayoutRouter, new SetAuthorizationFunction { Funder = funder, Cap = cap, Expiry = expiry, Signature = signature });
        var setEvent = set.DecodeAllEvents<AuthorizationSetEvent>().Single().Event;
        Assert.Equal((cap, expiry, nonce), (setEvent.Cap, setEvent.Expiry, setEvent.Nonce));

        // One payout: 25 fees + 400 from the deposit, 15 fees + 600 from the wallet; the 600 holders'
        // share funds the pool and is pushed to both holders; both payees withdrawn.
        var holders = new[] { NewAddress(), NewAddress() };
        var leaves = holders.Select((h, i) => StandardMerkleTree.Leaf((long)assetId, i, h, (long)(300 * Usd))).ToList();
        var tree = new StandardMerkleTree(leaves);
        var (ordered, proof, flags) = tree.MultiProof(leaves);
        var payout = new PayoutTuple
        {
            AssetId = assetId,
            DepositFees = 25 * Usd,
            DepositToStream = 400 * Usd,
            Funder = funder,
            WalletFees = 15 * Usd,
            WalletToStream = 600 * Usd,
            Split = new StreamDistributionTuple { StreamId = streamId, Payees = [artist, contracts.HolderDistributor, label], Bps = [3_000, 6_000, 1_000] },
            FundHolders = true,
            Root = tree.Root,
            TotalEntitled = 600 * Usd,
            WithdrawPayees = [artist, label],
            Pushes = ordered.Select(l => leaves.FindIndex(x => x.SequenceEqual(l))).Select(i => new PushEntryTuple { Index = i, Account = holders[i], Cumulative = 300 * Usd }).ToList(),
            Proof = [.. proof],
            ProofFlags = [.. flags],
        };
        var treasury = NewAddress();
        var executed = await SendAsync(contracts.PayoutRouter, new ExecutePayoutsFunction { Payouts = [payout], Treasury = treasury });

        var paid = executed.DecodeAllEvents<PayoutExecutedEvent>().Single().Event;
        Assert.Equal((assetId, 425 * Usd, 615 * Usd), (paid.AssetId, paid.FromDeposit, paid.FromWallet));
        Assert.Equal(funder, paid.Funder, ignoreCase: true);
        var collected = executed.DecodeAllEvents<FundsCollectedEvent>().Single().Event;
        Assert.Equal((15 * Usd, 600 * Usd, 85 * Usd), (collected.Fees, collected.ToStream, collected.Remaining));
        Assert.Equal(40 * Usd, await UsdBalanceAsync(treasury));
        Assert.Equal(300 * Usd, await UsdBalanceAsync(artist));
        Assert.Equal(100 * Usd, await UsdBalanceAsync(label));
        foreach (var holder in holders)
        {
            Assert.Equal(300 * Usd, await UsdBalanceAsync(holder));
        }

        Assert.Equal(BigInteger.Zero, await UsdBalanceAsync(contracts.PayoutRouter));
        var authorization = await eth.GetContractQueryHandler<AuthorizationOfFunction>()
            .QueryDeserializingToObjectAsync<AuthorizationOutput>(new AuthorizationOfFunction { Funder = funder }, contracts.PayoutRouter);
        Assert.Equal((cap, 615 * Usd, expiry, nonce + 1), (authorization.Cap, authorization.Spent, authorization.Expiry, authorization.Nonce));
    }

    [Fact]
    public async Task DeploymentRecordedBeforeTheRouter_GetsOnlyWhatIsMissingAdded()
    {
        var before = await EnsureAsync();

        // Recorded before the router existed: only the router is added, wired to the recorded contracts.
        await ForgetAsync("PayoutRouter");
        var upgraded = await EnsureAsync();
        Assert.NotEqual(before.PayoutRouter, upgraded.PayoutRouter);
        Assert.Equal(before with { PayoutRouter = upgraded.PayoutRouter }, upgraded);
        await AssertRouterWiredAsync(upgraded);

        // Recorded before deposit addresses existed: the receivers' factory, then the router on it.
        await ForgetAsync("RevenueReceivers", "PayoutRouter");
        var older = await EnsureAsync();
        Assert.NotEqual(upgraded.RevenueReceivers, older.RevenueReceivers);
        Assert.NotEqual(upgraded.PayoutRouter, older.PayoutRouter);
        Assert.Equal(upgraded with { RevenueReceivers = older.RevenueReceivers, PayoutRouter = older.PayoutRouter }, older);
        await AssertRouterWiredAsync(older);
        Assert.True(await HasRoleAsync(older.RevenueReceivers, chain.Chain.OperatorAddress), "operator on the new receivers");

        // Complete now: the next start deploys nothing.
        Assert.Equal(older, await EnsureAsync());
        Assert.Equal(3, chain.Logs.Count(l => l.Contains("to the recorded contracts", StringComparison.Ordinal)));
    }

    private async Task AssertRouterWiredAsync(ContractAddresses contracts)
    {
        var router = contracts.PayoutRouter;
        Assert.Equal(contracts.TestUsd, await QueryAddressAsync<RouterTokenFunction>(router), ignoreCase: true);
        Assert.Equal(contracts.RoyaltySplitter, await QueryAddressAsync<RouterSplitterFunction>(router), ignoreCase: true);
        Assert.Equal(contracts.HolderDistributor, await QueryAddressAsync<RouterDistributorFunction>(router), ignoreCase: true);
        Assert.Equal(contracts.RevenueReceivers, await QueryAddressAsync<RouterReceiversFunction>(router), ignoreCase: true);
        Assert.True(await HasRoleAsync(router, chain.Chain.OperatorAddress), "operator on the router");
        Assert.True(await HasRoleAsync(contracts.RevenueReceivers, router), "router on the receivers");
        Assert.True(await HasRoleAsync(contracts.HolderDistributor, router), "router on the distributor");
    }

    private async Task<ContractAddresses> EnsureAsync()
    {
        await using var scope = chain.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ChainDeployer>().EnsureDeployedAsync(CancellationToken.None);
    }

    /// <summary>Makes the recorded deployment look like one from before these contracts existed.</summary>
    private async Task ForgetAsync(params string[] names)
    {
        await using var scope = chain.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var chainId = chain.Chain.Options.ChainId;
        Assert.Equal(names.Length, await db.ChainDeployments.Where(d => d.ChainId == chainId && names.Contains(d.ContractName)).ExecuteDeleteAsync());
    }

    private Task<bool> HasRoleAsync(string contract, string account) =>
        chain.Chain.Web3.Eth.GetContractQueryHandler<HasRoleFunction>()
            .QueryAsync<bool>(contract, new HasRoleFunction { Role = ContractRoles.Operator, Account = account });

    private Task<string> QueryAddressAsync<T>(string contract) where T : FunctionMessage, new() =>
        chain.Chain.Web3.Eth.GetContractQueryHandler<T>().QueryAsync<string>(contract, new T());

    private Task<BigInteger> UsdBalanceAsync(string account) =>
        chain.Chain.Web3.Eth.GetContractQueryHandler<Erc20BalanceOfFunction>()
            .QueryAsync<BigInteger>(chain.Contracts.TestUsd, new Erc20BalanceOfFunction { Account = account });

    private async Task<Nethereum.RPC.Eth.DTOs.TransactionReceipt> SendAsync<T>(string contract, T message) where T : FunctionMessage, new() =>
        Ensure(await chain.Chain.Web3.Eth.GetContractTransactionHandler<T>().SendRequestAndWaitForReceiptAsync(contract, message));

    private static Nethereum.RPC.Eth.DTOs.TransactionReceipt Ensure(Nethereum.RPC.Eth.DTOs.TransactionReceipt receipt)
    {
        Assert.Equal(BigInteger.One, receipt.Status.Value);
        return receipt;
    }

    private static string NewAddress() => EthECKey.GenerateKey().GetPublicAddress();

    [Function("approve", "bool")]
    private sealed class ApproveFunction : FunctionMessage
    {
        [Parameter("address", "spender", 1)]
        public string Spender { get; set; } = "";

        [Parameter("uint256", "value", 2)]
        public BigInteger Value { get; set; }
    }

    [Function("token", "address")]
    private sealed class RouterTokenFunction : FunctionMessage;

    [Function("splitter", "address")]
    private sealed class RouterSplitterFunction : FunctionMessage;

    [Function("distributor", "address")]
    private sealed class RouterDistributorFunction : FunctionMessage;

    [Function("receivers", "address")]
    private sealed class RouterReceiversFunction : FunctionMessage;
}

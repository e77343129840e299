using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Common;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Chain;

/// <summary>The platform's contract addresses on the current chain.</summary>
public sealed record ContractAddresses(
    string TestUsd,
    string AssetToken,
    string Settlement,
    string PrimarySale,
    string RoyaltySplitter,
    string HolderDistributor,
    long DeployedAtBlock,
    string RevenueReceivers = "",
    string PayoutRouter = "");

/// <summary>
/// Deploys and wires the contracts (operator = admin and every operator role), then records their
/// addresses per chain id. Runs on the first start of a managed chain, or when asked in External mode.
/// </summary>
public sealed partial class ChainDeployer(ChainClient chain, AppDbContext db, TimeProvider clock, ILogger<ChainDeployer> logger)
{
    public const ushort DefaultRoyaltyCapBps = 1_000;
    public const ushort DefaultTradingFeeCapBps = 100;
    public const ushort DefaultCommissionBps = 250;

    public async Task<ContractAddresses?> FindAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ChainDeployments.AsNoTracking().Where(d => d.ChainId == chain.Options.ChainId).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        // A deployment from before a contract existed lacks its row: it counts as outdated (see EnsureDeployedAsync).
        string Of(string name) => rows.SingleOrDefault(r => r.ContractName == name)?.Address ?? "";
        return new ContractAddresses(Of("TestUSD"), Of("AssetToken"), Of("Settlement"), Of("PrimarySale"), Of("RoyaltySplitter"), Of("HolderDistributor"), rows.Min(r => r.BlockNumber),
            Of("RevenueReceivers"), Of("PayoutRouter"));
    }

    /// <summary>Returns the recorded deployment when its code is on chain; deploys otherwise.</summary>
    public async Task<ContractAddresses> EnsureDeployedAsync(CancellationToken cancellationToken)
    {
        var existing = await FindAsync(cancellationToken);
        if (existing is not null)
        {
            var code = await chain.Web3.Eth.GetCode.SendRequestAsync(existing.Settlement);
            if (code is not null && code.Length > 2)
            {
                if (await HasPayoutLayoutAsync(existing))
                {
                    if (existing.RevenueReceivers.Length > 0 && existing.PayoutRouter.Length > 0)
                    {
                        return existing;
                    }

                    // Deployed before deposit addresses or the payout router existed: only what is
                    // missing is added, next to the recorded contracts (their assets, streams and holdings stay).
                    return await AddMissingContractsAsync(existing, cancellationToken);
                }

                // Contracts from before the splitter kept each stream's holders' share apart: distributions
                // would fail after pulling money. A local chain starts over; a real one needs an operator.
                if (chain.Options.Mode != ChainMode.Managed)
                {
                    throw new InvalidOperationException(
                        $"The contracts recorded for chain {chain.Options.ChainId} predate the payout layout (RoyaltySplitter.holderDistributor is not set): deploy the current contracts (see README, Chain) before starting.");
                }

                LogOutdated(logger, chain.Options.ChainId);
            }
            else
            {
                LogRedeploying(logger, chain.Options.ChainId);
            }

            // The chain was reset (e.g. its state file deleted) or holds outdated contracts: forget the stale addresses and nonce.
            await db.ChainDeployments.Where(d => d.ChainId == chain.Options.ChainId).ExecuteDeleteAsync(cancellationToken);
            await db.ChainNonces.Where(n => n.ChainId == chain.Options.ChainId).ExecuteDeleteAsync(cancellationToken);
        }

        return await DeployAsync(cancellationToken);
    }

    /// <summary>The splitter knows its holder distributor (so the holders' share is kept per stream).</summary>
    private async Task<bool> HasPayoutLayoutAsync(ContractAddresses contracts)
    {
        try
        {
            var distributor = await chain.Web3.Eth.GetContractQueryHandler<HolderDistributorOfFunction>()
                .QueryAsync<string>(contracts.RoyaltySplitter, new HolderDistributorOfFunction());
            return EthAddress.Comparer.Equals(distributor, contracts.HolderDistributor);
        }
        catch (Nethereum.JsonRpc.Client.RpcResponseException)
        {
            return false;
        }
        catch (Nethereum.ABI.FunctionEncoding.SmartContractRevertException)
        {
            return false;
        }
    }

    /// <summary>
    /// Adds the contracts a deployment recorded before they existed, in dependency order (the router
    /// needs the receivers), each recorded as soon as it is wired: a failure part-way leaves the
    /// finished ones recorded and the next start adds only the rest.
    /// </summary>
    private async Task<ContractAddresses> AddMissingContractsAsync(ContractAddresses existing, CancellationToken cancellationToken)
    {
        var op = chain.OperatorAddress;
        var receivers = existing.RevenueReceivers;
        if (receivers.Length == 0)
        {
            var records = new List<ChainDeployment>();
            receivers = await DeployContractAsync(records, "RevenueReceivers",
                new RevenueReceiversDeployment { Admin = op, Token = existing.TestUsd, Splitter = existing.RoyaltySplitter }, cancellationToken);
            await WireRevenueReceiversAsync(receivers, cancellationToken);
            await RecordAsync(records, cancellationToken);
        }

        if (existing.PayoutRouter.Length == 0)
        {
            var records = new List<ChainDeployment>();
            var router = await DeployContractAsync(records, "PayoutRouter", new PayoutRouterDeployment
            {
                Admin = op, Token = existing.TestUsd, Splitter = existing.RoyaltySplitter, Distributor = existing.HolderDistributor, Receivers = receivers,
            }, cancellationToken);
            await WirePayoutRouterAsync(router, receivers, existing.HolderDistributor, cancellationToken);
            await RecordAsync(records, cancellationToken);
        }

        return (await FindAsync(cancellationToken))!;
    }

    private async Task RecordAsync(List<ChainDeployment> records, CancellationToken cancellationToken)
    {
        db.ChainDeployments.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var record in records)
        {
            LogContractAdded(logger, record.ContractName, record.Address, chain.Options.ChainId);
        }
    }

    /// <summary>The operator creates receivers and releases deposits.</summary>
    private Task WireRevenueReceiversAsync(string receivers, CancellationToken cancellationToken) =>
        Send(receivers, new GrantRoleFunction { Role = ContractRoles.Operator, Account = chain.OperatorAddress }, cancellationToken);

    /// <summary>
    /// The operator executes payouts; the router releases deposits and funds and pushes to holders
    /// (both operator-only on those contracts).
    /// </summary>
    private async Task WirePayoutRouterAsync(string router, string receivers, string distributor, CancellationToken cancellationToken)
    {
        await Send(router, new GrantRoleFunction { Role = ContractRoles.Operator, Account = chain.OperatorAddress }, cancellationToken);
        await Send(receivers, new GrantRoleFunction { Role = ContractRoles.Operator, Account = router }, cancellationToken);
        await Send(distributor, new GrantRoleFunction { Role = ContractRoles.Operator, Account = router }, cancellationToken);
    }

    private async Task<string> DeployContractAsync<T>(List<ChainDeployment> records, string name, T message, CancellationToken cancellationToken)
        where T : ContractDeploymentMessage, new()
    {
        var receipt = await chain.Web3.Eth.GetContractDeploymentHandler<T>().SendRequestAndWaitForReceiptAsync(message, cancellationToken);
        Ensure(receipt, $"deploy {name}");
        records.Add(new ChainDeployment
        {
            ChainId = chain.Options.ChainId,
            ContractName = name,
            Address = Nethereum.Util.AddressUtil.Current.ConvertToChecksumAddress(receipt.ContractAddress),
            BlockNumber = (long)receipt.BlockNumber.Value,
            TxHash = receipt.TransactionHash,
            DeployedAt = clock.GetUtcNow(),
        });
        return records[^1].Address;
    }

    private async Task<ContractAddresses> DeployAsync(CancellationToken cancellationToken)
    {
        var op = chain.OperatorAddress;
        var records = new List<ChainDeployment>();
        Task<string> Deploy<T>(string name, T message) where T : ContractDeploymentMessage, new() => DeployContractAsync(records, name, message, cancellationToken);

        var usd = await Deploy("TestUSD", new TestUsdDeployment { Admin = op });
        var token = await Deploy("AssetToken", new AssetTokenDeployment { Admin = op, Uri = "https://tokenplatform.local/api/v1/assets/{id}/metadata", RoyaltyCapBps = DefaultRoyaltyCapBps });
        var settlement = await Deploy("Settlement", new SettlementDeployment { Admin = op, Stablecoin = usd, AssetToken = token, Treasury = op, TradingFeeCapBps = DefaultTradingFeeCapBps });
        var sale = await Deploy("PrimarySale", new PrimarySaleDeployment { Admin = op, Stablecoin = usd, AssetToken = token, Registry = settlement, Treasury = op, CommissionBps = DefaultCommissionBps });
        var splitter = await Deploy("RoyaltySplitter", new RoyaltySplitterDeployment { Admin = op, Token = usd });
        var distributor = await Deploy("HolderDistributor", new HolderDistributorDeployment { Admin = op, Token = usd });
        var receivers = await Deploy("RevenueReceivers", new RevenueReceiversDeployment { Admin = op, Token = usd, Splitter = splitter });
        var router = await Deploy("PayoutRouter", new PayoutRouterDeployment { Admin = op, Token = usd, Splitter = splitter, Distributor = distributor, Receivers = receivers });

        await Send(token, new SetRegistryFunction { Registry = settlement }, cancellationToken);
        foreach (var role in new[] { ContractRoles.IssuerAdmin, ContractRoles.Agent })
        {
            await Send(token, new GrantRoleFunction { Role = role, Account = op }, cancellationToken);
        }

        await Send(token, new GrantRoleFunction { Role = ContractRoles.SettlementRole, Account = settlement }, cancellationToken);
        foreach (var role in new[] { ContractRoles.Registrar, ContractRoles.Agent, ContractRoles.Settler, ContractRoles.Pauser, ContractRoles.FeeManager })
        {
            await Send(settlement, new GrantRoleFunction { Role = role, Account = op }, cancellationToken);
        }

        await Send(settlement, new SetExemptFunction { Account = sale, Exempt = true }, cancellationToken);
        await Send(sale, new GrantRoleFunction { Role = ContractRoles.Operator, Account = op }, cancellationToken);
        await Send(sale, new GrantRoleFunction { Role = ContractRoles.FeeManager, Account = op }, cancellationToken);
        await Send(splitter, new GrantRoleFunction { Role = ContractRoles.Operator, Account = op }, cancellationToken);
        await Send(distributor, new GrantRoleFunction { Role = ContractRoles.Operator, Account = op }, cancellationToken);
        // The splitter keeps the holders' share per stream and releases it only to the distributor;
        // both read the registry's frozen flag before paying anyone.
        await Send(splitter, new SetHolderDistributorFunction { Distributor = distributor }, cancellationToken);
        await Send(splitter, new SetPayoutRegistryFunction { Registry = settlement }, cancellationToken);
        await Send(distributor, new SetPayoutRegistryFunction { Registry = settlement }, cancellationToken);
        await WireRevenueReceiversAsync(receivers, cancellationToken);
        await WirePayoutRouterAsync(router, receivers, distributor, cancellationToken);

        db.ChainDeployments.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
        LogDeployed(logger, chain.Options.ChainId, settlement, token);
        return (await FindAsync(cancellationToken))!;
    }

    private async Task Send<T>(string contract, T message, CancellationToken cancellationToken) where T : FunctionMessage, new()
    {
        var receipt = await chain.Web3.Eth.GetContractTransactionHandler<T>().SendRequestAndWaitForReceiptAsync(contract, message, cancellationToken);
        Ensure(receipt, typeof(T).Name);
    }

    private static void Ensure(TransactionReceipt receipt, string what)
    {
        if (receipt.Status?.Value != 1)
        {
            throw new InvalidOperationException($"Chain set-up step '{what}' failed in transaction {receipt.TransactionHash}.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deployed the platform contracts on chain {ChainId}: Settlement {Settlement}, AssetToken {AssetToken}")]
    private static partial void LogDeployed(ILogger logger, long chainId, string settlement, string assetToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Added {Contract} {Address} to the recorded contracts on chain {ChainId}")]
    private static partial void LogContractAdded(ILogger logger, string contract, string address, long chainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recorded contracts on the managed chain {ChainId} predate the payout layout: deploying the current contracts (assets created before must be created again)")]
    private static partial void LogOutdated(ILogger logger, long chainId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recorded contracts are missing on chain {ChainId} (chain reset?): deploying again")]
    private static partial void LogRedeploying(ILogger logger, long chainId);
}

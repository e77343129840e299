using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>
/// One pass of the outbox: prepare (claim pending rows, sign with the next nonce, store nonce, hash
/// and raw transaction, commit), broadcast (send the stored bytes; re-sending the same bytes can
/// never execute twice), confirm (receipt + confirmation depth, or a decoded revert). Every step
/// is idempotent, so a crash between any two of them is recovered by the next pass.
/// </summary>
public sealed partial class OutboxProcessor(
    AppDbContext db,
    ChainClient chain,
    ContractAddressesProvider addresses,
    IEnumerable<IChainOperationHandler> handlers,
    TimeProvider clock,
    Wallets.WalletService wallets,
    ILogger<OutboxProcessor> logger)
{
    private const int ClaimBatch = 200;
    private const string SplitMarker = "split from a failing batch; retried alone";
    private readonly Dictionary<string, IChainOperationHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        await BroadcastAsync(cancellationToken);
        await ConfirmAsync(cancellationToken);
    }

    /// <summary>Claims due pending rows, signs them in nonce order and commits before anything is sent.</summary>
    public async Task<int> PrepareAsync(CancellationToken cancellationToken)
    {
        var contracts = await addresses.GetAsync(cancellationToken);
        await FailOrphansAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var nonceRow = await LockNonceAsync(cancellationToken);
        var pending = await ClaimPendingAsync(cancellationToken);
        if (pending.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return 0;
        }

        var next = Math.Max(nonceRow.NextNonce, await chain.PendingNonceAsync(chain.OperatorAddress));
        var prepared = 0;
        foreach (var group in Group(pending))
        {
            var signed = await TrySignAsync(group, contracts, next, cancellationToken);
            if (signed)
            {
                prepared += group.Count;
                next++;
            }
        }

        nonceRow.NextNonce = next;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return prepared;
    }

    /// <summary>Sends every prepared transaction (lowest nonce first).</summary>
    public async Task<int> BroadcastAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.ChainOperations.Where(o => o.Status == ChainOperationStatus.Prepared && o.NextAttemptAt <= now)
            .OrderBy(o => o.Nonce).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var group in rows.GroupBy(r => r.TxHash!))
        {
            var members = group.ToList();
            var outcome = await SendRawAsync(members[0].RawTransaction!, group.Key);
            switch (outcome)
            {
                case SendOutcome.Sent:
                    Update(members, ChainOperationStatus.Sent);
                    sent += members.Count;
                    break;
                case SendOutcome.NonceTaken:
                    // Another transaction used this nonce, so ours can never execute: sign again with a new nonce.
                    LogNonceTaken(logger, group.Key, members[0].Nonce ?? -1);
                    foreach (var row in members)
                    {
                        row.Status = ChainOperationStatus.Pending;
                        row.Nonce = null;
                        row.TxHash = null;
                        row.RawTransaction = null;
                        row.UpdatedAt = clock.GetUtcNow();
                    }

                    break;
                case SendOutcome.Unreachable:
                    Backoff(members, "chain RPC unreachable while sending");
                    break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return sent;
    }

    /// <summary>Reads receipts of sent transactions; confirms them at the configured depth or records the revert.</summary>
    public async Task<int> ConfirmAsync(CancellationToken cancellationToken)
    {
        var rows = await db.ChainOperations.Where(o => o.Status == ChainOperationStatus.Sent).OrderBy(o => o.Nonce).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        long head;
        try
        {
            head = await chain.BlockNumberAsync();
        }
        catch (Exception ex) when (IsRpcFailure(ex))
        {
            return 0;
        }

        var confirmed = 0;
        foreach (var group in rows.GroupBy(r => r.TxHash!))
        {
            var members = group.ToList();
            TransactionReceipt? receipt;
            try
            {
                receipt = await chain.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(group.Key);
            }
            catch (Exception ex) when (IsRpcFailure(ex))
            {
                continue;
            }

            if (receipt is null)
            {
                await RecoverMissingAsync(members);
                continue;
            }

            var block = (long)receipt.BlockNumber.Value;
            if (receipt.Status?.Value == 1)
            {
                if (head - block + 1 < chain.Options.Confirmations)
                {
                    continue;
                }

                var result = _handlers.TryGetValue(members[0].Kind, out var handler) ? handler.DescribeResult(receipt) : null;
                foreach (var row in members)
                {
                    row.BlockNumber = block;
                    row.GasUsed = (long)receipt.GasUsed.Value;
                    row.Result = result;
                }

                Update(members, ChainOperationStatus.Confirmed);
                confirmed += members.Count;
            }
            else
            {
                var revert = await ReplayRevertAsync(members[0], receipt);
                foreach (var row in members)
                {
                    row.BlockNumber = block;
                    row.GasUsed = (long)receipt.GasUsed.Value;
                    row.Error = Truncate("reverted: " + revert.Reason);
                    row.FailureCode = revert.ErrorName ?? nameof(ChainFailure.Other);
                }

                Update(members, ChainOperationStatus.Failed);
                LogReverted(logger, group.Key, revert.Reason);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return confirmed;
    }

    private async Task<bool> TrySignAsync(List<ChainOperation> group, ContractAddresses contracts, long nonce, CancellationToken cancellationToken)
    {
        var handler = _handlers[group[0].Kind];
        var dependencies = group.Where(r => r.DependsOn is not null).Select(r => r.DependsOn!.Value).Distinct().ToList();
        var results = dependencies.Count == 0
            ? new Dictionary<Guid, string?>()
            : await db.ChainOperations.AsNoTracking().Where(o => dependencies.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Result, cancellationToken);
        var input = await handler.BuildAsync(group, new BuildContext(contracts, results, chain, wallets), cancellationToken);
        input.From = chain.OperatorAddress;
        BigInteger gas;
        try
        {
            gas = (await chain.Web3.Eth.Transactions.EstimateGas.SendRequestAsync(new CallInput { Data = input.Data, To = input.To, From = input.From })).Value;
        }
        catch (RpcResponseException ex)
        {
            if (group.Count > 1)
            {
                // One bad row must not block the others: they are signed one by one on the next pass.
                foreach (var row in group)
                {
                    row.Attempts++;
                    row.Error = SplitMarker;
                }

                return false;
            }

            var revert = RevertDecoder.DecodeRevert(ex.RpcError?.Data?.ToString());
            foreach (var row in group)
            {
                row.Error = Truncate("rejected before sending: " + revert.Reason);
                row.FailureCode = revert.ErrorName ?? nameof(ChainFailure.Other);
            }

            Update(group, ChainOperationStatus.Failed);
            LogRejected(logger, group[0].Id, revert.Reason);
            return false;
        }
        catch (Exception ex) when (IsRpcFailure(ex))
        {
            Backoff(group, "chain RPC unreachable while preparing");
            return false;
        }

        // 20% head-room over the estimate: state may move between estimation and inclusion.
        var (raw, hash) = await chain.SignAsync(input, nonce, gas * 6 / 5 + 10_000);
        foreach (var row in group)
        {
            row.Nonce = nonce;
            row.TxHash = hash;
            row.RawTransaction = raw;
            row.Attempts++;
            row.Error = null;
        }

        Update(group, ChainOperationStatus.Prepared);
        cancellationToken.ThrowIfCancellationRequested();
        return true;
    }

    private IEnumerable<List<ChainOperation>> Group(IReadOnlyList<ChainOperation> pending)
    {
        foreach (var byKind in pending.GroupBy(p => p.Kind))
        {
            if (!_handlers.TryGetValue(byKind.Key, out var handler))
            {
                foreach (var row in byKind)
                {
                    row.Error = $"no handler for operation kind '{row.Kind}'";
                    row.FailureCode = nameof(ChainFailure.Other);
                    Update([row], ChainOperationStatus.Failed);
                }

                continue;
            }

            // Rows that were split from a failing batch are retried one at a time.
            var size = byKind.Any(r => r.Error == SplitMarker) ? 1 : handler.MaxGroupSize;
            foreach (var chunk in byKind.Chunk(Math.Max(1, size)))
            {
                yield return chunk.ToList();
            }
        }
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain operation {OperationId} rejected before sending: {Reason}")]
    private static partial void LogRejected(ILogger logger, Guid operationId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transaction {TxHash} reverted: {Reason}")]
    private static partial void LogReverted(ILogger logger, string txHash, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nonce {Nonce} of transaction {TxHash} was used by another transaction: signing again")]
    private static partial void LogNonceTaken(ILogger logger, string txHash, long nonce);
}

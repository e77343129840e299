using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using TokenPlatform.Domain.Common;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Chain.Indexing;

/// <summary>
/// Follows the asset token's transfers and the settlement's batches from a persisted block cursor,
/// only up to the confirmation depth, and keeps the holdings read model. Cursor and holdings are
/// saved in one transaction, so a restart resumes exactly where it stopped.
/// </summary>
public sealed class EventIndexer(AppDbContext db, ChainClient chain, ContractAddressesProvider addresses)
{
    public const string CursorName = "holdings";
    private const long MaxRange = 2_000;

    /// <summary>Indexes the next confirmed range; returns the number of blocks applied.</summary>
    public async Task<long> RunOnceAsync(CancellationToken cancellationToken)
    {
        var contracts = await addresses.GetAsync(cancellationToken);
        var chainId = chain.Options.ChainId;
        var cursor = await db.ChainCursors.FirstOrDefaultAsync(c => c.ChainId == chainId && c.Name == CursorName, cancellationToken);
        if (cursor is null)
        {
            cursor = new ChainCursor { ChainId = chainId, Name = CursorName, LastBlock = contracts.DeployedAtBlock - 1 };
            db.ChainCursors.Add(cursor);
        }

        var safe = await chain.BlockNumberAsync() - chain.Options.Confirmations + 1;
        if (safe <= cursor.LastBlock)
        {
            return 0;
        }

        var from = cursor.LastBlock + 1;
        var to = Math.Min(safe, cursor.LastBlock + MaxRange);
        var changes = new List<(long Block, long LogIndex, BigInteger Id, string Address, BigInteger Delta)>();
        await CollectTransfersAsync(contracts.AssetToken, from, to, changes);
        await CollectSettlementsAsync(contracts.Settlement, from, to, changes);

        var holdings = new Dictionary<(long, string), AssetHolding>();
        var blockTimes = new Dictionary<long, DateTimeOffset>();
        foreach (var block in changes.Select(c => c.Block).Append(to).Distinct())
        {
            blockTimes[block] = await BlockTimeAsync(block);
        }

        foreach (var change in changes.OrderBy(c => c.Block).ThenBy(c => c.LogIndex))
        {
            db.HoldingChanges.Add(new HoldingChange
            {
                AssetTokenId = (long)change.Id,
                Address = change.Address,
                Block = change.Block,
                LogIndex = change.LogIndex,
                BlockTime = blockTimes[change.Block],
                Delta = (decimal)change.Delta,
            });

            var key = ((long)change.Id, change.Address);
            if (!holdings.TryGetValue(key, out var holding))
            {
                holding = await db.AssetHoldings.FirstOrDefaultAsync(h => h.AssetTokenId == key.Item1 && h.Address == key.Item2, cancellationToken)
                    ?? db.AssetHoldings.Add(new AssetHolding { AssetTokenId = key.Item1, Address = key.Item2 }).Entity;
                holdings[key] = holding;
            }

            holding.Balance += (decimal)change.Delta;
            holding.UpdatedAtBlock = change.Block;
        }

        cursor.LastBlock = to;
        cursor.LastBlockTime = blockTimes[to];
        await db.SaveChangesAsync(cancellationToken);
        return to - from + 1;
    }

    public async Task<long> LagAsync(CancellationToken cancellationToken)
    {
        var chainId = chain.Options.ChainId;
        var cursor = await db.ChainCursors.AsNoTracking().FirstOrDefaultAsync(c => c.ChainId == chainId && c.Name == CursorName, cancellationToken);
        var head = await chain.BlockNumberAsync();
        return cursor is null ? head : Math.Max(0, head - cursor.LastBlock);
    }

    private async Task CollectTransfersAsync(string token, long from, long to, List<(long, long, BigInteger, string, BigInteger)> changes)
    {
        var range = (new BlockParameter(new HexBigInteger(from)), new BlockParameter(new HexBigInteger(to)));
        var single = chain.Web3.Eth.GetEvent<TransferSingleEvent>(token);
        foreach (var log in await single.GetAllChangesAsync(single.CreateFilterInput(range.Item1, range.Item2)))
        {
            AddTransfer(changes, log.Log, log.Event.From, log.Event.To, log.Event.Id, log.Event.Value);
        }

        var batch = chain.Web3.Eth.GetEvent<TransferBatchEvent>(token);
        foreach (var log in await batch.GetAllChangesAsync(batch.CreateFilterInput(range.Item1, range.Item2)))
        {
            for (var i = 0; i < log.Event.Ids.Count; i++)
            {
                AddTransfer(changes, log.Log, log.Event.From, log.Event.To, log.Event.Ids[i], log.Event.Values[i]);
            }
        }
    }

    private static void AddTransfer(List<(long, long, BigInteger, string, BigInteger)> changes, FilterLog log, string from, string to, BigInteger id, BigInteger value)
    {
        var block = (long)log.BlockNumber.Value;
        var index = (long)log.LogIndex.Value;
        if (!IsZero(from))
        {
            changes.Add((block, index, id, Checksum(from), -value));
        }

        if (!IsZero(to))
        {
            changes.Add((block, index, id, Checksum(to), value));
        }
    }

    /// <summary>
    /// Settled batches move fractions without per-account ERC-1155 events (see IAssetToken.applySettlement):
    /// the indexer re-nets the trades from the batch's calldata.
    /// </summary>
    private async Task CollectSettlementsAsync(string settlement, long from, long to, List<(long, long, BigInteger, string, BigInteger)> changes)
    {
        var settled = chain.Web3.Eth.GetEvent<BatchSettledEvent>(settlement);
        var logs = await settled.GetAllChangesAsync(settled.CreateFilterInput(new BlockParameter(new HexBigInteger(from)), new BlockParameter(new HexBigInteger(to))));
        foreach (var log in logs)
        {
            var tx = await chain.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(log.Log.TransactionHash);
            var call = new SettleBatchFunction().DecodeTransaction(tx);
            var block = (long)log.Log.BlockNumber.Value;
            var index = (long)log.Log.LogIndex.Value;
            foreach (var packed in call.Trades)
            {
                var buyer = (int)(packed & 0xFFFF);
                var seller = (int)((packed >> 16) & 0xFFFF);
                var asset = (int)((packed >> 32) & 0xFF);
                var quantity = (packed >> 40) & ((BigInteger.One << 48) - 1);
                changes.Add((block, index, call.AssetIds[asset], Checksum(call.Accounts[buyer]), quantity));
                changes.Add((block, index, call.AssetIds[asset], Checksum(call.Accounts[seller]), -quantity));
            }
        }
    }

    private async Task<DateTimeOffset> BlockTimeAsync(long number)
    {
        var block = await chain.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new BlockParameter(new HexBigInteger(number)));
        return DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value);
    }

    private static bool IsZero(string address) => EthAddress.Comparer.Equals(address, EthAddress.Zero.Value);

    private static string Checksum(string address) => AddressUtil.Current.ConvertToChecksumAddress(address);
}

using Microsoft.EntityFrameworkCore;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Revenue;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Chain.Indexing;

/// <summary>
/// Records every stablecoin transfer to an asset's deposit address as a confirmed revenue event
/// (reference = transaction hash and the deposit's rank in it, so a block read twice after a restart or a
/// rewind, or the same transaction mined again in another block, is one event), from its own persisted
/// cursor, up to the confirmation depth. The node filters the transfers by recipient.
/// </summary>
public sealed class DepositIndexer(AppDbContext db, ChainClient chain, ContractAddressesProvider addresses, IRevenueStore revenue, TimeProvider clock)
{
    public const string CursorName = "deposits";
    private const long MaxRange = 2_000;
    private const int ReceiversPerFilter = 100;

    /// <summary>Indexes the next confirmed range; returns the number of deposits recorded.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
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
        var receivers = (await db.Set<RevenueReceiver>().AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(r => r.Address, EthAddress.Comparer);
        var events = new List<RevenueEvent>();
        if (receivers.Count > 0)
        {
            var kinds = await db.Assets.AsNoTracking().Where(a => receivers.Values.Select(r => r.AssetId).Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Kind, cancellationToken);
            var transfers = chain.Web3.Eth.GetEvent<Erc20TransferEvent>(contracts.TestUsd);
            var range = (From: new BlockParameter(new HexBigInteger(from)), To: new BlockParameter(new HexBigInteger(to)));
            // The node filters on the indexed recipient (the receivers, a bounded list per request).
            var logs = new List<Nethereum.Contracts.EventLog<Erc20TransferEvent>>();
            foreach (var chunk in receivers.Keys.Chunk(ReceiversPerFilter))
            {
                var filter = transfers.CreateFilterInput(range.From, range.To);
                // Topics: the event's signature, any sender, one of these recipients (32-byte left-padded).
                filter.Topics = [filter.Topics[0], null!, chunk.Select(a => (object)("0x" + new string('0', 24) + a[2..].ToLowerInvariant())).ToArray()];
                logs.AddRange(await transfers.GetAllChangesAsync(filter));
            }

            var deposits = logs.Where(l => receivers.ContainsKey(l.Event.To) && l.Event.Value > 0 && l.Event.Value <= long.MaxValue)
                .OrderBy(l => (long)l.Log.BlockNumber.Value).ThenBy(l => (long)l.Log.LogIndex.Value).ToList();
            var ranks = RevenueReceiver.RanksInTransaction(deposits.Select(l => (l.Log.TransactionHash, (long)l.Log.LogIndex.Value)).ToList());
            var times = new Dictionary<long, DateTimeOffset>();
            for (var i = 0; i < deposits.Count; i++)
            {
                var log = deposits[i];
                var receiver = receivers[log.Event.To];
                var block = (long)log.Log.BlockNumber.Value;
                if (!times.TryGetValue(block, out var time))
                {
                    var header = await chain.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new BlockParameter(new HexBigInteger(block)));
                    times[block] = time = DateTimeOffset.FromUnixTimeSeconds((long)header.Timestamp.Value);
                }

                var line = new RevenueLine(
                    RevenueReceiver.DepositReference(log.Log.TransactionHash, ranks[i]),
                    DateOnly.FromDateTime(time.UtcDateTime),
                    RevenueReceiver.SourceFor(kinds.GetValueOrDefault(receiver.AssetId)),
                    Domain.Common.Money.FromMinorUnits((long)log.Event.Value).Value,
                    $"Deposit from {AddressUtil.Current.ConvertToChecksumAddress(log.Event.From)}");
                events.Add(new RevenueEvent(Guid.CreateVersion7(), receiver.AssetId, line, "chain", RevenueChannel.Deposit, clock.GetUtcNow()));
            }
        }

        // Events first (their own transaction), then the cursor: a crash in between re-reads the range, and
        // the references make the second read record nothing new.
        var recorded = events.Count == 0 ? 0 : await revenue.AddNewAsync(events, cancellationToken);
        cursor.LastBlock = to;
        cursor.LastBlockTime = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return recorded;
    }
}

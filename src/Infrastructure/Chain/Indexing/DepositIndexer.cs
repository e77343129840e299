using Microsoft.EntityFrameworkCore;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using TokenPlatform.Domain.Revenue;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Chain.Indexing;

/// <summary>
/// Records every stablecoin transfer to an asset's deposit address as a confirmed revenue event
/// (reference = transaction hash and log index, so a block read twice after a restart or a rewind is one
/// event), from its own persisted cursor, up to the confirmation depth.
/// </summary>
public sealed class DepositIndexer(AppDbContext db, ChainClient chain, ContractAddressesProvider addresses, IRevenueStore revenue, TimeProvider clock)
{
    public const string CursorName = "deposits";
    private const long MaxRange = 2_000;

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
        var receivers = (await db.Set<RevenueReceiver>().AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(r => r.Address, StringComparer.OrdinalIgnoreCase);
        var events = new List<RevenueEvent>();
        if (receivers.Count > 0)
        {
            var kinds = await db.Assets.AsNoTracking().Where(a => receivers.Values.Select(r => r.AssetId).Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Kind, cancellationToken);
            var transfers = chain.Web3.Eth.GetEvent<Erc20TransferEvent>(contracts.TestUsd);
            var logs = await transfers.GetAllChangesAsync(transfers.CreateFilterInput(new BlockParameter(new HexBigInteger(from)), new BlockParameter(new HexBigInteger(to))));
            var times = new Dictionary<long, DateTimeOffset>();
            foreach (var log in logs.Where(l => receivers.ContainsKey(l.Event.To) && l.Event.Value > 0 && l.Event.Value <= long.MaxValue))
            {
                var receiver = receivers[log.Event.To];
                var block = (long)log.Log.BlockNumber.Value;
                if (!times.TryGetValue(block, out var time))
                {
                    var header = await chain.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new BlockParameter(new HexBigInteger(block)));
                    times[block] = time = DateTimeOffset.FromUnixTimeSeconds((long)header.Timestamp.Value);
                }

                var line = new RevenueLine(
                    RevenueReceiver.DepositReference(log.Log.TransactionHash, (long)log.Log.LogIndex.Value),
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

namespace TokenPlatform.Domain.Trading;

/// <summary>The engine's books against its ledgers: what a restart, a property test or an operator can check at any moment.</summary>
public readonly record struct EngineAudit(long CashTotal, long FeesAndRoyalties, int HoldMismatches, int NegativeBalances, bool Crossed);

public sealed partial class MatchingEngine
{
    /// <summary>
    /// Recomputes every hold from the resting orders (a buy's cash for its open quantity at its limit, a sell's
    /// fractions, the open buys per position) and compares them with the ledgers; counts negative balances; checks
    /// no book is crossed; sums all cash (accounts) and what the market earned (fees, royalties).
    /// </summary>
    public EngineAudit Audit()
    {
        var cashHeld = new long[_known.Length];
        var fractionsHeld = new long[_positionCount];
        var buysOpen = new long[_positionCount];
        var crossed = false;
        long royalties = 0;
        for (var asset = 0; asset < _assets.Length; asset++)
        {
            ref var m = ref _assets[asset];
            if (!m.Listed)
            {
                continue;
            }

            royalties += m.RoyaltiesCollected;
            if (m.Bids.Count > 0 && m.Asks.Count > 0 && _levels[m.Bids.Best].Price >= _levels[m.Asks.Best].Price)
            {
                crossed = true;
            }

            foreach (var side in new[] { m.Bids, m.Asks })
            {
                for (var rank = 0; rank < side.Count; rank++)
                {
                    for (var h = _levels[side.LevelAt(rank)].Head; h >= 0; h = _orders[h].Next)
                    {
                        ref var o = ref _orders[h];
                        var p = Position(o.Asset, o.Account);
                        if (o.Side == Side.Buy)
                        {
                            cashHeld[o.Account] += Reservation(o.Price, o.Remaining);
                            buysOpen[p] += o.Remaining;
                        }
                        else
                        {
                            fractionsHeld[p] += o.Remaining;
                        }
                    }
                }
            }
        }

        int mismatches = 0, negatives = 0;
        long cash = 0;
        for (var a = 0; a < _known.Length; a++)
        {
            mismatches += cashHeld[a] != _cashReserved[a] ? 1 : 0;
            negatives += _cashAvailable[a] < 0 || _cashReserved[a] < 0 ? 1 : 0;
            cash += _cashAvailable[a] + _cashReserved[a];
        }

        for (var p = 0; p < _positionCount; p++)
        {
            mismatches += fractionsHeld[p] != _fractionsReserved[p] || buysOpen[p] != _openBuys[p] ? 1 : 0;
            negatives += _fractionsAvailable[p] < 0 || _fractionsReserved[p] < 0 ? 1 : 0;
        }

        return new EngineAudit(cash, FeesCollected + royalties, mismatches, negatives, crossed);
    }
}

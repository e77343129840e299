using CsCheck;
using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Domain.Tests.Trading;

/// <summary>Invariants after every command of random streams, and determinism.</summary>
public class EnginePropertyTests
{
    /// <summary>Moderate by default (the suite shares its machine); TRADING_PROPERTY_ITERATIONS runs a longer search.</summary>
    internal static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("TRADING_PROPERTY_ITERATIONS"), out var n) ? n : 150;

    /// <summary>Commands as raw numbers (the model turns them into commands against the order ids and bands it knows so far).</summary>
    internal static readonly Gen<int[][]> GenStream = Gen.Int[0, 1 << 24].Array[8].Array[1, 400];

    [Fact]
    public void EveryCommand_KeepsBooksUncrossed_BalancesNonNegative_HoldsExact_CashAndFractionsConserved_TradesLegal() =>
        GenStream.Sample(stream => new EngineModel().Run(stream), iter: Iterations);

    [Fact]
    public void SameCommands_GiveTheSameEvents_AndTheSameStateHash() =>
        GenStream.Sample(stream =>
        {
            var first = new EngineModel(check: false);
            first.Run(stream);

            var second = new MatchingEngine(orderCapacity: 16, clientOrderIdMemory: 4096);
            var events = new List<EngineEvent>();
            for (var i = 0; i < first.Commands.Count; i++)
            {
                second.Apply(first.Commands[i]);
                events.AddRange(second.Events.Events);
                second.Events.Clear();
                Assert.Equal(first.Hashes[i], second.StateHash());
            }

            Assert.Equal(first.Events.Count, events.Count);
            for (var i = 0; i < events.Count; i++)
            {
                Assert.Equal(first.Events[i], events[i]);
            }

            Assert.Equal(first.Engine.StateHash(), second.StateHash());
        }, iter: Iterations);
}

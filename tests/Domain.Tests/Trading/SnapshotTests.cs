using CsCheck;
using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Domain.Tests.Trading;

/// <summary>An engine read back from a snapshot behaves exactly as the one that wrote it: same events, same state, from then on.</summary>
public class SnapshotTests
{
    private static readonly Gen<int[][]> GenStream = Gen.Int[0, 1 << 24].Array[8].Array[2, 400];

    [Fact]
    public void An_engine_read_back_from_a_snapshot_gives_the_same_events_and_state_as_the_one_that_wrote_it() =>
        GenStream.Sample(stream =>
        {
            var model = new EngineModel(check: false);
            model.Run(stream);
            var commands = model.Commands;
            var original = new MatchingEngine(orderCapacity: 16, clientOrderIdMemory: 64);
            var half = commands.Count / 2;
            for (var i = 0; i < half; i++)
            {
                original.Apply(commands[i]);
                original.Events.Clear();
            }

            using var snapshot = new MemoryStream();
            original.WriteSnapshot(snapshot);
            snapshot.Position = 0;
            var restored = MatchingEngine.ReadSnapshot(snapshot, orderCapacity: 16);

            Assert.Equal(original.StateHash(), restored.StateHash());
            for (var i = half; i < commands.Count; i++)
            {
                original.Apply(commands[i]);
                restored.Apply(commands[i]);
                Assert.Equal(original.Events.Events.ToArray(), restored.Events.Events.ToArray());
                Assert.Equal(original.StateHash(), restored.StateHash());
                Assert.Equal(original.Audit(), restored.Audit());
                original.Events.Clear();
                restored.Events.Clear();
            }
        }, iter: 100);
}

using System.Runtime.CompilerServices;
using TokenPlatform.Domain.Trading;
using TokenPlatform.Infrastructure.Trading;

namespace TokenPlatform.Infrastructure.Tests.Trading;

/// <summary>The host when the journal fails or a sink misbehaves (a journal fake: these are about the host's threads, not storage).</summary>
public sealed class EngineHostFaultTests
{
    [Fact]
    public async Task A_failing_journal_fails_every_queued_command_and_the_host_still_stops()
    {
        var store = new FailingStore();
        var host = await EngineHost.StartAsync(store, 1, TimeProvider.System);
        var submitted = Enumerable.Range(0, 500).Select(i => host.SubmitAsync(EngineCommand.DepositCash(i % 3, 1))).ToList();

        foreach (var task in submitted)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => task);
        }

        Assert.NotNull(host.Fault);
        await Assert.ThrowsAnyAsync<Exception>(() => host.SubmitAsync(EngineCommand.Tick()));
        var disposing = host.DisposeAsync().AsTask();
        Assert.Same(disposing, await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal(0, host.DurableSequence);
    }

    [Fact]
    public async Task A_sink_that_throws_stops_nothing_and_the_other_commands_are_acknowledged()
    {
        var store = new FailingStore { FailAfter = int.MaxValue };
        await using var host = await EngineHost.StartAsync(store, 1, TimeProvider.System);
        host.Submit(EngineCommand.SetAccount(0, long.MaxValue, false), new ThrowingSink());
        var next = await host.SubmitAsync(EngineCommand.DepositCash(0, 5));

        Assert.Equal(EventType.Applied, Assert.Single(next).Type);
        Assert.Null(host.Fault);
    }

    [Fact]
    public async Task After_stopping_a_submission_is_refused_not_lost()
    {
        var host = await EngineHost.StartAsync(new FailingStore { FailAfter = int.MaxValue }, 1, TimeProvider.System);
        await host.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => host.SubmitAsync(EngineCommand.Tick()));
    }

    private sealed class ThrowingSink : IAckSink
    {
        public void Acknowledge(in EngineCommand command, ReadOnlySpan<EngineEvent> events, object? state, long submittedTimestamp) =>
            throw new InvalidOperationException("a broken client");

        public void Fail(in EngineCommand command, Exception error, object? state) => throw new InvalidOperationException("a broken client");
    }

    /// <summary>Holds batches in memory; fails every append from the <see cref="FailAfter"/>-th on.</summary>
    private sealed class FailingStore : IJournalStore
    {
        private int _appends;

        public int FailAfter { get; init; }

        public Task<(long Epoch, long LastSequence)> OpenAsync(int stream, CancellationToken cancellationToken) => Task.FromResult((1L, 0L));

        public Task AppendAsync(JournalAppend batch, CancellationToken cancellationToken) =>
            _appends++ >= FailAfter ? Task.FromException(new IOException("disk gone")) : Task.CompletedTask;

        public async IAsyncEnumerable<JournalBatchRow> ReadAsync(int stream, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }

        public Task SaveSnapshotAsync(SnapshotRow snapshot, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<SnapshotRow?> LoadSnapshotAsync(int stream, CancellationToken cancellationToken) => Task.FromResult<SnapshotRow?>(null);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

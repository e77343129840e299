using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TokenPlatform.Web.Components.Shared;

namespace TokenPlatform.Web.Tests;

/// <summary>The pages' one live-refresh mechanism (pure component tests, real clock at its 500 ms floor).</summary>
public sealed class LiveRefreshTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();

    public LiveRefreshTests() => _ctx.Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    [Fact]
    public async Task Ticks_OneAtATime_KeepsGoingAfterAFailure_AndStopsWithTheComponent()
    {
        var ticks = 0;
        var running = 0;
        var overlapped = false;
        var cut = _ctx.Render<LiveRefresh>(p => p
            .Add(x => x.Every, TimeSpan.FromMilliseconds(10))
            .Add(x => x.OnTick, EventCallback.Factory.Create(this, async () =>
            {
                overlapped |= Interlocked.Increment(ref running) > 1;
                await Task.Delay(50);
                Interlocked.Decrement(ref running);
                if (Interlocked.Increment(ref ticks) == 1)
                {
                    throw new InvalidOperationException("the first refresh fails");
                }
            })));

        await WaitAsync(() => Volatile.Read(ref ticks) >= 3);
        Assert.False(overlapped);
        await _ctx.Renderer.Dispatcher.InvokeAsync(() => cut.Instance.DisposeAsync().AsTask());
        var stopped = Volatile.Read(ref ticks);
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        Assert.Equal(stopped, Volatile.Read(ref ticks));
    }

    [Fact]
    public async Task Ticks_OnlyWhileItsConditionHolds()
    {
        var ticks = 0;
        var on = false;
        _ctx.Render<LiveRefresh>(p => p
            .Add(x => x.Every, TimeSpan.FromMilliseconds(500))
            .Add(x => x.While, () => Volatile.Read(ref on))
            .Add(x => x.OnTick, EventCallback.Factory.Create(this, () => Interlocked.Increment(ref ticks))));

        await Task.Delay(TimeSpan.FromSeconds(1.3));
        Assert.Equal(0, Volatile.Read(ref ticks));
        Volatile.Write(ref on, true);
        await WaitAsync(() => Volatile.Read(ref ticks) >= 1);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(condition(), "the live refresh did not tick in time");
    }
}

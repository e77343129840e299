using System.Runtime.CompilerServices;
using TokenPlatform.Domain.Trading;

namespace TokenPlatform.Domain.Tests.Trading;

/// <summary>A resting order costs one 64-byte slot (issue 14's memory budget): a field added to it must fit its padding.</summary>
public class OrderSlotSizeTests
{
    [Fact]
    public void An_order_slot_is_64_bytes()
    {
        var slot = typeof(MatchingEngine).Assembly.GetType("TokenPlatform.Domain.Trading.OrderSlot", throwOnError: true)!;
        var size = (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(slot).Invoke(null, null)!;

        Assert.Equal(64, size);
    }
}

using TokenPlatform.Domain.Revenue;

namespace TokenPlatform.Domain.Tests;

public sealed class DepositReferenceTests
{
    [Fact]
    public void TheReference_IsTheTransactionAndTheDepositsRankInIt_NotTheLogsPlaceInItsBlock()
    {
        // Block A: another transaction's deposit first, then two deposits of 0xBB. The same 0xBB mined again
        // after a reorg, first in its block: the ranks (and so the references) do not change.
        var before = RevenueReceiver.RanksInTransaction([("0xaa", 0), ("0xBB", 3), ("0xbb", 5)]);
        var after = RevenueReceiver.RanksInTransaction([("0xbb", 0), ("0xbb", 2)]);
        Assert.Equal([0, 0, 1], before);
        Assert.Equal([0, 1], after);
        Assert.Equal(RevenueReceiver.DepositReference("0xBB", before[2]), RevenueReceiver.DepositReference("0xbb", after[1]));
        Assert.Equal("deposit:0xbb:1", RevenueReceiver.DepositReference("0xBB", 1));
    }

    [Fact]
    public void Ranks_FollowLogOrder_WhateverOrderTheLogsArriveIn() =>
        Assert.Equal([1, 0], RevenueReceiver.RanksInTransaction([("0xcc", 9), ("0xcc", 4)]));
}

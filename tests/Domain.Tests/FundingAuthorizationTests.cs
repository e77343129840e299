using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Funding;
using static TokenPlatform.Tests.Shared.TestMoney;

namespace TokenPlatform.Domain.Tests;

public sealed class FundingAuthorizationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static FundingAuthorization Cap(long cap, int days = 30) => new(Guid.NewGuid(), "user", "0x00000000000000000000000000000000000000aa", cap, Now.AddDays(days), Now);

    [Fact]
    public void Reservations_NeverExceedTheCap_AndAnUndoneRunGivesItsPartBack()
    {
        var a = Cap(300);
        Assert.True(a.TryReserve(Units(200), Now));
        Assert.False(a.TryReserve(Units(101), Now));
        Assert.Equal(100, a.RemainingMinorUnits);
        Assert.True(a.TryReserve(Units(100), Now));
        Assert.False(a.IsLive(Now));
        a.Release(Units(200));
        Assert.Equal(200, a.RemainingMinorUnits);
        a.Release(Units(1_000));
        Assert.Equal(0, a.UsedMinorUnits);
    }

    [Fact]
    public void AnExpiredRevokedOrReplacedAuthorization_ReservesNothing()
    {
        var expiring = Cap(300, days: 1);
        Assert.False(expiring.TryReserve(Units(1), Now.AddDays(1)));
        Assert.True(expiring.TryReserve(Units(1), Now.AddDays(1).AddTicks(-1)));

        var revoked = Cap(300);
        Assert.True(revoked.Revoke(Now));
        Assert.False(revoked.Revoke(Now));
        Assert.False(revoked.TryReserve(Units(1), Now));
        Assert.Equal(FundingAuthorizationStatus.Revoked, revoked.Status);

        var replaced = Cap(300);
        Assert.True(replaced.Replace(Now));
        Assert.False(replaced.Revoke(Now));
        Assert.Equal(FundingAuthorizationStatus.Replaced, replaced.Status);
        Assert.False(replaced.IsLive(Now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(FundingAuthorization.MaxCapMinorUnits + 1)]
    public void ACapOutsideItsRange_IsRefused(long cap) => Assert.Throws<ArgumentOutOfRangeException>(() => Cap(cap));

    [Fact]
    public void AReservationMustBePositive() => Assert.Throws<ArgumentOutOfRangeException>(() => Cap(10).TryReserve(Units(0), Now));
}

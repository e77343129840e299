using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Distributions;

namespace TokenPlatform.Domain.Tests;

public sealed class DistributionPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DistributionMode.Manual, null, false)]
    [InlineData(DistributionMode.OnArrival, 0.0, true)]
    [InlineData(DistributionMode.Daily, null, true)]
    [InlineData(DistributionMode.Daily, 0.99, false)]
    [InlineData(DistributionMode.Daily, 1.0, true)]
    [InlineData(DistributionMode.Weekly, 6.9, false)]
    [InlineData(DistributionMode.Weekly, 7.0, true)]
    [InlineData(DistributionMode.Monthly, 29.0, false)]
    [InlineData(DistributionMode.Monthly, 30.0, true)]
    public void IsDue_FollowsThePeriod_SinceTheLastDistributionsRecordTime(DistributionMode mode, double? daysSinceLast, bool due)
    {
        var policy = new DistributionPolicy(AssetId.New(), mode, Money.Zero, "issuer", Now);
        DateTimeOffset? last = daysSinceLast is { } days ? Now.AddDays(-days) : null;
        Assert.Equal(due, policy.IsDue(last, Now));
    }

    [Fact]
    public void Change_RefusesAnUnknownMode_AndANegativeMinimumCannotBeWritten()
    {
        var policy = new DistributionPolicy(AssetId.New(), DistributionMode.Manual, Money.Zero, "issuer", Now);
        Assert.False(Money.FromMinorUnits(-1).IsSuccess);
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.Change((DistributionMode)42, Money.Zero, "issuer", Now));
    }
}

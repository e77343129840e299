using TokenPlatform.Domain.Common;

namespace TokenPlatform.Tests.Shared;

/// <summary>Amounts in tests, written as their integer minor units.</summary>
public static class TestMoney
{
    public static Money Units(long minorUnits) => Money.FromMinorUnits(minorUnits).Value;
}

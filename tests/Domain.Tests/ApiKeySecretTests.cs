using TokenPlatform.Domain.ApiKeys;

namespace TokenPlatform.Domain.Tests;

public sealed class ApiKeySecretTests
{
    [Fact]
    public void ANewKey_IsFoundByItsPrefix_AndMatchesOnlyItsOwnHash()
    {
        var (prefix, secret, hash) = ApiKeySecret.New();
        Assert.Matches("^tpk_[0-9a-f]{10}$", prefix);
        Assert.StartsWith(prefix + "_", secret, StringComparison.Ordinal);
        Assert.Equal(prefix, ApiKeySecret.PrefixOf(secret));
        Assert.True(ApiKeySecret.Matches(hash, secret));
        Assert.False(ApiKeySecret.Matches(hash, secret + "x"));
        Assert.NotEqual(secret, ApiKeySecret.New().Secret);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sk_0123456789_abc")]
    [InlineData("tpk_0123456789")]
    public void APresentedValueThatIsNotOurKey_HasNoPrefix(string? presented) => Assert.Null(ApiKeySecret.PrefixOf(presented));

    [Fact]
    public void AnOverlongValue_HasNoPrefix() => Assert.Null(ApiKeySecret.PrefixOf("tpk_0123456789_" + new string('a', ApiKeySecret.MaxLength)));
}

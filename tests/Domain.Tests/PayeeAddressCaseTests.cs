using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Domain.Tests;

/// <summary>A payee's address is kept in its EIP-55 checksummed form, however it was typed.</summary>
public class PayeeAddressCaseTests
{
    private const string Checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    [Theory]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData("0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")]
    [InlineData(" 0x5aaeb6053F3E94C9B9A09F33669435E7EF1BEAED ")]
    [InlineData(Checksummed)]
    public void RevenueSplit_PayeeAddressInAnyCase_IsKeptChecksummed(string typed)
    {
        var split = RevenueSplit.Create([new SplitPayee("Nova", PayeeRole.Artist, typed.Trim(), 4_000)], 6_000);

        Assert.Equal(Checksummed, split.Value.Payees[0].Address);
    }

    [Fact]
    public void RevenueSplit_TheSameAddressInTwoCases_IsRefusedAsADuplicate()
    {
        var split = RevenueSplit.Create(
            [new SplitPayee("Nova", PayeeRole.Artist, Checksummed, 4_000), new SplitPayee("Nova again", PayeeRole.Producer, Checksummed.ToLowerInvariant(), 1_000)], 5_000);

        Assert.Contains(split.Error!.Fields, f => f.Message == "Each address may appear once.");
    }
}

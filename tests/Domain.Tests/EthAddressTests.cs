using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Tests;

public class EthAddressTests
{
    /// <summary>The test vectors of EIP-55 itself.</summary>
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Checksum_OfTheAddressInAnyCase_IsTheEip55Spelling(string eip55)
    {
        Assert.Equal(eip55, EthAddress.Checksum(eip55.ToLowerInvariant()));
        Assert.Equal(eip55, EthAddress.Checksum("0x" + eip55[2..].ToUpperInvariant()));
        Assert.Equal(eip55, EthAddress.Checksum(eip55));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg")]
    [InlineData("005aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    public void IsValid_RefusesAnythingBut0xAnd40HexDigits(string? text)
    {
        Assert.False(EthAddress.IsValid(text));
        Assert.Throws<ArgumentException>(() => EthAddress.Checksum(text!));
    }

    private const string Eip55 = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    [Fact]
    public void TwoSpellingsOfOneAddress_AreEqualValues_WithTheChecksummedValue()
    {
        var lower = EthAddress.Parse(Eip55.ToLowerInvariant(), "Address").Value;
        var upper = EthAddress.Parse("0X" + Eip55[2..].ToUpperInvariant(), "Address").Value;

        Assert.Equal(lower, upper);
        Assert.True(lower == upper);
        Assert.Equal(lower.GetHashCode(), upper.GetHashCode());
        Assert.Equal(Eip55, lower.Value);
        Assert.Equal(Eip55, upper.ToString());
        Assert.Single(new HashSet<EthAddress> { lower, upper });
    }

    [Fact]
    public void DifferentAddresses_AreNotEqual()
    {
        var one = EthAddress.Parse(Eip55, "Address").Value;
        var other = EthAddress.Parse("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "Address").Value;

        Assert.NotEqual(one, other);
    }

    [Fact]
    public void Parse_IgnoresSurroundingSpaces()
    {
        Assert.Equal(Eip55, EthAddress.Parse("  " + Eip55.ToLowerInvariant() + " ", "Address").Value.Value);
    }

    [Theory]
    [InlineData(null, "Enter an Ethereum address (0x followed by 40 hexadecimal characters).")]
    [InlineData("  ", "Enter an Ethereum address (0x followed by 40 hexadecimal characters).")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", "An Ethereum address has 40 hexadecimal characters after 0x; this one has 39.")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd", "An Ethereum address has 40 hexadecimal characters after 0x; this one has 41.")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", "An Ethereum address may use only the digits 0-9 and the letters a-f after 0x.")]
    [InlineData("005aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "An Ethereum address starts with 0x, followed by 40 hexadecimal characters.")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "An Ethereum address starts with 0x, followed by 40 hexadecimal characters.")]
    public void Parse_OfAMalformedAddress_IsAFieldErrorSayingWhatIsWrong(string? text, string message)
    {
        var result = EthAddress.Parse(text, "Payout");

        Assert.False(result.IsSuccess);
        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        var field = Assert.Single(result.Error.Fields);
        Assert.Equal("Payout", field.Field);
        Assert.Equal(message, field.Message);
        Assert.False(EthAddress.TryParse(text, out var parsed));
        Assert.Equal(default, parsed);
    }

    [Fact]
    public void TryParse_OfAValidAddress_GivesTheChecksummedValue()
    {
        Assert.True(EthAddress.TryParse(Eip55.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), out var parsed));
        Assert.Equal(Eip55, parsed.Value);
    }

    [Fact]
    public void Default_IsNoAddress_AndSafeToUse()
    {
        var none = default(EthAddress);

        Assert.Equal("", none.Value);
        Assert.Equal("", none.ToString());
        Assert.Equal(default(EthAddress).GetHashCode(), none.GetHashCode());
        Assert.NotEqual(EthAddress.Zero, none);
        Assert.Equal(default, none);
    }

    [Fact]
    public void Zero_IsTheZeroAddress()
    {
        Assert.Equal("0x" + new string('0', 40), EthAddress.Zero.Value);
        Assert.Equal(EthAddress.Zero, EthAddress.Parse("0x" + new string('0', 40), "Address").Value);
    }

    [Fact]
    public void Comparer_TreatsSpellingsOfOneAddressAsOneKey()
    {
        var comparer = EthAddress.Comparer;

        Assert.True(comparer.Equals(Eip55, Eip55.ToLowerInvariant()));
        Assert.True(comparer.Equals(Eip55, "0X" + Eip55[2..].ToUpperInvariant()));
        Assert.Equal(comparer.GetHashCode(Eip55), comparer.GetHashCode(Eip55.ToLowerInvariant()));
        Assert.False(comparer.Equals(Eip55, "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"));

        var byAddress = new Dictionary<string, int>(comparer) { [Eip55.ToLowerInvariant()] = 1 };
        Assert.Equal(1, byAddress[Eip55]);
        Assert.Single(new[] { Eip55, Eip55.ToLowerInvariant(), Eip55.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal) }.Distinct(comparer));
    }

    [Fact]
    public void Comparer_ComparesAnythingButAnAddressOrdinally()
    {
        var comparer = EthAddress.Comparer;

        Assert.True(comparer.Equals(null, null));
        Assert.False(comparer.Equals(null, Eip55));
        Assert.False(comparer.Equals(Eip55, null));
        Assert.True(comparer.Equals("not an address", "not an address"));
        Assert.False(comparer.Equals("not an address", "NOT AN ADDRESS"));
        Assert.False(comparer.Equals("0xabc", "0xABC"));
    }

    [Fact]
    public void CompareDigits_OrdersByTheHexDigitsIgnoringCase()
    {
        var low = "0x0000000000000000000000000000000000000009";
        var letter = "0x000000000000000000000000000000000000000A";

        Assert.True(EthAddress.CompareDigits(low, letter) < 0);
        Assert.True(EthAddress.CompareDigits(letter.ToLowerInvariant(), low) > 0);
        Assert.Equal(0, EthAddress.CompareDigits(letter, "0X" + letter[2..].ToLowerInvariant()));
    }
}

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
}

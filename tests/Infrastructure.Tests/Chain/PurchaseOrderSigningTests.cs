using Nethereum.Hex.HexConvertors.Extensions;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.Infrastructure.Tests.Chain;

/// <summary>The C# EIP-712 digest of a purchase order equals the contract's (vectors pinned by the forge tests).</summary>
public sealed class PurchaseOrderSigningTests
{
    [Fact]
    public void Digest_MatchesTheContractsVector()
    {
        var order = new PurchaseOrderTuple
        {
            Buyer = "0x1111111111111111111111111111111111111111",
            AssetId = 1,
            Quantity = 20,
            CommissionBps = 250,
            Nonce = 42,
            Deadline = 1_800_003_600,
        };
        var domain = "0x0f90a68b2ceb6a0641ea9dfe14e9f759ff01f57311efeb5c1a8ef977c9e01dd9".HexToByteArray();

        var digest = BuyFractionsHandler.Digest(domain, order);

        Assert.Equal("0xe80d5ba25ad522fd4309bd4a1d7e5918eba5a521386fb9903230e900a59d545c", digest.ToHex(true));
    }
}

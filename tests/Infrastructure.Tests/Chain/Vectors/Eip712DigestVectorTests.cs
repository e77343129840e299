using System.Globalization;
using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using TokenPlatform.Infrastructure.Chain.Contracts;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.Infrastructure.Tests.Chain.Vectors;

/// <summary>
/// The hand-written EIP-712 digests the custodial wallets sign, against ethers' TypedDataEncoder
/// (tests/vectors/eip712.json): the ERC-2612 permit (<c>CustodialPermit</c>), the purchase order
/// (<c>BuyFractionsHandler</c>) and the standing funding authorization (<c>SetFundingAuthorizationHandler</c>).
/// The production code reads the domain separator from the contract, so the vector's separator is the input.
/// </summary>
public sealed class Eip712DigestVectorTests
{
    public static TheoryData<int> Permits => Indices(ReferenceVectors.Eip712.Permits);

    public static TheoryData<int> PurchaseOrders => Indices(ReferenceVectors.Eip712.PurchaseOrders);

    public static TheoryData<int> FundingAuthorizations => Indices(ReferenceVectors.Eip712.FundingAuthorizations);

    [Fact]
    public void Fixture_NamesTheContractsDomainsAndTypes()
    {
        var fixture = ReferenceVectors.Eip712;

        Assert.All(fixture.Permits, v => Assert.Equal(("Test USD", "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"), (v.Domain.Name, v.EncodedType)));
        Assert.All(fixture.PurchaseOrders, v => Assert.Equal(
            ("TokenPlatform PrimarySale", "PurchaseOrder(address buyer,uint256 assetId,uint256 quantity,uint16 commissionBps,uint256 nonce,uint256 deadline)"),
            (v.Domain.Name, v.EncodedType)));
        Assert.All(fixture.FundingAuthorizations, v => Assert.Equal(
            ("TokenPlatform PayoutRouter", "FundingAuthorization(address funder,uint256 cap,uint256 expiry,uint256 nonce)"), (v.Domain.Name, v.EncodedType)));
        Assert.All([.. fixture.Permits, .. fixture.PurchaseOrders, .. fixture.FundingAuthorizations], v => Assert.Equal("1", v.Domain.Version));
    }

    [Theory]
    [MemberData(nameof(Permits))]
    public void PermitDigest_IsTheReferenceDigest(int index)
    {
        var v = ReferenceVectors.Eip712.Permits[index];

        var digest = CustodialPermit.Digest(v.DomainSeparator.HexToByteArray(), v.Text("owner"), v.Text("spender"), Number(v, "value"), Number(v, "nonce"), Number(v, "deadline"));

        Assert.Equal(v.Digest, digest.ToHex(true));
    }

    [Theory]
    [MemberData(nameof(PurchaseOrders))]
    public void PurchaseOrderDigest_IsTheReferenceDigest(int index)
    {
        var v = ReferenceVectors.Eip712.PurchaseOrders[index];
        var order = new PurchaseOrderTuple
        {
            Buyer = v.Text("buyer"),
            AssetId = Number(v, "assetId"),
            Quantity = Number(v, "quantity"),
            CommissionBps = ushort.Parse(v.Text("commissionBps"), CultureInfo.InvariantCulture),
            Nonce = Number(v, "nonce"),
            Deadline = Number(v, "deadline"),
        };

        var digest = BuyFractionsHandler.Digest(v.DomainSeparator.HexToByteArray(), order);

        Assert.Equal(v.Digest, digest.ToHex(true));
    }

    [Theory]
    [MemberData(nameof(FundingAuthorizations))]
    public void FundingAuthorizationDigest_IsTheReferenceDigest(int index)
    {
        var v = ReferenceVectors.Eip712.FundingAuthorizations[index];

        var digest = SetFundingAuthorizationHandler.Digest(v.DomainSeparator.HexToByteArray(), v.Text("funder"), Number(v, "cap"), Number(v, "expiry"), Number(v, "nonce"));

        Assert.Equal(v.Digest, digest.ToHex(true));
    }

    private static BigInteger Number(TypedDataVector v, string field) => BigInteger.Parse(v.Text(field), CultureInfo.InvariantCulture);

    private static TheoryData<int> Indices(IReadOnlyList<TypedDataVector> vectors) => [.. Enumerable.Range(0, vectors.Count)];
}

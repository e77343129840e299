using Nethereum.ABI;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>
/// The EIP-712 digests the custodial wallets sign (permits, purchase orders, funding authorizations):
/// keccak256(0x1901 || domain separator || keccak256(abi.encode(typehash, fields...))). The digests are
/// pinned to ethers' and the contracts' own (tests/vectors, DeploymentTests).
/// </summary>
internal static class Eip712
{
    public static byte[] TypeHash(string type) => Nethereum.Util.Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(type));

    public static byte[] Digest(byte[] domainSeparator, byte[] typeHash, params ABIValue[] fields)
    {
        var structHash = Nethereum.Util.Sha3Keccack.Current.CalculateHash(new ABIEncode().GetABIEncoded([new ABIValue("bytes32", typeHash), .. fields]));
        return Nethereum.Util.Sha3Keccack.Current.CalculateHash([0x19, 0x01, .. domainSeparator, .. structHash]);
    }
}

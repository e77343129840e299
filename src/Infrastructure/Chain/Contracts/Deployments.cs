using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Contracts;

// Constructor messages; the bytecode comes from the compiled artifacts (src/Contracts/artifacts).

public sealed class TestUsdDeployment() : ContractDeploymentMessage(ContractArtifacts.Get("TestUSD").Bytecode)
{
    [Parameter("address", "admin", 1)]
    public string Admin { get; set; } = "";
}

public sealed class AssetTokenDeployment() : ContractDeploymentMessage(ContractArtifacts.Get("AssetToken").Bytecode)
{
    [Parameter("address", "admin", 1)]
    public string Admin { get; set; } = "";

    [Parameter("string", "uri_", 2)]
    public string Uri { get; set; } = "";

    [Parameter("uint16", "royaltyCapBps_", 3)]
    public ushort RoyaltyCapBps { get; set; }
}

public sealed class SettlementDeployment() : ContractDeploymentMessage(ContractArtifacts.Get("Settlement").Bytecode)
{
    [Parameter("address", "admin", 1)]
    public string Admin { get; set; } = "";

    [Parameter("address", "stablecoin_", 2)]
    public string Stablecoin { get; set; } = "";

    [Parameter("address", "assetToken_", 3)]
    public string AssetToken { get; set; } = "";

    [Parameter("address", "treasury_", 4)]
    public string Treasury { get; set; } = "";

    [Parameter("uint16", "tradingFeeCapBps_", 5)]
    public ushort TradingFeeCapBps { get; set; }
}

public sealed class PrimarySaleDeployment() : ContractDeploymentMessage(ContractArtifacts.Get("PrimarySale").Bytecode)
{
    [Parameter("address", "admin", 1)]
    public string Admin { get; set; } = "";

    [Parameter("address", "stablecoin_", 2)]
    public string Stablecoin { get; set; } = "";

    [Parameter("address", "assetToken_", 3)]
    public string AssetToken { get; set; } = "";

    [Parameter("address", "registry_", 4)]
    public string Registry { get; set; } = "";

    [Parameter("address", "treasury_", 5)]
    public string Treasury { get; set; } = "";

    [Parameter("uint16", "commissionBps_", 6)]
    public ushort CommissionBps { get; set; }
}

public sealed class RoyaltySplitterDeployment() : ContractDeploymentMessage(ContractArtifacts.Get("RoyaltySplitter").Bytecode)
{
    [Parameter("address", "admin", 1)]
    public string Admin { get; set; } = "";

    [Parameter("address", "token_", 2)]
    public string Token { get; set; } = "";
}

public sealed class HolderDistributorDeployment() : ContractDeploymentMessage(ContractArtifacts.Get("HolderDistributor").Bytecode)
{
    [Parameter("address", "admin", 1)]
    public string Admin { get; set; } = "";

    [Parameter("address", "token_", 2)]
    public string Token { get; set; } = "";
}

public sealed class RevenueReceiversDeployment() : ContractDeploymentMessage(ContractArtifacts.Get("RevenueReceivers").Bytecode)
{
    [Parameter("address", "admin", 1)]
    public string Admin { get; set; } = "";

    [Parameter("address", "token_", 2)]
    public string Token { get; set; } = "";

    [Parameter("address", "splitter_", 3)]
    public string Splitter { get; set; } = "";
}

public sealed class PayoutRouterDeployment() : ContractDeploymentMessage(ContractArtifacts.Get("PayoutRouter").Bytecode)
{
    [Parameter("address", "admin", 1)]
    public string Admin { get; set; } = "";

    [Parameter("address", "token_", 2)]
    public string Token { get; set; } = "";

    [Parameter("address", "splitter_", 3)]
    public string Splitter { get; set; } = "";

    [Parameter("address", "distributor_", 4)]
    public string Distributor { get; set; } = "";

    /// <summary>Must release into <see cref="Splitter"/> and hold <see cref="Token"/> (the constructor checks).</summary>
    [Parameter("address", "receivers_", 5)]
    public string Receivers { get; set; } = "";
}

[Function("grantRole")]
public sealed class GrantRoleFunction : FunctionMessage
{
    [Parameter("bytes32", "role", 1)]
    public byte[] Role { get; set; } = [];

    [Parameter("address", "account", 2)]
    public string Account { get; set; } = "";
}

[Function("hasRole", "bool")]
public sealed class HasRoleFunction : FunctionMessage
{
    [Parameter("bytes32", "role", 1)]
    public byte[] Role { get; set; } = [];

    [Parameter("address", "account", 2)]
    public string Account { get; set; } = "";
}

/// <summary>OpenZeppelin role ids: keccak256 of the role name (DEFAULT_ADMIN_ROLE is zero).</summary>
public static class ContractRoles
{
    public static byte[] Of(string name) => Nethereum.Util.Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(name));

    public static readonly byte[] IssuerAdmin = Of("ISSUER_ADMIN_ROLE");
    public static readonly byte[] Agent = Of("AGENT_ROLE");
    public static readonly byte[] SettlementRole = Of("SETTLEMENT_ROLE");
    public static readonly byte[] Registrar = Of("REGISTRAR_ROLE");
    public static readonly byte[] Settler = Of("SETTLER_ROLE");
    public static readonly byte[] Pauser = Of("PAUSER_ROLE");
    public static readonly byte[] FeeManager = Of("FEE_MANAGER_ROLE");
    public static readonly byte[] Operator = Of("OPERATOR_ROLE");
    public static readonly byte[] Minter = Of("MINTER_ROLE");
}

internal static class Units
{
    public static BigInteger Of(long value) => new(value);
}

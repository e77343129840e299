using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Domain.Chain;

/// <summary>
/// Every idempotency key the domain gives a chain operation, and every prefix it finds operations by: the one
/// place that knows their form. The strings are stored on outbox rows, so they never change (a test pins them);
/// an operation is found again by the same function that named it.
/// </summary>
public static class OperationKeys
{
    // Assets: asset:{asset}:create, :document:{document}, :offering, :split.
    public static string AssetPrefix(AssetId asset) => $"asset:{asset}:";

    public static string AssetCreate(AssetId asset) => $"asset:{asset}:create";

    public static string AssetDocument(AssetId asset, Guid document) => $"asset:{asset}:document:{document}";

    public static string AssetOffering(AssetId asset) => $"asset:{asset}:offering";

    public static string AssetSplit(AssetId asset) => $"asset:{asset}:split";

    // Investors.
    /// <summary>A KYC approval's registration on chain; the time makes a renewal a new operation.</summary>
    public static string KycRegister(Guid kyc, DateTimeOffset at) => $"kyc:{kyc}:register:{at.ToUnixTimeSeconds()}";

    public static string Purchase(Guid purchase) => $"purchase:{purchase}";

    public static string FaucetPrefix(string userId) => $"faucet:{userId}:";

    public static string Faucet(string userId, DateTimeOffset at) => $"faucet:{userId}:{at.ToUnixTimeMilliseconds()}";

    // A custodial wallet's signed allowances.
    public static string SaleAllowance(string userId) => $"wallet:{userId}:sale-allowance";

    /// <summary>The operator's permit on a funder's wallet; a later one (after every earlier one failed) adds the time.</summary>
    public static string OperatorAllowance(string userId) => $"wallet:{userId}:operator-allowance";

    public static string OperatorAllowance(string userId, DateTimeOffset at) => $"{OperatorAllowance(userId)}:{at.ToUnixTimeMilliseconds()}";

    // Payouts claimed by a holder.
    public static string ClaimPrefix(string userId) => $"claim:{userId}:";

    public static string Claim(string userId, DateTimeOffset at) => $"claim:{userId}:{at.ToUnixTimeMilliseconds()}";

    // Fee schedules: one operation per on-chain parameter.
    public static string FeeParameter(Guid schedule, string parameter) => $"fees:{schedule}:{parameter}";

    // Compliance actions, each unique (a pause, a freeze, a forced transfer).
    public const string CompliancePrefix = "compliance:";

    public static string Compliance(string action, Guid id) => $"{CompliancePrefix}{action}:{id}";

    // Revenue receivers (deposit addresses).
    public static string Receiver(AssetId asset) => $"receiver:{asset}";

    public static string ReceiverRetry(AssetId asset, int attempt) => $"receiver:{asset}:retry:{attempt}";

    // Distributions: distribution:{id}:{step}.
    public static string DistributionPrefix(Guid distribution) => $"distribution:{distribution}:";

    public static string DistributionStep(Guid distribution, string step) => $"distribution:{distribution}:{step}";

    // Standing funding authorizations.
    public static string FundingAuthorizationPrefix(Guid authorization) => $"funding-authorization:{authorization}:";

    public static string FundingAuthorizationSet(Guid authorization) => $"funding-authorization:{authorization}:set";

    public static string FundingAuthorizationPermit(Guid authorization) => $"funding-authorization:{authorization}:permit";

    public static string FundingAuthorizationRevoke(Guid authorization) => $"funding-authorization:{authorization}:revoke";

    public static string FundingAuthorizationRevokePermit(Guid authorization) => $"funding-authorization:{authorization}:revoke-permit";
}

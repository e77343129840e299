namespace TokenPlatform.Domain.Compliance;

public static class AuditActions
{
    public const string AssetApprove = "asset.approve";
    public const string AssetReject = "asset.reject";
    public const string KycApprove = "kyc.approve";
    public const string KycReject = "kyc.reject";
    public const string FeesPublish = "fees.publish";
    public const string FeesOverride = "fees.override";
    public const string AssetPause = "asset.pause";
    public const string AssetUnpause = "asset.unpause";
    public const string AddressFreeze = "address.freeze";
    public const string AddressUnfreeze = "address.unfreeze";
    public const string ForcedTransfer = "asset.forced-transfer";
    public const string OperationRetry = "chain.retry";
    public const string DistributionResume = "distribution.resume";
    public const string DistributionCancel = "distribution.cancel";
    public const string RevenueConfirm = "revenue.confirm";
    public const string RevenueReject = "revenue.reject";
    public const string RevenueVoid = "revenue.void";
    public const string DistributionPolicy = "distribution.policy";
    public const string FundingAuthorize = "funding.authorize";
    public const string FundingRevoke = "funding.revoke";

    public static IReadOnlyList<string> All { get; } =
        [AssetApprove, AssetReject, KycApprove, KycReject, FeesPublish, FeesOverride, AssetPause, AssetUnpause, AddressFreeze, AddressUnfreeze, ForcedTransfer, OperationRetry,
            DistributionResume, DistributionCancel, RevenueConfirm, RevenueReject, RevenueVoid, DistributionPolicy];
}

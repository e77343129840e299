using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

/// <summary>What the chain confirmed about the asset, recorded by the chain sync (creation, stream, offering).</summary>
public sealed partial class Asset
{
    /// <summary>Called when the chain confirmed the asset's creation.</summary>
    public Result<Asset> MarkLive(long onChainTokenId, DateTimeOffset now)
    {
        if (Status == AssetStatus.Live && OnChainTokenId == onChainTokenId)
        {
            return this;
        }

        if (Status != AssetStatus.Approved)
        {
            return Error.Conflict("asset.not_approved", $"Only an approved asset goes live; this one is {Status}.");
        }

        if (onChainTokenId <= 0)
        {
            return Error.Validation(nameof(OnChainTokenId), "The on-chain id must be positive.");
        }

        OnChainTokenId = onChainTokenId;
        Status = AssetStatus.Live;
        Touch(now);
        return this;
    }

    /// <summary>Called when the chain confirmed the asset's revenue stream (true when it was news).</summary>
    public bool RecordStream(long streamId, DateTimeOffset now)
    {
        if (StreamId is not null || streamId <= 0 || Status is not (AssetStatus.Approved or AssetStatus.Live))
        {
            return false;
        }

        StreamId = streamId;
        Touch(now);
        return true;
    }

    /// <summary>Called when the chain confirmed the primary offering's opening (true when it was news).</summary>
    public bool RecordOfferingOpened(DateTimeOffset confirmedAt, DateTimeOffset now)
    {
        if (OfferingOpenedAt is not null || Status is not (AssetStatus.Approved or AssetStatus.Live))
        {
            return false;
        }

        OfferingOpenedAt = confirmedAt;
        Touch(now);
        return true;
    }
}

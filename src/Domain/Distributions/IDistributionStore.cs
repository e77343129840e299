using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Distributions;

/// <summary>Distributions and their lines. Changes are committed by <see cref="Common.IUnitOfWork"/>.</summary>
public interface IDistributionStore
{
    void Add(Distribution distribution);

    /// <summary>With its lines.</summary>
    Task<Distribution?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>With its lines, tracked by the unit of work (to change its status or compensate it).</summary>
    Task<Distribution?> FindForUpdateAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The asset's most recent distribution that was not cancelled (without lines).</summary>
    Task<Distribution?> LatestAsync(AssetId assetId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Distribution>> ListByAssetAsync(AssetId assetId, CancellationToken cancellationToken);

    /// <summary>The most recent distributions of all assets (operations console).</summary>
    Task<IReadOnlyList<Distribution>> ListRecentAsync(int take, CancellationToken cancellationToken);

    /// <summary>The latest distribution of an on-chain asset that published <paramref name="root"/> (claims are proven against the root the chain holds).</summary>
    Task<Distribution?> FindByRootAsync(long onChainTokenId, string root, CancellationToken cancellationToken);

    /// <summary>Every distribution still executing or failed (tracked, oldest first, for the sync worker).</summary>
    Task<IReadOnlyList<Distribution>> ListUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>The funder's distributions still executing or failed (without lines): money they may still pull from its wallet.</summary>
    Task<IReadOnlyList<Distribution>> ListUnfinishedByFunderAsync(string funderUserId, CancellationToken cancellationToken);

    /// <summary>Unfinished distributions drawing on a wallet: funded by the user (manual runs) or by its standing authorization (automatic runs). Not tracked.</summary>
    Task<IReadOnlyList<Distribution>> ListUnfinishedDrawingOnAsync(string funderUserId, string? wallet, CancellationToken cancellationToken);

    /// <summary>When the asset's latest automatic run was cancelled (compensated), if any.</summary>
    Task<DateTimeOffset?> LastAutomaticCancellationAsync(AssetId assetId, CancellationToken cancellationToken);

    /// <summary>Holder lines paying <paramref name="address"/> (payout history), newest first.</summary>
    Task<IReadOnlyList<HolderPayout>> PayoutsToAsync(string address, CancellationToken cancellationToken);

    /// <summary>Every line (payee or holder) paying one of <paramref name="addresses"/> in distributions created in [start, end).</summary>
    Task<IReadOnlyList<(Distribution Distribution, DistributionLine Line)>> LinesToAsync(IReadOnlyCollection<string> addresses, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);

    /// <summary>The holder lines of the asset's distributions created up to and including <paramref name="upTo"/>.</summary>
    Task<IReadOnlyList<DistributionLine>> HolderLinesUpToAsync(AssetId assetId, Distribution upTo, CancellationToken cancellationToken);
}

/// <param name="Automatic">Paid by the asset's distribution policy, with nobody pressing "run".</param>
public sealed record HolderPayout(Guid DistributionId, AssetId AssetId, long OnChainTokenId, DateTimeOffset RecordTime, DateTimeOffset CreatedAt, DistributionStatus Status, long Fractions, Money Amount,
    bool Automatic = false);

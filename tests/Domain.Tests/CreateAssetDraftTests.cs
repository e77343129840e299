using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

using TokenPlatform.Tests.Shared;

namespace TokenPlatform.Domain.Tests;

public class CreateAssetDraftTests
{
    [Fact]
    public void Validator_ReportsEveryBadField()
    {
        var errors = new CreateAssetDraftValidator().Validate(new CreateAssetDraft("issuer", (AssetKind)0, ""));

        Assert.Equal(["Kind", "Name"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Handler_StoresDraftAndCommitsOnce()
    {
        var store = new InMemoryAssets();
        var handler = new CreateAssetDraftHandler(store, store, TimeProvider.System);

        var result = await handler.Handle(new CreateAssetDraft("issuer-7", AssetKind.MusicRoyalty, "Night Drive (master)"), CancellationToken.None);

        Assert.True(result.IsSuccess);
        var stored = Assert.Single(store.Assets);
        Assert.Equal(result.Value, stored.Id);
        Assert.Equal("issuer-7", stored.IssuerId);
        Assert.Equal(1, store.Commits);
    }

    [Fact]
    public async Task Handler_InvalidDraft_CommitsNothing()
    {
        var store = new InMemoryAssets();
        var handler = new CreateAssetDraftHandler(store, store, TimeProvider.System);

        var result = await handler.Handle(new CreateAssetDraft("issuer-7", AssetKind.Art, "x"), CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Empty(store.Assets);
        Assert.Equal(0, store.Commits);
    }
}

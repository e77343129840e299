using Mediator;

namespace TokenPlatform.Domain.ApiKeys;

/// <summary>The caller's API keys, newest first (prefixes only: a key is never shown again).</summary>
public sealed record ListApiKeys(string UserId) : IQuery<IReadOnlyList<ApiKeyView>>;

public sealed class ListApiKeysHandler(IApiKeyStore keys) : IQueryHandler<ListApiKeys, IReadOnlyList<ApiKeyView>>
{
    public async ValueTask<IReadOnlyList<ApiKeyView>> Handle(ListApiKeys query, CancellationToken cancellationToken) =>
        await keys.ListAsync(query.UserId, cancellationToken);
}

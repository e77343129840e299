using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.ApiKeys;

/// <summary>Revokes one of the caller's API keys: it fails at once everywhere.</summary>
public sealed record RevokeApiKey(string UserId, Guid Id) : ICommand<Result<bool>>;

public sealed class RevokeApiKeyHandler(IApiKeyStore keys, TimeProvider clock) : ICommandHandler<RevokeApiKey, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(RevokeApiKey command, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(command.UserId, command.Id, clock.GetUtcNow(), cancellationToken)
            ? true
            : Error.NotFound("api_key.missing", "No such key among yours.");
}

using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.ApiKeys;

/// <param name="Secret">The whole key, shown once: only its hash is stored.</param>
public sealed record CreatedApiKey(ApiKeyView Key, string Secret);

/// <summary>Issues an API key for machine access (revenue ingestion), named by its owner.</summary>
public sealed record CreateApiKey(string UserId, string? Name) : ICommand<Result<CreatedApiKey>>;

public sealed class CreateApiKeyHandler(IApiKeyStore keys, TimeProvider clock) : ICommandHandler<CreateApiKey, Result<CreatedApiKey>>
{
    public async ValueTask<Result<CreatedApiKey>> Handle(CreateApiKey command, CancellationToken cancellationToken)
    {
        var name = command.Name?.Trim() ?? "";
        if (name.Length is < 2 or > 80)
        {
            return Error.Validation("Name", "Name the key (2 to 80 characters), e.g. the system that will use it.");
        }

        var (prefix, secret, hash) = ApiKeySecret.New();
        var key = new StoredApiKey(Guid.CreateVersion7(), command.UserId, name, prefix, hash, clock.GetUtcNow(), null, null);
        await keys.AddAsync(key, cancellationToken);
        return new CreatedApiKey(new ApiKeyView(key.Id, key.Name, key.Prefix, key.CreatedAt, null, null), secret);
    }
}

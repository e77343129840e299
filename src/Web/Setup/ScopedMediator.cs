using Mediator;

namespace TokenPlatform.Web.Setup;

/// <summary>
/// Sends each use case in its own DI scope, so every call from a Blazor circuit gets a fresh
/// DbContext: a circuit lives for minutes, and a circuit-wide context would keep serving the
/// entities it tracked first (a polling page would never see an asset go live) and would be
/// shared by overlapping calls. One use case = one unit of work, as in a web request.
/// </summary>
public sealed class ScopedMediator(IServiceScopeFactory scopes)
{
    public async Task<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    public async Task<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }
}

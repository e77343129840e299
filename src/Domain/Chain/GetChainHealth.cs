using Mediator;

namespace TokenPlatform.Domain.Chain;

/// <summary>Chain health for the operations console.</summary>
public sealed record GetChainHealth : IQuery<ChainHealthView>;

public sealed class GetChainHealthHandler(IChainHealthReader health) : IQueryHandler<GetChainHealth, ChainHealthView>
{
    public async ValueTask<ChainHealthView> Handle(GetChainHealth query, CancellationToken cancellationToken) => await health.ReadAsync(cancellationToken);
}

using Mediator;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Investors;

/// <summary>The stablecoin balance of the caller's wallet, read from the chain.</summary>
public sealed record GetWalletBalance(string UserId) : IQuery<Result<Money>>;

public sealed class GetWalletBalanceHandler(IWalletService wallets, IInvestorChainReader chain) : IQueryHandler<GetWalletBalance, Result<Money>>
{
    public async ValueTask<Result<Money>> Handle(GetWalletBalance query, CancellationToken cancellationToken)
    {
        var wallet = await wallets.FindAsync(query.UserId, cancellationToken);
        if (wallet is null)
        {
            return Error.NotFound("wallet.missing", "This account has no wallet yet.");
        }

        try
        {
            return Money.FromMinorUnits(await chain.StablecoinBalanceAsync(wallet.Address, cancellationToken)).Value;
        }
        catch (HttpRequestException)
        {
            return Error.Conflict("chain.unreachable", "The chain cannot be reached right now.");
        }
    }
}

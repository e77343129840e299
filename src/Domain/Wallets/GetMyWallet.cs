using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Wallets;

/// <summary>The signed-in user's custodial wallet (address only: the key never leaves Infrastructure).</summary>
public sealed record GetMyWallet(string UserId) : IQuery<Result<WalletView>>;

public sealed class GetMyWalletHandler(IWalletService wallets) : IQueryHandler<GetMyWallet, Result<WalletView>>
{
    public async ValueTask<Result<WalletView>> Handle(GetMyWallet query, CancellationToken cancellationToken) =>
        await wallets.FindAsync(query.UserId, cancellationToken) is { } wallet
            ? wallet
            : Error.NotFound("wallet.missing", "This account has no wallet yet.");
}

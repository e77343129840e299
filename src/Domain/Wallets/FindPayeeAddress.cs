using Mediator;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Compliance;

namespace TokenPlatform.Domain.Wallets;

/// <summary>A revenue payee given as a platform user's email resolves to that user's payout address (or custodial wallet).</summary>
public sealed record FindPayeeAddress(string Email) : IQuery<Result<string>>;

public sealed class FindPayeeAddressHandler(IUserDirectory users, IWalletService wallets) : IQueryHandler<FindPayeeAddress, Result<string>>
{
    public async ValueTask<Result<string>> Handle(FindPayeeAddress query, CancellationToken cancellationToken)
    {
        var userId = await users.FindUserIdByEmailAsync(query.Email, cancellationToken);
        var wallet = userId is null ? null : await wallets.FindAsync(userId, cancellationToken);
        return wallet is null
            ? Error.NotFound("user.missing", $"No platform user with the email {query.Email.Trim()}.")
            : wallet.PayoutAddress ?? wallet.Address;
    }
}

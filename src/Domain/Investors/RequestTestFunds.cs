using Mediator;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Investors;

/// <summary>Development faucet: mints test stablecoin to the caller's wallet (development chains only, one request in flight at a time).</summary>
public sealed record RequestTestFunds(string UserId) : ICommand<Result<Guid>>
{
    public static readonly Money Amount = Money.FromMinorUnits(10_000 * Money.UnitsPerWhole).Value;
}

public sealed class RequestTestFundsHandler(ITestFaucet faucet, IWalletService wallets, IChainOutbox outbox, IChainMonitor monitor, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<RequestTestFunds, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(RequestTestFunds command, CancellationToken cancellationToken)
    {
        if (!faucet.IsAvailable)
        {
            return Error.NotFound("faucet.disabled", "The faucet exists on development chains only.");
        }

        var wallet = await wallets.FindAsync(command.UserId, cancellationToken);
        if (wallet is null)
        {
            return Error.NotFound("wallet.missing", "This account has no wallet yet.");
        }

        var previous = await monitor.ListByKeyPrefixAsync(OperationKeys.FaucetPrefix(command.UserId), cancellationToken);
        if (previous.Any(o => o.Status is not (ChainOperationStatus.Confirmed or ChainOperationStatus.Failed)))
        {
            return Error.Conflict("faucet.busy", "Your previous faucet request is still being minted.");
        }

        var key = OperationKeys.Faucet(command.UserId, clock.GetUtcNow());
        var operation = await outbox.EnqueueAsync(new MintTestStablecoin(wallet.Address, RequestTestFunds.Amount.MinorUnits), key, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return operation.Id;
    }
}

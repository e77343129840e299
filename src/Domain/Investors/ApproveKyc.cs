using Mediator;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Investors;

/// <summary>
/// An admin approves an identity check: the address is registered as verified on chain (grouped with
/// other registrations), then the wallet lets the primary sale draw its stablecoin (one permit signed
/// by the custodial wallet), so purchases need no gas from the investor.
/// </summary>
public sealed record ApproveKyc(Guid ApplicationId, string ReviewerId) : ICommand<Result<KycView>>;

public sealed class ApproveKycHandler(IInvestorStore store, IWalletService wallets, IChainOutbox outbox, Compliance.IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<ApproveKyc, Result<KycView>>
{
    public async ValueTask<Result<KycView>> Handle(ApproveKyc command, CancellationToken cancellationToken)
    {
        var kyc = await store.FindKycByIdAsync(command.ApplicationId, cancellationToken);
        if (kyc is null)
        {
            return Error.NotFound("kyc.missing", "No such application.");
        }

        if (kyc.Status != KycStatus.Pending)
        {
            return Error.Conflict("kyc.not_pending", $"Only a pending application can be approved; this one is {kyc.Status}.");
        }

        var wallet = await wallets.FindAsync(kyc.UserId, cancellationToken);
        if (wallet is null)
        {
            return Error.Conflict("wallet.missing", "The investor has no wallet to register.");
        }

        var now = clock.GetUtcNow();
        var country = Countries.Find(kyc.CountryCode)!;
        var register = await outbox.EnqueueAsync(new RegisterInvestorOnChain(wallet.Address, country.Numeric, now + KycApplication.Validity),
            OperationKeys.KycRegister(kyc.Id, now), cancellationToken);
        var spending = await outbox.EnqueueAfterAsync(new AllowSaleSpendingOnChain(kyc.UserId, wallet.Address),
            OperationKeys.SaleAllowance(kyc.UserId), register.Id, cancellationToken);
        var approved = kyc.Approve(command.ReviewerId, register.Id, spending.Id, now);
        if (!approved.IsSuccess)
        {
            return approved.Error!;
        }

        audit.Record(new Compliance.AuditEntry(Guid.CreateVersion7(), now, command.ReviewerId, Compliance.AuditActions.KycApprove, null, $"{kyc.FullName} ({wallet.Address})",
            "pending", $"verified until {kyc.ExpiresAt:yyyy-MM-dd}", null));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return KycView.From(kyc, now);
    }
}

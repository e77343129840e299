using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Investors;

public sealed record RejectKyc(Guid ApplicationId, string ReviewerId, string Reason) : ICommand<Result<KycView>>;

public sealed class RejectKycValidator : IValidator<RejectKyc>
{
    public IReadOnlyList<FieldError> Validate(RejectKyc message) =>
        new FieldErrors().Required(message.Reason, nameof(message.Reason), "The reason").Length(message.Reason, 5, 1000, nameof(message.Reason), "The reason").Errors;
}

public sealed class RejectKycHandler(IInvestorStore store, Compliance.IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<RejectKyc, Result<KycView>>
{
    public async ValueTask<Result<KycView>> Handle(RejectKyc command, CancellationToken cancellationToken)
    {
        var kyc = await store.FindKycByIdAsync(command.ApplicationId, cancellationToken);
        if (kyc is null)
        {
            return Error.NotFound("kyc.missing", "No such application.");
        }

        var now = clock.GetUtcNow();
        var rejected = kyc.Reject(command.ReviewerId, command.Reason, now);
        if (!rejected.IsSuccess)
        {
            return rejected.Error!;
        }

        audit.Record(new Compliance.AuditEntry(Guid.CreateVersion7(), now, command.ReviewerId, Compliance.AuditActions.KycReject, null, kyc.FullName, "pending", "rejected", command.Reason.Trim()));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return KycView.From(kyc, now);
    }
}

using Mediator;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Compliance;

/// <summary>Freezes (or unfreezes) an address in the investor registry: a frozen address can neither send nor receive fractions. Audited.</summary>
public sealed record SetAddressFrozen(string ActorId, string Address, bool Frozen, string Reason) : ICommand<Result<Guid>>;

public sealed class SetAddressFrozenValidator : IValidator<SetAddressFrozen>
{
    public IReadOnlyList<FieldError> Validate(SetAddressFrozen message) =>
        ComplianceRules.Reason(message.Reason)
            .When(!EthAddress.IsValid(message.Address?.Trim()), "Address", "Enter an Ethereum address (0x followed by 40 hexadecimal characters).")
            .Errors;
}

public sealed class SetAddressFrozenHandler(IChainOutbox outbox, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<SetAddressFrozen, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SetAddressFrozen command, CancellationToken cancellationToken)
    {
        var parsed = EthAddress.Parse(command.Address, "Address");
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        var address = parsed.Value.Value;
        var op = await outbox.EnqueueAsync(new SetFrozenOnChain(address, command.Frozen), OperationKeys.Compliance("freeze", Guid.CreateVersion7()), cancellationToken);
        audit.Record(new AuditEntry(Guid.CreateVersion7(), clock.GetUtcNow(), command.ActorId, command.Frozen ? AuditActions.AddressFreeze : AuditActions.AddressUnfreeze, null,
            address, command.Frozen ? "active" : "frozen", command.Frozen ? "frozen" : "active", command.Reason.Trim()));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return op.Id;
    }
}

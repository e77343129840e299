using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Investors;

namespace TokenPlatform.Domain.Compliance;

/// <summary>Compliance actions all need a reason an auditor can read.</summary>
internal static class ComplianceRules
{
    public static FieldErrors Reason(string? reason) =>
        new FieldErrors().Required(reason, "Reason", "The reason").Length(reason, 5, 1000, "Reason", "The reason");

    public static bool IsAddress(string? value) =>
        value is { Length: 42 } && value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && value[2..].All(Uri.IsHexDigit);

    public const string KeyPrefix = "compliance:";
}

/// <summary>Pauses (or resumes) every transfer of an asset on chain. Audited.</summary>
public sealed record SetAssetPaused(string ActorId, AssetId AssetId, bool Paused, string Reason) : ICommand<Result<Guid>>;

public sealed class SetAssetPausedValidator : IValidator<SetAssetPaused>
{
    public IReadOnlyList<FieldError> Validate(SetAssetPaused message) => ComplianceRules.Reason(message.Reason).Errors;
}

public sealed class SetAssetPausedHandler(IAssetRepository assets, IChainOutbox outbox, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<SetAssetPaused, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SetAssetPaused command, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(command.AssetId, cancellationToken);
        if (asset?.OnChainTokenId is not { } tokenId)
        {
            return Error.NotFound("asset.missing", "No such asset on chain.");
        }

        var now = clock.GetUtcNow();
        var op = await outbox.EnqueueAsync(new SetAssetPausedOnChain(asset.Id.Value, tokenId, command.Paused), $"{ComplianceRules.KeyPrefix}pause:{Guid.CreateVersion7()}", cancellationToken);
        audit.Record(new AuditEntry(Guid.CreateVersion7(), now, command.ActorId, command.Paused ? AuditActions.AssetPause : AuditActions.AssetUnpause, asset.Id.Value,
            asset.Name, command.Paused ? "transfers allowed" : "paused", command.Paused ? "paused" : "transfers allowed", command.Reason.Trim()));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return op.Id;
    }
}

/// <summary>Freezes (or unfreezes) an address in the investor registry: a frozen address can neither send nor receive fractions. Audited.</summary>
public sealed record SetAddressFrozen(string ActorId, string Address, bool Frozen, string Reason) : ICommand<Result<Guid>>;

public sealed class SetAddressFrozenValidator : IValidator<SetAddressFrozen>
{
    public IReadOnlyList<FieldError> Validate(SetAddressFrozen message) =>
        ComplianceRules.Reason(message.Reason)
            .When(!ComplianceRules.IsAddress(message.Address?.Trim()), "Address", "Enter an Ethereum address (0x followed by 40 hexadecimal characters).")
            .Errors;
}

public sealed class SetAddressFrozenHandler(IChainOutbox outbox, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock) : ICommandHandler<SetAddressFrozen, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(SetAddressFrozen command, CancellationToken cancellationToken)
    {
        var address = command.Address.Trim();
        var op = await outbox.EnqueueAsync(new SetFrozenOnChain(address, command.Frozen), $"{ComplianceRules.KeyPrefix}freeze:{Guid.CreateVersion7()}", cancellationToken);
        audit.Record(new AuditEntry(Guid.CreateVersion7(), clock.GetUtcNow(), command.ActorId, command.Frozen ? AuditActions.AddressFreeze : AuditActions.AddressUnfreeze, null,
            address, command.Frozen ? "active" : "frozen", command.Frozen ? "frozen" : "active", command.Reason.Trim()));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return op.Id;
    }
}

/// <summary>Moves fractions from one holder to another without the holder's signature (lost wallet, court order), reason recorded on chain. Audited.</summary>
public sealed record ForceTransfer(string ActorId, AssetId AssetId, string From, string To, long Amount, string Reason) : ICommand<Result<Guid>>;

public sealed class ForceTransferValidator : IValidator<ForceTransfer>
{
    public IReadOnlyList<FieldError> Validate(ForceTransfer message) =>
        ComplianceRules.Reason(message.Reason)
            .When(!ComplianceRules.IsAddress(message.From?.Trim()), "From", "Enter the holder's address.")
            .When(!ComplianceRules.IsAddress(message.To?.Trim()), "To", "Enter the recipient's address.")
            .When(string.Equals(message.From?.Trim(), message.To?.Trim(), StringComparison.OrdinalIgnoreCase), "To", "The recipient must differ from the holder.")
            .When(message.Amount <= 0, "Amount", "Move at least one fraction.")
            .Errors;
}

public sealed class ForceTransferHandler(IAssetRepository assets, IInvestorChainReader chain, IChainOutbox outbox, IAuditLog audit, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<ForceTransfer, Result<Guid>>
{
    public async ValueTask<Result<Guid>> Handle(ForceTransfer command, CancellationToken cancellationToken)
    {
        var asset = await assets.FindAsync(command.AssetId, cancellationToken);
        if (asset?.OnChainTokenId is not { } tokenId)
        {
            return Error.NotFound("asset.missing", "No such asset on chain.");
        }

        var from = command.From.Trim();
        var to = command.To.Trim();
        long held;
        try
        {
            held = await chain.FractionsAsync(tokenId, from, cancellationToken);
        }
        catch (HttpRequestException)
        {
            return Error.Conflict("chain.unreachable", "The chain cannot be reached right now.");
        }

        if (held < command.Amount)
        {
            return Error.Validation("Amount", $"The holder has only {held:N0} fractions of this asset.");
        }

        var op = await outbox.EnqueueAsync(new ForcedTransferOnChain(asset.Id.Value, tokenId, from, to, command.Amount, command.Reason.Trim()),
            $"{ComplianceRules.KeyPrefix}forced-transfer:{Guid.CreateVersion7()}", cancellationToken);
        audit.Record(new AuditEntry(Guid.CreateVersion7(), clock.GetUtcNow(), command.ActorId, AuditActions.ForcedTransfer, asset.Id.Value, asset.Name,
            $"{from} held {held:N0}", $"{command.Amount:N0} moved to {to}", command.Reason.Trim()));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return op.Id;
    }
}

/// <summary>Recent compliance operations and their chain status, newest first.</summary>
public sealed record ListComplianceOperations : IQuery<IReadOnlyList<ChainOperationView>>;

public sealed class ListComplianceOperationsHandler(IChainMonitor monitor) : IQueryHandler<ListComplianceOperations, IReadOnlyList<ChainOperationView>>
{
    public async ValueTask<IReadOnlyList<ChainOperationView>> Handle(ListComplianceOperations query, CancellationToken cancellationToken) =>
        (await monitor.ListByKeyPrefixAsync(ComplianceRules.KeyPrefix, cancellationToken)).OrderByDescending(o => o.CreatedAt).Take(50).ToList();
}

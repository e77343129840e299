using Mediator;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Investors;

namespace TokenPlatform.Domain.Compliance;

/// <summary>Moves fractions from one holder to another without the holder's signature (lost wallet, court order), reason recorded on chain. Audited.</summary>
public sealed record ForceTransfer(string ActorId, AssetId AssetId, string From, string To, long Amount, string Reason) : ICommand<Result<Guid>>;

public sealed class ForceTransferValidator : IValidator<ForceTransfer>
{
    public IReadOnlyList<FieldError> Validate(ForceTransfer message) =>
        ComplianceRules.Reason(message.Reason)
            .When(!EthAddress.IsValid(message.From?.Trim()), "From", "Enter the holder's address.")
            .When(!EthAddress.IsValid(message.To?.Trim()), "To", "Enter the recipient's address.")
            .When(EthAddress.Comparer.Equals(message.From?.Trim(), message.To?.Trim()), "To", "The recipient must differ from the holder.")
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

        var fromAddress = EthAddress.Parse(command.From, "From");
        var toAddress = EthAddress.Parse(command.To, "To");
        if ((fromAddress.Error ?? toAddress.Error) is { } invalid)
        {
            return invalid;
        }

        var from = fromAddress.Value.Value;
        var to = toAddress.Value.Value;
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
            OperationKeys.Compliance("forced-transfer", Guid.CreateVersion7()), cancellationToken);
        audit.Record(new AuditEntry(Guid.CreateVersion7(), clock.GetUtcNow(), command.ActorId, AuditActions.ForcedTransfer, asset.Id.Value, asset.Name,
            $"{from} held {held:N0}", $"{command.Amount:N0} moved to {to}", command.Reason.Trim()));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return op.Id;
    }
}

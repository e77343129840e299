using Mediator;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Compliance;
using TokenPlatform.Domain.Wallets;

namespace TokenPlatform.Domain.Funding;

/// <summary>
/// The user signs a standing authorization once: automatic distributions of their assets' recorded
/// revenue (form, statements, API) may draw up to <paramref name="Cap"/> USD from their wallet until
/// <paramref name="ExpiresAt"/>. It replaces the one in force, if any (audited).
/// </summary>
public sealed record GrantFundingAuthorization(string UserId, string? Cap, DateTimeOffset? ExpiresAt) : ICommand<Result<FundingAuthorizationView>>;

public sealed class GrantFundingAuthorizationHandler(
    IFundingAuthorizationStore authorizations,
    IWalletService wallets,
    IChainOutbox outbox,
    IChainMonitor monitor,
    Distributions.WalletCommitments commitments,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<GrantFundingAuthorization, Result<FundingAuthorizationView>>
{
    public async ValueTask<Result<FundingAuthorizationView>> Handle(GrantFundingAuthorization command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new List<FieldError>();
        var cap = string.IsNullOrWhiteSpace(command.Cap) ? null : Money.Parse(command.Cap.Trim(), "Cap") is { IsSuccess: true } parsed ? parsed.Value : (Money?)null;
        if (cap is not { } c || c.MinorUnits <= 0 || c.MinorUnits > FundingAuthorization.MaxCapMinorUnits)
        {
            errors.Add(new FieldError("Cap", "Enter the most automatic distributions may draw, in USD, e.g. 5000.00 (more than 0, at most 1,000,000.00)."));
        }

        if (command.ExpiresAt is not { } expires || expires <= now.AddHours(1) || expires > now + FundingAuthorization.MaxDuration)
        {
            errors.Add(new FieldError("ExpiresAt", "Choose when the authorization ends: at least an hour from now and at most a year ahead."));
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var wallet = await wallets.FindAsync(command.UserId, cancellationToken);
        if (wallet is null)
        {
            return Error.Conflict("wallet.missing", "Your wallet is being created; try again in a moment.");
        }

        // Same section as the runs that draw on authorizations: a run never reserves on one being replaced.
        await using var section = await unitOfWork.BeginExclusiveAsync("distributions", cancellationToken);
        var previous = await authorizations.FindActiveAsync(command.UserId, cancellationToken);
        // The router resets what was spent when an authorization is replaced: a payout drawn under the old one
        // but executed after the new one would be counted against the new cap. Replacing waits for them.
        if (previous is not null && (await commitments.OfAsync(command.UserId, previous.Address, cancellationToken)).Automatic > Money.Zero)
        {
            return Error.Conflict("authorization.in_use", "An automatic payout drawing on your current authorization is on its way to the chain; replace it in a few seconds.");
        }

        previous?.Replace(now);
        // The wallet's signatures reach the chain in order (router and permit nonces): after the last one on its way.
        var after = await FundingChain.PendingTailAsync(authorizations, monitor, command.UserId, cancellationToken);
        var authorization = new FundingAuthorization(Guid.CreateVersion7(), command.UserId, wallet.Address, cap!.Value.MinorUnits, command.ExpiresAt!.Value, now);
        authorizations.Add(authorization);
        var permit = new AllowRouterSpendingOnChain(command.UserId, wallet.Address, authorization.CapMinorUnits, authorization.ExpiresAt);
        var permitOp = after is { } a
            ? await outbox.EnqueueAfterAsync(permit, OperationKeys.FundingAuthorizationPermit(authorization.Id), a, cancellationToken)
            : await outbox.EnqueueAsync(permit, OperationKeys.FundingAuthorizationPermit(authorization.Id), cancellationToken);
        await outbox.EnqueueAfterAsync(new SetFundingAuthorizationOnChain(authorization.Id, command.UserId, wallet.Address, authorization.CapMinorUnits, authorization.ExpiresAt),
            OperationKeys.FundingAuthorizationSet(authorization.Id), permitOp.Id, cancellationToken);
        audit.Record(new AuditEntry(Guid.CreateVersion7(), now, command.UserId, AuditActions.FundingAuthorize, null, $"standing authorization of {wallet.Address}",
            previous is null ? "none" : Describe(previous), Describe(authorization), null));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await section.CommitAsync(cancellationToken);
        return await FundingAuthorizationView.OfAsync(authorization, monitor, now, cancellationToken);
    }

    internal static string Describe(FundingAuthorization a) =>
        $"up to {Money.FromMinorUnits(a.CapMinorUnits).Value} USD until {a.ExpiresAt:yyyy-MM-dd HH:mm} UTC ({Money.FromMinorUnits(a.UsedMinorUnits).Value} USD used)";
}

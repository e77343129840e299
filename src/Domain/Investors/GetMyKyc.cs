using Mediator;
using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Domain.Investors;

/// <summary>The signed-in investor's identity check, with the on-chain registration's progress.</summary>
public sealed record GetMyKyc(string UserId) : IQuery<KycView?>;

public sealed class GetMyKycHandler(IInvestorStore store, IChainOutbox outbox, TimeProvider clock) : IQueryHandler<GetMyKyc, KycView?>
{
    public async ValueTask<KycView?> Handle(GetMyKyc query, CancellationToken cancellationToken)
    {
        var kyc = await store.FindKycAsync(query.UserId, cancellationToken);
        if (kyc is null)
        {
            return null;
        }

        var registration = kyc.RegistrationOperationId is { } id ? await outbox.FindAsync(id, cancellationToken) : null;
        return KycView.From(kyc, clock.GetUtcNow(), registration);
    }
}

using Mediator;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Distributions;

/// <summary>A distribution's statement: every line with its basis, amount and on-chain evidence (transaction or Merkle proof).</summary>
public sealed record GetDistributionStatement(Guid DistributionId) : IQuery<Result<string>>;

public sealed class GetDistributionStatementHandler(ISender sender, IEntitlementLedger ledger) : IQueryHandler<GetDistributionStatement, Result<string>>
{
    public static readonly IReadOnlyList<string> Header =
        ["line", "party", "address", "basis", "amount_minor_units", "amount_usd", "holder_index", "cumulative_minor_units", "tx_hash", "merkle_proof"];

    public async ValueTask<Result<string>> Handle(GetDistributionStatement query, CancellationToken cancellationToken)
    {
        var view = await sender.Send(new GetDistribution(query.DistributionId), cancellationToken);
        if (!view.IsSuccess)
        {
            return view.Error!;
        }

        var (d, _, ops) = view.Value;
        var tree = await ledger.TreeOfAsync(d, cancellationToken);
        var proofs = tree.Leaves.ToDictionary(l => l.Leaf.Index);
        // The transaction that moved the line's money: its own step in a manual run, the router's payout in an automatic one.
        string? Tx(params string[] steps) => steps.Select(step => ops.FirstOrDefault(o => o.IdempotencyKey == OperationKeys.DistributionStep(d.Id, step))?.TxHash)
            .FirstOrDefault(hash => hash is not null);
        var pushes = ops.Where(o => o.Kind == PushPayoutsOnChain.KindName).ToList();
        return Csv.Write(Header, d.Lines.OrderBy(l => l.Order).Select(l => (IReadOnlyList<string>)
        [
            Csv.Number(l.Order + 1),
            Csv.Cell(l.Kind switch
            {
                DistributionLineKind.DistributionFee => "platform: distribution fee",
                DistributionLineKind.ManagementFee => "platform: management fee",
                DistributionLineKind.Payee => $"payee: {l.Label}",
                _ => "holder",
            }),
            Csv.Cell(l.Address),
            Csv.Cell(l.Kind switch
            {
                DistributionLineKind.DistributionFee => $"{d.DistributionFeeBps} bps of gross {d.Gross}",
                DistributionLineKind.ManagementFee => $"{d.ManagementFeeBps} bps/yr {d.PeriodStart:yyyy-MM-dd}..{d.PeriodEnd:yyyy-MM-dd}; due {d.ManagementFeeDue}, carried {d.ManagementFeeCarriedOut}",
                DistributionLineKind.Payee => $"{l.Bps} bps",
                _ => $"{l.Fractions} fractions at {d.RecordTime:yyyy-MM-dd HH:mm:ss}Z",
            }),
            Csv.Number(l.Amount.MinorUnits),
            Csv.Cell(l.Amount.ToString().Replace(",", "", StringComparison.Ordinal)),
            l.HolderIndex is { } index ? Csv.Number(index) : "",
            l.Cumulative is { } cumulative ? Csv.Number(cumulative.MinorUnits) : "",
            Csv.Cell(l.Kind switch
            {
                DistributionLineKind.Payee => Tx(DistributionSteps.WithdrawPayees, DistributionSteps.Payout),
                DistributionLineKind.Holder => Tx(DistributionSteps.FundHolders, DistributionSteps.Payout),
                _ => Tx(DistributionSteps.Fees, DistributionSteps.ReleaseDeposit, DistributionSteps.Payout),
            }),
            Csv.Cell(l.HolderIndex is { } i && proofs.TryGetValue(i, out var p) ? string.Join(' ', p.Proof) : ""),
        ]));
    }
}

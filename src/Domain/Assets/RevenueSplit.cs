using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Assets;

public enum PayeeRole
{
    Artist = 1,
    Songwriter = 2,
    Producer = 3,
    PropertyManager = 4,
    Issuer = 5,
    Other = 6,
}

/// <summary>One recipient of an asset's revenue: an address (a platform user's wallet or an external one), EIP-55 checksummed once in a <see cref="RevenueSplit"/>.</summary>
public sealed record SplitPayee(string Label, PayeeRole Role, string Address, int Bps);

/// <summary>
/// How an asset's net revenue is shared: named payees plus the holders, in basis points summing to
/// exactly 10,000. On chain the holders' share is a payee of the royalty splitter: the holder distributor.
/// </summary>
public sealed record RevenueSplit
{
    public const int MaxPayees = 50;

    private RevenueSplit(IReadOnlyList<SplitPayee> payees, int holdersBps)
    {
        Payees = payees;
        HoldersBps = holdersBps;
    }

    public IReadOnlyList<SplitPayee> Payees { get; }

    public int HoldersBps { get; }

    public static Result<RevenueSplit> Create(IReadOnlyList<SplitPayee> payees, int holdersBps)
    {
        ArgumentNullException.ThrowIfNull(payees);
        var errors = new FieldErrors()
            .When(payees.Count > MaxPayees, "Payees", $"At most {MaxPayees} payees.")
            .When(holdersBps is < 0 or > BasisPoints.Whole, nameof(HoldersBps), "The holders' share must be between 0% and 100%.");
        for (var i = 0; i < payees.Count; i++)
        {
            var p = payees[i];
            errors
                .When(string.IsNullOrWhiteSpace(p.Label), $"Payees[{i}].Label", "Name the payee.")
                .When(!EthAddress.IsValid(p.Address), $"Payees[{i}].Address", "Enter an Ethereum address (0x followed by 40 hexadecimal characters).")
                .When(p.Bps is <= 0 or > BasisPoints.Whole, $"Payees[{i}].Bps", "A payee's share must be above 0% and at most 100%.")
                .When(!Enum.IsDefined(p.Role), $"Payees[{i}].Role", "Choose a role.");
        }

        var duplicates = payees.GroupBy(p => p.Address.Trim(), EthAddress.Comparer).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        errors.When(duplicates.Count > 0, "Payees", "Each address may appear once.");
        var total = payees.Sum(p => (long)p.Bps) + holdersBps;
        errors.When(total != BasisPoints.Whole, "Total", $"The shares add up to {total / 100m:0.00}%: they must add up to exactly 100.00%.");
        errors.When(payees.Count == 0 && holdersBps == 0, "Total", "Someone must receive the revenue.");
        return errors.Errors.Count > 0
            ? Result<RevenueSplit>.Invalid(errors.Errors)
            : new RevenueSplit(payees.Select(p => p with { Label = p.Label.Trim(), Address = EthAddress.Checksum(p.Address) }).ToList(), holdersBps);
    }
}

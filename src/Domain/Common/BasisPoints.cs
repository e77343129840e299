namespace TokenPlatform.Domain.Common;

/// <summary>A share in basis points: 0 to 10,000 (100.00%).</summary>
public readonly record struct BasisPoints
{
    public const int Whole = 10_000;

    private BasisPoints(int value) => Value = value;

    public int Value { get; }

    public static Result<BasisPoints> Create(int value, string field = "bps") =>
        value is < 0 or > Whole
            ? Error.Validation(field, "A share must be between 0.00% and 100.00% (0 to 10,000 basis points).")
            : new BasisPoints(value);

    /// <summary>This share of an amount, rounded down; exact for any amount (128-bit intermediate).</summary>
    public Money Of(Money amount) => Money.FromMinorUnits((long)((Int128)amount.MinorUnits * Value / Whole)).Value;

    public override string ToString() => $"{Value / 100}.{Value % 100:D2}%";
}

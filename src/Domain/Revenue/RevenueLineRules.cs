using System.Globalization;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Revenue;

/// <summary>One validated revenue line, whatever channel it came from.</summary>
public sealed record RevenueLine(string Reference, DateOnly OccurredOn, RevenueSource Source, Money Amount, string? Description);

/// <summary>
/// The one set of rules for a revenue line (form, CSV row or API item): a reference, a date that is
/// not in the future, a known source, a positive amount in USD with at most 6 decimals, and no text a
/// spreadsheet would run as a formula.
/// </summary>
public static class RevenueLineRules
{
    public const string Currency = "USD";

    /// <summary>A form field or CSV cell: the amount as decimal text.</summary>
    public static Result<RevenueLine> Parse(string? reference, string? date, string? source, string? amount, string? currency, string? description, DateOnly today) =>
        Build(reference, date, source, AmountFromText(amount), currency, description, today);

    /// <summary>An API item: the amount is already an integer in minor units.</summary>
    public static Result<RevenueLine> Parse(string? reference, string? date, string? source, long amountMinorUnits, string? currency, string? description, DateOnly today) =>
        Build(reference, date, source,
            amountMinorUnits <= 0 ? (Money.Zero, "The amount must be a positive integer in minor units (6 decimals).")
            : amountMinorUnits > MaxAmountMinorUnits ? (Money.Zero, MaxAmountMessage)
            : (Money.FromMinorUnits(amountMinorUnits).Value, null),
            currency, description, today);

    /// <summary>One event may not exceed 1,000,000,000 USD: a typo of that size would block every distribution of the asset.</summary>
    public const long MaxAmountMinorUnits = 1_000_000_000L * Money.UnitsPerWhole;

    private const string MaxAmountMessage = "One revenue event may not exceed 1,000,000,000.00 USD; split it or check the amount.";

    private static (Money Value, string? Error) AmountFromText(string? amount)
    {
        var text = amount?.Trim();
        if (text?.StartsWith('-') == true)
        {
            return (Money.Zero, "The amount must be positive.");
        }

        var parsed = Money.Parse(text, "Amount");
        return !parsed.IsSuccess && parsed.Error!.Fields.Any(f => f.Message.StartsWith("The amount is too large", StringComparison.Ordinal)) ? (Money.Zero, MaxAmountMessage)
            : !parsed.IsSuccess ? (Money.Zero, $"'{Shorten(amount)}' is not an amount: use digits with at most 6 decimals, e.g. 1250.50.")
            : parsed.Value.MinorUnits == 0 ? (Money.Zero, "The amount must be positive.")
            : parsed.Value.MinorUnits > MaxAmountMinorUnits ? (Money.Zero, MaxAmountMessage)
            : (parsed.Value, null);
    }

    private static Result<RevenueLine> Build(string? reference, string? date, string? source, (Money Value, string? Error) amount, string? currency, string? description, DateOnly today)
    {
        var errors = new FieldErrors();
        CheckText(errors, reference, "Reference", RevenueEvent.ReferenceMaxLength, required: true);
        errors.When(reference?.Trim().StartsWith("deposit:", StringComparison.OrdinalIgnoreCase) == true, "Reference",
            "References starting with \"deposit:\" are kept for payments to the asset's deposit address.");
        CheckText(errors, description, "Description", RevenueEvent.DescriptionMaxLength, required: false);
        DateOnly occurred = default;
        if (string.IsNullOrWhiteSpace(date))
        {
            errors.Add("Date", "The date is required (YYYY-MM-DD).");
        }
        else if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out occurred))
        {
            errors.Add("Date", $"'{Shorten(date)}' is not a date: use YYYY-MM-DD.");
        }
        else if (occurred > today)
        {
            errors.Add("Date", "The date is in the future.");
        }

        RevenueSource parsedSource = default;
        if (string.IsNullOrWhiteSpace(source) || !TryParseSource(source, out parsedSource))
        {
            errors.Add("Source", $"Unknown source '{Shorten(source)}': use rent, streaming, sale, resale_royalty, licensing or other.");
        }

        if (amount.Error is { } amountError)
        {
            errors.Add("Amount", amountError);
        }

        if (!string.Equals(string.IsNullOrWhiteSpace(currency) ? Currency : currency.Trim(), Currency, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("Currency", $"Unknown currency '{Shorten(currency)}': revenue is recorded in USD (the settlement stablecoin).");
        }

        return errors.Errors.Count > 0
            ? Result<RevenueLine>.Invalid(errors.Errors)
            : new RevenueLine(reference!.Trim(), occurred, parsedSource, amount.Value, string.IsNullOrWhiteSpace(description) ? null : description.Trim());
    }

    public static bool TryParseSource(string text, out RevenueSource source)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Fast path for the names statements use (the API may send millions of these per minute).
        switch (text)
        {
            case "streaming":
                source = RevenueSource.Streaming;
                return true;
            case "rent":
                source = RevenueSource.Rent;
                return true;
            case "sale":
                source = RevenueSource.Sale;
                return true;
            case "resale_royalty":
                source = RevenueSource.ResaleRoyalty;
                return true;
        }

        var normalized = text.Trim().Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return Enum.TryParse(normalized, ignoreCase: true, out source) && Enum.IsDefined(source) && !int.TryParse(normalized, out _);
    }

    private static void CheckText(FieldErrors errors, string? text, string field, int maxLength, bool required)
    {
        var value = text?.Trim() ?? "";
        if (value.Length == 0)
        {
            errors.When(required, field, $"The {field.ToLowerInvariant()} is required.");
            return;
        }

        errors
            .When(value.Length > maxLength, field, $"The {field.ToLowerInvariant()} may be at most {maxLength} characters.")
            .When(value[0] is '=' or '+' or '-' or '@' || value.Contains('\t', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal),
                field, $"The {field.ToLowerInvariant()} may not start with =, +, - or @ nor contain tabs (spreadsheet formula injection).");
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}

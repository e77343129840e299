using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Revenue;

internal static class RevenueImports
{
    /// <param name="byIssuer">The issuer imports: a reference a payee's event holds without counting is refused, not taken for a duplicate.</param>
    public static async Task<RevenueImportPreview> PreviewAsync(IRevenueStore store, AssetId assetId, string csv, bool byIssuer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var firstPass = RevenueCsv.Parse(csv, today, new HashSet<string>());
        if (firstPass.FileError is not null)
        {
            return firstPass;
        }

        var references = firstPass.Rows.Where(r => r.Line is not null).Select(r => r.Line!.Reference).ToList();
        var existing = await store.ExistingReferencesAsync(assetId, references, cancellationToken);
        var preview = existing.Count == 0 ? firstPass : RevenueCsv.Parse(csv, today, existing);
        var held = byIssuer && existing.Count > 0 ? await store.UnconfirmedReferencesAsync(assetId, existing, cancellationToken) : new HashSet<string>();
        return held.Count == 0 ? preview : preview with
        {
            Rows = preview.Rows.Select(r => r.Line is { } l && held.Contains(l.Reference)
                ? r with { Line = null, Duplicate = false, Errors = [new FieldError("Reference", HeldByPayee(l.Reference))] }
                : r).ToList(),
        };
    }

    public static string HeldByPayee(string reference) =>
        $"The reference {reference} belongs to an event a payee recorded that does not count (awaiting your confirmation, refused or voided): confirm it on the revenue page, or use another reference.";
}

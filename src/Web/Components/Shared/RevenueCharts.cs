using MudBlazor;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Revenue;

namespace TokenPlatform.Web.Components.Shared;

/// <summary>Revenue per month, stacked by source, for the last twelve months with revenue.</summary>
internal static class RevenueCharts
{
    public static string[] Labels(IReadOnlyList<RevenueTotal> totals) => Months(totals).Select(m => $"{m.Year}-{m.Month:D2}").ToArray();

    public static List<ChartSeries<double>> Series(IReadOnlyList<RevenueTotal> totals)
    {
        var months = Months(totals);
        return totals.Select(t => t.Source).Distinct().Order().Select(source => new ChartSeries<double>
        {
            Name = source.ToString(),
            Data = new ChartData<double>(months
                .Select(m => totals.Where(t => t.Source == source && t.Year == m.Year && t.Month == m.Month).Sum(t => (double)t.AmountMinorUnits) / Money.UnitsPerWhole)
                .ToArray()),
        }).ToList();
    }

    private static List<(int Year, int Month)> Months(IReadOnlyList<RevenueTotal> totals) =>
        totals.Select(t => (t.Year, t.Month)).Distinct().Order().TakeLast(12).ToList();
}

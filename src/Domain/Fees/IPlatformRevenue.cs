namespace TokenPlatform.Domain.Fees;

public interface IPlatformRevenue
{
    void Record(PlatformRevenueEntry entry);

    /// <summary>Every entry, oldest first.</summary>
    Task<IReadOnlyList<PlatformRevenueEntry>> EntriesAsync(CancellationToken cancellationToken);
}

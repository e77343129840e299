namespace TokenPlatform.Domain.Revenue;

public sealed record RecordedRevenue(int Received, int Recorded, int Duplicates);

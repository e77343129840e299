using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Domain.Investors;

public sealed record KycView(Guid Id, KycStatus Status, string FullName, string CountryCode, DateOnly DateOfBirth, string DocumentFileName, string DocumentSha256,
    DateTimeOffset SubmittedAt, string? RejectionReason, DateTimeOffset? ExpiresAt, bool Verified, string? Hint, ChainOperationView? Registration)
{
    public static KycView From(KycApplication k, DateTimeOffset now, ChainOperationView? registration = null)
    {
        var (verified, hint) = InvestorVerification.Describe(k, now);
        return new(k.Id, k.Status, k.FullName, k.CountryCode, k.DateOfBirth, k.DocumentFileName, k.DocumentSha256, k.SubmittedAt, k.RejectionReason, k.ExpiresAt, verified, hint, registration);
    }
}

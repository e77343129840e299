namespace TokenPlatform.Domain.Investors;

/// <summary>Whether an investor may buy, and if not, what to do about it.</summary>
public static class InvestorVerification
{
    public static (bool Verified, string? Hint) Describe(KycApplication? kyc, DateTimeOffset now) => kyc switch
    {
        null => (false, "Verify your identity first: open Verification, enter your details and upload an ID document."),
        { Status: KycStatus.Pending } => (false, "Your identity check is waiting for an administrator's review. You can buy as soon as it is approved."),
        { Status: KycStatus.Rejected } r => (false, $"Your identity check was rejected ({r.RejectionReason}). Correct it and submit again on the Verification page."),
        { ExpiresAt: { } expiry } when expiry <= now => (false, $"Your verification expired on {expiry:yyyy-MM-dd}. Submit a new one on the Verification page."),
        _ => (true, null),
    };
}

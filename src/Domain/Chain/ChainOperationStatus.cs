namespace TokenPlatform.Domain.Chain;

public enum ChainOperationStatus
{
    Pending = 1,
    /// <summary>Signed, with its nonce and hash stored, not yet known to be broadcast.</summary>
    Prepared = 2,
    Sent = 3,
    Confirmed = 4,
    Failed = 5,

    /// <summary>A failed operation its owner gave up (compensated): it can no longer be retried.</summary>
    Cancelled = 6,
}

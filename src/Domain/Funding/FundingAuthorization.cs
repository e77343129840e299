using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Funding;

public enum FundingAuthorizationStatus
{
    /// <summary>In force (once its signature is confirmed on chain) until it expires or its cap is used up.</summary>
    Active = 1,

    /// <summary>The user withdrew it: nothing more is drawn, at once.</summary>
    Revoked = 2,

    /// <summary>A newer authorization took its place (on chain too: the router keeps one per wallet).</summary>
    Replaced = 3,
}

/// <summary>
/// A standing authorization: the user lets automatic distributions draw up to <see cref="CapMinorUnits"/>
/// from their wallet until <see cref="ExpiresAt"/>, signed once (an EIP-712 authorization on the payout
/// router, which enforces the cap and the expiry on chain, plus an ERC-2612 permit capped at the same
/// amount). Revocable at any time. What runs take is reserved here when they start and given back if a
/// run is undone before any money moved.
/// </summary>
public sealed class FundingAuthorization
{
    /// <summary>The most one authorization lets the platform draw (1,000,000 USD).</summary>
    public const long MaxCapMinorUnits = 1_000_000L * Money.UnitsPerWhole;

    /// <summary>How long an authorization may last at most.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(366);

    private FundingAuthorization()
    {
        UserId = "";
        Address = "";
    }

    public FundingAuthorization(Guid id, string userId, string address, long capMinorUnits, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capMinorUnits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capMinorUnits, MaxCapMinorUnits);
        Id = id;
        UserId = userId;
        Address = address;
        CapMinorUnits = capMinorUnits;
        ExpiresAt = expiresAt;
        CreatedAt = now;
        Status = FundingAuthorizationStatus.Active;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    /// <summary>The wallet drawn on.</summary>
    public string Address { get; private set; }

    public long CapMinorUnits { get; private set; }

    /// <summary>What started runs took (or hold reserved) so far.</summary>
    public long UsedMinorUnits { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public FundingAuthorizationStatus Status { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public long RemainingMinorUnits => CapMinorUnits - UsedMinorUnits;

    /// <summary>In force off chain: active, not expired, something left (the caller also checks its signature is on chain).</summary>
    public bool IsLive(DateTimeOffset now) => Status == FundingAuthorizationStatus.Active && now < ExpiresAt && RemainingMinorUnits > 0;

    /// <summary>A run takes <paramref name="amount"/> from the wallet under this authorization.</summary>
    public bool TryReserve(Money amount, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount.MinorUnits, nameof(amount));
        if (!IsLive(now) || amount.MinorUnits > RemainingMinorUnits)
        {
            return false;
        }

        UsedMinorUnits += amount.MinorUnits;
        return true;
    }

    /// <summary>A run that took <paramref name="amount"/> was undone before any money moved.</summary>
    public void Release(Money amount) =>
        UsedMinorUnits = Math.Max(0, UsedMinorUnits - amount.MinorUnits);

    public bool Revoke(DateTimeOffset now) => End(FundingAuthorizationStatus.Revoked, now);

    public bool Replace(DateTimeOffset now) => End(FundingAuthorizationStatus.Replaced, now);

    private bool End(FundingAuthorizationStatus status, DateTimeOffset now)
    {
        if (Status != FundingAuthorizationStatus.Active)
        {
            return false;
        }

        (Status, EndedAt) = (status, now);
        return true;
    }
}

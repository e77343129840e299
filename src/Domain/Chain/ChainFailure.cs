namespace TokenPlatform.Domain.Chain;

/// <summary>
/// Why a chain operation failed, decoded once at the chain edge so the domain switches on a value instead of
/// searching the error text. The contract errors carry the names the Solidity sources declare (a test checks
/// each one against the compiled ABIs); a revert the domain does not tell apart is <see cref="Other"/>.
/// </summary>
public enum ChainFailure
{
    /// <summary>Reverted or refused for a reason no use case distinguishes (the operation's error text says which).</summary>
    Other = 0,

    /// <summary>Never sent: the operation it waited for failed.</summary>
    DependencyFailed,

    // PrimarySale.
    SoldOut,
    OverLimit,
    NotVerified,
    BuyerFrozen,
    OfferingNotOpen,
    BelowMinimumPurchase,

    // The stablecoin (OpenZeppelin ERC-20 errors) and the asset token.
    ERC20InsufficientBalance,
    ERC20InsufficientAllowance,
    InsufficientBalance,
}

/// <summary>Reads the failure code stored with an operation.</summary>
public static class ChainFailures
{
    /// <summary>The contract error's name, or <see cref="ChainFailure.DependencyFailed"/>'s, as the outbox stores it.</summary>
    public static ChainFailure? Parse(string? code) =>
        code is null ? null
        : Enum.TryParse<ChainFailure>(code, ignoreCase: false, out var failure) && Enum.IsDefined(failure) && !int.TryParse(code, out _) ? failure
        : ChainFailure.Other;
}

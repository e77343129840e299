namespace TokenPlatform.Infrastructure.Chain;

public enum ChainMode
{
    /// <summary>The app starts and stops a local anvil (OP-stack flavoured L2), state kept in the data folder.</summary>
    Managed,

    /// <summary>Any EVM RPC (an OP-stack or Arbitrum L2); contracts are deployed only when asked.</summary>
    External,

    /// <summary>No chain at all (unit-level hosting, e.g. some web tests).</summary>
    Disabled,
}

/// <summary>The <c>Chain</c> section of appsettings.json.</summary>
public sealed class ChainOptions
{
    public const string Section = "Chain";

    public ChainMode Mode { get; set; } = ChainMode.Managed;

    public string RpcUrl { get; set; } = "http://127.0.0.1:8545";

    public long ChainId { get; set; } = 31337;

    /// <summary>Blocks a transaction must be buried under before it counts as confirmed (1 = its own block).</summary>
    public int Confirmations { get; set; } = 1;

    /// <summary>Managed mode: the port anvil listens on (loopback only).</summary>
    public int AnvilPort { get; set; } = 8545;

    /// <summary>External mode: environment variable holding the operator's private key.</summary>
    public string OperatorKeyEnvironmentVariable { get; set; } = "TOKENPLATFORM_OPERATOR_KEY";

    /// <summary>External mode: a key file encrypted with the app's Data Protection keys (alternative to the variable).</summary>
    public string OperatorKeyFile { get; set; } = "";

    /// <summary>How often the outbox worker and the indexer poll.</summary>
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>Managed chain only: a block every so many seconds (an L2's rhythm) instead of one per transaction (null, the default).</summary>
    public int? AnvilBlockTimeSeconds { get; set; }

    /// <summary>Managed mode: deploy the contracts on first start.</summary>
    public bool DeployOnStart { get; set; } = true;

    /// <summary>Test-stablecoin faucet on the wallet page; defaults to on for the managed local chain only.</summary>
    public bool? Faucet { get; set; }

    public bool FaucetEnabled => Faucet ?? Mode == ChainMode.Managed;
}

namespace TokenPlatform.Domain.Investors;

/// <summary>Whether test stablecoin may be minted here: on development chains only (the managed local chain, or where the operator turned it on).</summary>
public interface ITestFaucet
{
    bool IsAvailable { get; }
}

namespace TokenPlatform.Infrastructure.Chain;

/// <summary>The faucet's availability from the chain's configuration (<see cref="ChainOptions.FaucetEnabled"/>).</summary>
internal sealed class TestFaucet(ChainOptions options) : Domain.Investors.ITestFaucet
{
    public bool IsAvailable => options.FaucetEnabled;
}

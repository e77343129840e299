using Mediator;
using TokenPlatform.Domain.Common;

namespace TokenPlatform.Domain.Investors;

/// <summary>Whether the development faucet exists here, and what one request mints.</summary>
public sealed record GetTestFaucet : IQuery<TestFaucetView>;

public sealed record TestFaucetView(bool Available, Money Amount);

public sealed class GetTestFaucetHandler(ITestFaucet faucet) : IQueryHandler<GetTestFaucet, TestFaucetView>
{
    public ValueTask<TestFaucetView> Handle(GetTestFaucet query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new TestFaucetView(faucet.IsAvailable, RequestTestFunds.Amount));
}

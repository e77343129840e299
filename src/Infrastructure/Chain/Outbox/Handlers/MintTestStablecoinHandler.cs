using System.Numerics;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Contracts;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

internal sealed class MintTestStablecoinHandler : SingleOperationHandler<MintTestStablecoin>
{
    public override string Kind => MintTestStablecoin.KindName;

    protected override TransactionInput Build(ChainOperation row, MintTestStablecoin command, BuildContext context) =>
        new MintFunction { To = command.Address, Amount = new BigInteger(command.AmountMinorUnits) }.CreateTransactionInput(context.Contracts.TestUsd);
}

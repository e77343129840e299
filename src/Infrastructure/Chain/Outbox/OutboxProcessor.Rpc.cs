using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using TokenPlatform.Domain.Chain;

namespace TokenPlatform.Infrastructure.Chain.Outbox;

/// <summary>The outbox's conversations with the node: send stored bytes, recover lost ones, replay reverts.</summary>
public sealed partial class OutboxProcessor
{
    private enum SendOutcome
    {
        Sent,
        NonceTaken,
        Unreachable,
    }

    private async Task<SendOutcome> SendRawAsync(string raw, string hash)
    {
        try
        {
            await chain.Web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(raw);
            return SendOutcome.Sent;
        }
        catch (RpcResponseException ex)
        {
            // "already known", "nonce too low"...: look at the chain before concluding anything.
            try
            {
                if (await chain.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash) is not null
                    || await chain.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(hash) is not null)
                {
                    return SendOutcome.Sent;
                }
            }
            catch (Exception inner) when (IsRpcFailure(inner))
            {
                return SendOutcome.Unreachable;
            }

            return ex.Message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase) ? SendOutcome.NonceTaken : SendOutcome.Unreachable;
        }
        catch (Exception ex) when (IsRpcFailure(ex))
        {
            return SendOutcome.Unreachable;
        }
    }

    /// <summary>A sent transaction without a receipt: re-send its exact bytes if the node forgot it (restart, reorg).</summary>
    private async Task RecoverMissingAsync(List<ChainOperation> members)
    {
        try
        {
            if (await chain.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(members[0].TxHash) is null)
            {
                Update(members, ChainOperationStatus.Prepared);
            }
        }
        catch (Exception ex) when (IsRpcFailure(ex))
        {
            // Try again on the next pass.
        }
    }

    private async Task<DecodedRevert> ReplayRevertAsync(ChainOperation row, TransactionReceipt receipt)
    {
        try
        {
            var tx = await chain.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(row.TxHash);
            var call = new CallInput { Data = tx.Input, To = tx.To, From = tx.From };
            await chain.Web3.Eth.Transactions.Call.SendRequestAsync(call, new BlockParameter(new Nethereum.Hex.HexTypes.HexBigInteger(receipt.BlockNumber.Value - 1)));
            return new("reverted (not reproducible by replay)", null);
        }
        catch (RpcResponseException ex)
        {
            return RevertDecoder.DecodeRevert(ex.RpcError?.Data?.ToString());
        }
        catch (Exception ex) when (IsRpcFailure(ex))
        {
            return new("reverted (replay failed: RPC unreachable)", null);
        }
    }

    internal static bool IsRpcFailure(Exception ex) =>
        ex is HttpRequestException or RpcClientUnknownException or RpcClientTimeoutException or TaskCanceledException or TimeoutException;
}

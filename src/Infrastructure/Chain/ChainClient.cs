using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace TokenPlatform.Infrastructure.Chain;

/// <summary>Nethereum access for the platform: one read client and the operator's signing client.</summary>
public sealed class ChainClient
{
    private readonly OperatorKey _operator;

    public ChainClient(ChainOptions options, OperatorKey operatorKey)
    {
        ArgumentNullException.ThrowIfNull(options);
        _operator = operatorKey;
        Options = options;
        Web3 = new Web3(new Account(operatorKey.Key, options.ChainId), options.RpcUrl);
    }

    public ChainOptions Options { get; }

    /// <summary>Signs with the operator key (the key itself stays inside the account object).</summary>
    public Web3 Web3 { get; }

    public string OperatorAddress => _operator.Address;

    public async Task<long> BlockNumberAsync() => (long)(await Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value;

    public async Task<long> PendingNonceAsync(string address) =>
        (long)(await Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(address, BlockParameter.CreatePending())).Value;

    public async Task<long> LatestNonceAsync(string address) =>
        (long)(await Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(address, BlockParameter.CreateLatest())).Value;

    /// <summary>Signs a transaction offline with an explicit nonce; returns the raw transaction and its hash.</summary>
    public async Task<(string Raw, string Hash)> SignAsync(TransactionInput input, long nonce, BigInteger gas)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fees = await Web3.FeeSuggestion.GetSimpleFeeSuggestionStrategy().SuggestFeeAsync();
        input.From = OperatorAddress;
        input.Nonce = new HexBigInteger(nonce);
        input.Gas = new HexBigInteger(gas);
        input.MaxFeePerGas = new HexBigInteger(fees.MaxFeePerGas ?? BigInteger.One);
        input.MaxPriorityFeePerGas = new HexBigInteger(fees.MaxPriorityFeePerGas ?? BigInteger.One);
        input.Type = new HexBigInteger(2);
        input.ChainId = new HexBigInteger(Options.ChainId);
        var raw = await Web3.TransactionManager.SignTransactionAsync(input);
        var rawHex = raw.StartsWith("0x", StringComparison.Ordinal) ? raw : "0x" + raw;
        // The hash of a (typed) transaction is keccak256 of its signed encoding: known before broadcasting.
        var hash = Nethereum.Util.Sha3Keccack.Current.CalculateHash(rawHex.HexToByteArray()).ToHex(true);
        return (rawHex, hash);
    }
}

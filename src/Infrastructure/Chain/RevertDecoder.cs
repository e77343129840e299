using System.Globalization;
using Nethereum.ABI.ABIDeserialisation;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.Hex.HexConvertors.Extensions;

namespace TokenPlatform.Infrastructure.Chain;

/// <summary>A decoded revert: the words for people, and the custom error's name when there is one (for <see cref="Domain.Chain.ChainFailure"/>).</summary>
public sealed record DecodedRevert(string Reason, string? ErrorName);

/// <summary>Turns revert data into a readable reason: a custom error of any platform contract with its arguments, or Error(string).</summary>
public static class RevertDecoder
{
    private static readonly string[] Contracts = ["TestUSD", "AssetToken", "Settlement", "PrimarySale", "RoyaltySplitter", "HolderDistributor", "RevenueReceivers", "PayoutRouter"];
    private static readonly Lazy<Dictionary<string, ErrorABI>> Errors = new(LoadErrors);

    public static string Decode(string? revertData) => DecodeRevert(revertData).Reason;

    public static DecodedRevert DecodeRevert(string? revertData)
    {
        if (string.IsNullOrWhiteSpace(revertData) || revertData == "0x")
        {
            return new("reverted without a reason", null);
        }

        var hex = revertData.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? revertData[2..] : revertData;
        if (hex.Length < 8)
        {
            return new($"reverted with data 0x{hex}", null);
        }

        var selector = "0x" + hex[..8].ToLowerInvariant();
        var body = hex[8..];
        if (selector == "0x08c379a0")
        {
            var message = new ParameterDecoder().DecodeDefaultData(body.HexToByteArray(), new Parameter("string", "message"));
            return new((string)message[0].Result, null);
        }

        if (!Errors.Value.TryGetValue(selector, out var error))
        {
            return new($"reverted with unknown error {selector}", null);
        }

        var values = new ParameterDecoder().DecodeDefaultData(body.HexToByteArray(), error.InputParameters);
        var arguments = values.Select(v => $"{v.Parameter.Name}={Format(v.Result)}");
        return new($"{error.Name}({string.Join(", ", arguments)})", error.Name);
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        byte[] bytes => bytes.ToHex(true),
        System.Collections.IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object>().Select(Format)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static Dictionary<string, ErrorABI> LoadErrors()
    {
        var map = new Dictionary<string, ErrorABI>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in Contracts)
        {
            var abi = new ABIJsonDeserialiser().DeserialiseContract(ContractArtifacts.Get(name).Abi);
            foreach (var error in abi.Errors)
            {
                map.TryAdd("0x" + error.Sha3Signature.ToLowerInvariant().Replace("0x", "", StringComparison.Ordinal), error);
            }
        }

        return map;
    }
}

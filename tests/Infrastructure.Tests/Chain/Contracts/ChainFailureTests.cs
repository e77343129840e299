using System.Text.Json;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.Model;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain;

namespace TokenPlatform.Infrastructure.Tests.Chain.Contracts;

/// <summary>
/// Pure (no chain): the typed failures the domain switches on are the contracts' own errors, and the
/// decoder hands their names to the outbox, so a renamed error in Solidity fails here, not in production.
/// </summary>
public class ChainFailureTests
{
    private static readonly ChainFailure[] NotContractErrors = [ChainFailure.Other, ChainFailure.DependencyFailed];

    private static HashSet<string> CompiledErrorNames() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "contracts"), "*.json")
            .SelectMany(path =>
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                return document.RootElement.GetProperty("abi").EnumerateArray()
                    .Where(e => e.GetProperty("type").GetString() == "error")
                    .Select(e => e.GetProperty("name").GetString()!)
                    .ToList();
            })
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Every_contract_failure_is_an_error_a_compiled_contract_declares()
    {
        var errors = CompiledErrorNames();
        var missing = Enum.GetValues<ChainFailure>().Except(NotContractErrors).Where(f => !errors.Contains(f.ToString())).ToList();

        Assert.Contains("SoldOut", errors);
        Assert.Empty(missing);
    }

    [Fact]
    public void A_decoded_custom_error_gives_its_name_and_the_stored_code_reads_back_as_the_typed_failure()
    {
        var selector = Sha3Keccack.Current.CalculateHash("SoldOut(uint256,uint256,uint256)")[..8];
        var arguments = new ParametersEncoder().EncodeParameters(
            [new Parameter("uint256", "assetId"), new Parameter("uint256", "available"), new Parameter("uint256", "requested")], 7, 2, 5);

        var revert = RevertDecoder.DecodeRevert("0x" + selector + arguments.ToHex());

        Assert.Equal("SoldOut(assetId=7, available=2, requested=5)", revert.Reason);
        Assert.Equal(ChainFailure.SoldOut, ChainFailures.Parse(revert.ErrorName));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("DependencyFailed", ChainFailure.DependencyFailed)]
    [InlineData("ReleaseMismatch", ChainFailure.Other)]
    [InlineData("3", ChainFailure.Other)]
    [InlineData("soldout", ChainFailure.Other)]
    public void A_stored_code_reads_as_a_failure(string? code, ChainFailure? expected) =>
        Assert.Equal(expected, ChainFailures.Parse(code));

    [Fact]
    public void A_revert_with_a_message_or_no_data_has_no_error_name()
    {
        var message = "0x08c379a0" + new ParametersEncoder().EncodeParameters([new Parameter("string", "message")], "nope").ToHex();

        Assert.Equal(new DecodedRevert("nope", null), RevertDecoder.DecodeRevert(message));
        Assert.Null(RevertDecoder.DecodeRevert("0x").ErrorName);
    }
}

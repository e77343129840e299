using System.Collections.Concurrent;
using System.Text.Json;

namespace TokenPlatform.Infrastructure.Chain;

/// <summary>A compiled contract as written by src/Contracts/tools/compile.cjs.</summary>
public sealed record ContractArtifact(string ContractName, string Abi, string Bytecode, string DeployedBytecode);

/// <summary>Loads the compiled contracts copied next to the binaries (folder <c>contracts</c>).</summary>
public static class ContractArtifacts
{
    private static readonly ConcurrentDictionary<string, ContractArtifact> Cache = new(StringComparer.Ordinal);

    public static ContractArtifact Get(string contractName) => Cache.GetOrAdd(contractName, Load);

    private static ContractArtifact Load(string contractName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "contracts", contractName + ".json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Contract artifact {path} is missing: build the Infrastructure project (it copies src/Contracts/artifacts).", path);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        return new ContractArtifact(
            contractName,
            root.GetProperty("abi").GetRawText(),
            root.GetProperty("bytecode").GetString()!,
            root.GetProperty("deployedBytecode").GetString()!);
    }
}

using System.Text.Json;

namespace TokenPlatform.Infrastructure.Tests.Chain.Vectors;

/// <summary>
/// The committed fixtures of tests/vectors (written by tests/vectors/merkle.mjs from
/// @openzeppelin/merkle-tree and ethers): read from the test output folder, so no npm at test time.
/// Numbers above 2^53 are decimal strings in the JSON.
/// </summary>
internal static class ReferenceVectors
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<MerkleFixture> MerkleFile = new(() => Load<MerkleFixture>("merkle.json"));
    private static readonly Lazy<Eip712Fixture> Eip712File = new(() => Load<Eip712Fixture>("eip712.json"));

    public static MerkleFixture Merkle => MerkleFile.Value;

    public static Eip712Fixture Eip712 => Eip712File.Value;

    private static T Load<T>(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "vectors", name);
        return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json)
            ?? throw new InvalidOperationException($"{path} is empty: regenerate it with `npm ci && node merkle.mjs` in tests/vectors.");
    }
}

internal sealed record MerkleFixture(string Generator, IReadOnlyList<string> LeafEncoding, IReadOnlyList<TreeVector> Trees)
{
    public TreeVector Tree(string name) => Trees.Single(t => t.Name == name);
}

internal sealed record TreeVector(
    string Name,
    IReadOnlyList<LeafValue> Values,
    IReadOnlyList<string> LeafHashes,
    string Root,
    IReadOnlyList<ProofVector> Proofs,
    IReadOnlyList<MultiProofVector> MultiProofs);

internal sealed record LeafValue(string AssetId, int Index, string Account, string Cumulative);

internal sealed record ProofVector(int Value, IReadOnlyList<string> Proof);

/// <summary>A multiproof of the values at <see cref="Request"/>; <see cref="Leaves"/> is the order the verifier consumes them in.</summary>
internal sealed record MultiProofVector(IReadOnlyList<int> Request, IReadOnlyList<int> Leaves, IReadOnlyList<string> LeafHashes, IReadOnlyList<string> Proof, IReadOnlyList<bool> ProofFlags);

internal sealed record Eip712Fixture(
    string Generator,
    IReadOnlyList<TypedDataVector> Permits,
    IReadOnlyList<TypedDataVector> PurchaseOrders,
    IReadOnlyList<TypedDataVector> FundingAuthorizations);

/// <summary>One typed message: its domain, the message's fields (as JSON: strings for big numbers) and ethers' hashes.</summary>
internal sealed record TypedDataVector(
    TypedDataDomain Domain,
    string DomainSeparator,
    string PrimaryType,
    string EncodedType,
    Dictionary<string, JsonElement> Message,
    string StructHash,
    string Digest)
{
    public string Text(string field) => Message[field].ValueKind == JsonValueKind.String ? Message[field].GetString()! : Message[field].GetRawText();
}

internal sealed record TypedDataDomain(string Name, string Version, long ChainId, string VerifyingContract);

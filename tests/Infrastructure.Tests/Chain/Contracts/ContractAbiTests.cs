using System.Reflection;
using System.Text.Json;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using TokenPlatform.Infrastructure.Chain;

namespace TokenPlatform.Infrastructure.Tests.Chain.Contracts;

/// <summary>
/// Pure (no chain): every typed message the C# side sends, decodes or matches (functions, events,
/// custom errors, constructors) must exist in a compiled ABI under src/Contracts/artifacts with the
/// same canonical signature. A renamed argument type or a reordered tuple field otherwise surfaces
/// only as a revert or a silently undecoded log on a real chain.
/// </summary>
public class ContractAbiTests
{
    /// <summary>
    /// Messages that intentionally target nothing compiled here, each with why. An entry that starts
    /// matching an artifact fails too, so the list cannot go stale.
    /// </summary>
    private static readonly Dictionary<Type, string> NotInAnyArtifact = [];

    private static readonly Assembly Infrastructure = typeof(ContractArtifacts).Assembly;

    private static readonly Lazy<IReadOnlyList<AbiEntry>> AllEntries = new(LoadArtifacts);

    private static IReadOnlyList<AbiEntry> Artifacts() => AllEntries.Value;

    private static IReadOnlyList<AbiEntry> LoadArtifacts() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "contracts"), "*.json")
            .SelectMany(path =>
            {
                var contract = Path.GetFileNameWithoutExtension(path);
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                return document.RootElement.GetProperty("abi").EnumerateArray().Select(e => AbiEntry.From(contract, e)).ToList();
            })
            .ToList();

    [Fact]
    public void ArtifactsAreCopiedNextToTheTests() =>
        Assert.Contains(Artifacts(), e => e.Contract == "TestUSD" && e.Kind == "function" && e.Name == "transferFrom");

    public static TheoryData<string> Functions() => Names(t => t.GetCustomAttribute<FunctionAttribute>() is not null && typeof(FunctionMessage).IsAssignableFrom(t));

    public static TheoryData<string> Events() => Names(t => t.GetCustomAttribute<EventAttribute>() is not null);

    public static TheoryData<string> Errors() => Names(t => t.GetCustomAttribute<ErrorAttribute>() is not null);

    public static TheoryData<string> Deployments() => Names(t => typeof(ContractDeploymentMessage).IsAssignableFrom(t) && !t.IsAbstract);

    [Fact]
    public void TheMessagesAreFound() =>
        Assert.All(new[] { Functions(), Events(), Errors(), Deployments() }, set => Assert.NotEmpty(set));

    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_MatchesAnArtifact(string typeName)
    {
        var type = TypeOf(typeName);
        var function = type.GetCustomAttribute<FunctionAttribute>()!;
        var inputs = Signature.Of(type);
        IReadOnlyList<string>? outputs = function.DTOReturnType is { } dto ? Signature.Of(dto)
            : string.IsNullOrEmpty(function.ReturnType) ? null : [function.ReturnType];
        var match = Artifacts().Where(e => e.Kind == "function" && e.Name == function.Name && e.Inputs.SequenceEqual(inputs)
            && (outputs is null || e.Outputs.SequenceEqual(outputs))).ToList();
        AssertFoundUnlessListed(type, match.Count > 0, $"{function.Name}({string.Join(',', inputs)}) returns ({string.Join(',', outputs ?? [])})", "function", function.Name);
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Event_MatchesAnArtifact_WithTheSameIndexedFlags(string typeName)
    {
        var type = TypeOf(typeName);
        var name = type.GetCustomAttribute<EventAttribute>()!.Name;
        var inputs = Signature.Of(type);
        var indexed = Signature.Parameters(type).Select(p => p.Parameter.Indexed).ToList();
        var found = Artifacts().Any(e => e.Kind == "event" && e.Name == name && e.Inputs.SequenceEqual(inputs) && e.Indexed.SequenceEqual(indexed));
        AssertFoundUnlessListed(type, found, $"{name}({string.Join(',', inputs.Zip(indexed, (t, i) => i ? t + " indexed" : t))})", "event", name);
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Error_MatchesAnArtifact(string typeName)
    {
        var type = TypeOf(typeName);
        var name = type.GetCustomAttribute<ErrorAttribute>()!.Name;
        var inputs = Signature.Of(type);
        var found = Artifacts().Any(e => e.Kind == "error" && e.Name == name && e.Inputs.SequenceEqual(inputs));
        AssertFoundUnlessListed(type, found, $"{name}({string.Join(',', inputs)})", "error", name);
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Deployment_MatchesTheConstructorOfTheArtifactWhoseBytecodeItCarries(string typeName)
    {
        var type = TypeOf(typeName);
        var message = (ContractDeploymentMessage)Activator.CreateInstance(type)!;
        var contract = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "contracts"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Single(c => ContractArtifacts.Get(c!).Bytecode == message.ByteCode);
        var constructor = Artifacts().Where(e => e.Contract == contract && e.Kind == "constructor").Select(e => e.Inputs).SingleOrDefault() ?? [];
        Assert.Equal(constructor, Signature.Of(type));
    }

    [Fact]
    public void EveryListedException_IsAMessageOfThisAssembly() =>
        Assert.All(NotInAnyArtifact, entry =>
        {
            Assert.Equal(Infrastructure, entry.Key.Assembly);
            Assert.False(string.IsNullOrWhiteSpace(entry.Value));
        });

    private static void AssertFoundUnlessListed(Type type, bool found, string signature, string kind, string name)
    {
        if (NotInAnyArtifact.TryGetValue(type, out var reason))
        {
            Assert.False(found, $"{type.Name} is listed as absent from the artifacts ({reason}) but {signature} is there now: remove it from the list.");
            return;
        }

        var sameName = Artifacts().Where(e => e.Kind == kind && e.Name == name).Select(e => $"{e.Contract}: {e}").Distinct().ToList();
        Assert.True(found, $"{type.Name} declares {signature}, which no artifact has. Same name in the artifacts: {(sameName.Count == 0 ? "none" : string.Join("; ", sameName))}.");
    }

    private static TheoryData<string> Names(Func<Type, bool> predicate)
    {
        var data = new TheoryData<string>();
        foreach (var type in Infrastructure.GetTypes().Where(t => t.IsClass && predicate(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    private static Type TypeOf(string fullName) => Infrastructure.GetType(fullName, throwOnError: true)!;

    /// <summary>Canonical ABI types of a message or tuple class: its [Parameter] properties in order, tuples expanded.</summary>
    private static class Signature
    {
        public static IReadOnlyList<ParameterAttribute> Parameters(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => p.GetCustomAttribute<ParameterAttribute>(inherit: true))
                .OfType<ParameterAttribute>()
                .OrderBy(a => a.Parameter.Order)
                .ToList();

        public static IReadOnlyList<string> Of(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => (Property: p, Attribute: p.GetCustomAttribute<ParameterAttribute>(inherit: true)))
                .Where(x => x.Attribute is not null)
                .OrderBy(x => x.Attribute!.Parameter.Order)
                .Select(x => Canonical(x.Attribute!.Parameter.Type, x.Property.PropertyType))
                .ToList();

        private static string Canonical(string abiType, Type clrType)
        {
            if (!abiType.StartsWith("tuple", StringComparison.Ordinal))
            {
                return abiType;
            }

            var element = clrType;
            while (element.IsArray || (element.IsGenericType && element.GetGenericArguments().Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(element)))
            {
                element = element.IsArray ? element.GetElementType()! : element.GetGenericArguments()[0];
            }

            return "(" + string.Join(',', Of(element)) + ")" + abiType["tuple".Length..];
        }
    }

    private sealed record AbiEntry(string Contract, string Kind, string Name, IReadOnlyList<string> Inputs, IReadOnlyList<bool> Indexed, IReadOnlyList<string> Outputs)
    {
        public static AbiEntry From(string contract, JsonElement entry) => new(
            contract,
            entry.GetProperty("type").GetString()!,
            entry.TryGetProperty("name", out var name) ? name.GetString()! : "",
            Types(entry, "inputs"),
            entry.TryGetProperty("inputs", out var inputs) ? inputs.EnumerateArray().Select(i => i.TryGetProperty("indexed", out var x) && x.GetBoolean()).ToList() : [],
            Types(entry, "outputs"));

        private static List<string> Types(JsonElement entry, string property) =>
            entry.TryGetProperty(property, out var list) ? list.EnumerateArray().Select(Canonical).ToList() : [];

        private static string Canonical(JsonElement parameter)
        {
            var type = parameter.GetProperty("type").GetString()!;
            return type.StartsWith("tuple", StringComparison.Ordinal)
                ? "(" + string.Join(',', Types(parameter, "components")) + ")" + type["tuple".Length..]
                : type;
        }

        public override string ToString() =>
            $"{Kind} {Name}({string.Join(',', Inputs.Zip(Indexed, (t, i) => i ? t + " indexed" : t))})" + (Kind == "function" ? $" returns ({string.Join(',', Outputs)})" : "");
    }
}

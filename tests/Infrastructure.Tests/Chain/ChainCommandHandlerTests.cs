using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain;
using TokenPlatform.Infrastructure.Chain.Outbox;

namespace TokenPlatform.Infrastructure.Tests.Chain;

/// <summary>
/// Pure (no chain, no database): the outbox worker looks a row's handler up by its kind, so a command
/// without a handler would sit in the outbox forever and a handler without a command is dead code.
/// </summary>
public class ChainCommandHandlerTests
{
    private static IReadOnlyList<string> CommandKinds() =>
        typeof(ChainCommand).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(ChainCommand)))
            .Select(KindNameOf)
            .ToList();

    private static string KindNameOf(Type command) =>
        command.GetField("KindName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
            ? (string)field.GetRawConstantValue()!
            : throw new InvalidOperationException($"{command.Name} declares no const KindName.");

    // The registrations AddChain makes; handlers are read without being constructed (their Kind is a
    // constant), so the test needs none of their dependencies.
    private static IReadOnlyList<(Type Handler, string Kind)> RegisteredHandlers(string mode)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Chain:Mode"] = mode }).Build();
        var services = new ServiceCollection().AddChain(configuration);
        return services.Where(d => d.ServiceType == typeof(IChainOperationHandler))
            .Select(d => d.ImplementationType ?? throw new InvalidOperationException("Handlers are registered by type."))
            .Select(t => (t, ((IChainOperationHandler)RuntimeHelpers.GetUninitializedObject(t)).Kind))
            .ToList();
    }

    [Fact]
    public void EveryCommand_DeclaresItsKindNameAsItsKind()
    {
        foreach (var command in typeof(ChainCommand).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(ChainCommand))))
        {
            var instance = (ChainCommand)RuntimeHelpers.GetUninitializedObject(command);
            Assert.Equal(KindNameOf(command), instance.Kind);
        }
    }

    [Fact]
    public void CommandKinds_AreUnique()
    {
        var kinds = CommandKinds();
        Assert.NotEmpty(kinds);
        Assert.Empty(kinds.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Theory]
    [InlineData("Managed")]
    [InlineData("Disabled")]
    public void EveryCommandKind_HasExactlyOneRegisteredHandler(string mode)
    {
        var handlers = RegisteredHandlers(mode);
        var missingOrDoubled = CommandKinds()
            .Select(kind => (kind, count: handlers.Count(h => h.Kind == kind)))
            .Where(x => x.count != 1)
            .Select(x => $"{x.kind}: {x.count} handlers")
            .ToList();
        Assert.Empty(missingOrDoubled);
    }

    [Theory]
    [InlineData("Managed")]
    [InlineData("Disabled")]
    public void EveryRegisteredHandler_BelongsToACommand(string mode)
    {
        var kinds = CommandKinds().ToHashSet(StringComparer.Ordinal);
        Assert.Empty(RegisteredHandlers(mode).Where(h => !kinds.Contains(h.Kind)).Select(h => $"{h.Handler.Name}: {h.Kind}"));
    }

    [Fact]
    public void EveryHandlerClass_IsRegistered()
    {
        var registered = RegisteredHandlers("Managed").Select(h => h.Handler).ToHashSet();
        var declared = typeof(IChainOperationHandler).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IChainOperationHandler).IsAssignableFrom(t));
        Assert.Empty(declared.Where(t => !registered.Contains(t)).Select(t => t.Name));
    }
}

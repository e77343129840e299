using System.Reflection;
using System.Xml.Linq;
using TokenPlatform.Domain.Assets;

namespace TokenPlatform.Domain.Tests;

/// <summary>The inner ring must not know about storage, the web or the chain (ARCHITECTURE.md).</summary>
public class DependencyRuleTests
{
    private static readonly string[] Forbidden =
    [
        "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Nethereum", "Npgsql", "Microsoft.Data.Sqlite", "TokenPlatform.Infrastructure", "TokenPlatform.Web",
    ];

    [Fact]
    public void DomainAssembly_ReferencesNoInfrastructureWebOrChainAssembly()
    {
        var references = typeof(Asset).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var offending = references.Where(r => Forbidden.Any(f => r.StartsWith(f, StringComparison.OrdinalIgnoreCase))).ToList();
        // Allow-list as well: only the base library and Mediator's abstractions (assembly "Mediator").
        var unexpected = references.Where(r => r != "Mediator" && r != "netstandard" && !r.StartsWith("System", StringComparison.Ordinal)).ToList();

        Assert.Empty(offending);
        Assert.Empty(unexpected);
    }

    [Fact]
    public void DomainProject_HasOnlyMediatorAbstractionsAsPackageAndNoProjectReferences()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Domain", "TokenPlatform.Domain.csproj"));

        var packages = project.Descendants("PackageReference").Select(e => e.Attribute("Include")!.Value).ToList();
        var projects = project.Descendants("ProjectReference").ToList();
        var frameworks = project.Descendants("FrameworkReference").ToList();

        Assert.Equal(["Mediator.Abstractions"], packages);
        Assert.Empty(projects);
        Assert.Empty(frameworks);
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(Assembly.GetExecutingAssembly().Location)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TokenPlatform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("TokenPlatform.sln not found above the test binaries.");
    }
}

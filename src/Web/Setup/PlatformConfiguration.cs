using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace TokenPlatform.Web.Setup;

/// <summary>
/// Loads the repository root's appsettings.json (copied next to the binaries) as the lowest layer,
/// so appsettings.{Environment}.json, environment variables and the command line still override it.
/// </summary>
internal static class PlatformConfiguration
{
    public static void AddPlatformSettings(this WebApplicationBuilder builder)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "platformsettings");
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"The platform settings folder {folder} is missing: build the Web project.");
        }

        var provider = new PhysicalFileProvider(folder);
        var environment = builder.Environment.EnvironmentName;
        builder.Configuration.Sources.Insert(0, Json(provider, "appsettings.json", optional: false));
        builder.Configuration.Sources.Insert(1, Json(provider, $"appsettings.{environment}.json", optional: true));
    }

    private static JsonConfigurationSource Json(IFileProvider provider, string path, bool optional) =>
        new() { FileProvider = provider, Path = path, Optional = optional, ReloadOnChange = false };
}

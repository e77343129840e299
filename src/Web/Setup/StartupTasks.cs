using TokenPlatform.Infrastructure.Identity;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Web.Setup;

internal static class StartupTasks
{
    /// <summary>Migrates the database and seeds roles; demo accounts only in Development.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Identity:SeedDemoUsers", false))
        {
            await scope.ServiceProvider.GetRequiredService<DemoUsers>().SeedAsync();
            if (app.Configuration.GetValue("Chain:Mode", "Managed") == "Managed" && app.Configuration.GetValue("Demo:SeedAssets", true))
            {
                await scope.ServiceProvider.GetRequiredService<DemoAssets>().SeedAsync(CancellationToken.None);
            }
        }
    }
}

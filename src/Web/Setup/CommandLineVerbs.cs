using TokenPlatform.Infrastructure.Chain;

namespace TokenPlatform.Web.Setup;

/// <summary>
/// Operator verbs run instead of the web server:
/// <c>deploy-contracts</c> deploys and records the contracts on the configured chain (External mode
/// never deploys by itself); <c>protect-operator-key FILE</c> encrypts the key from the operator key
/// environment variable into FILE for Chain:OperatorKeyFile.
/// </summary>
internal static class CommandLineVerbs
{
    public static bool IsVerb(string[] args) => args.Length > 0 && args[0] is "deploy-contracts" or "protect-operator-key";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await app.InitializeDatabaseAsync();
        var options = app.Services.GetRequiredService<ChainOptions>();
        switch (args[0])
        {
            case "deploy-contracts":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var deployed = await scope.ServiceProvider.GetRequiredService<ChainDeployer>().EnsureDeployedAsync(CancellationToken.None);
                    Console.WriteLine($"Chain {options.ChainId}: TestUSD {deployed.TestUsd}, AssetToken {deployed.AssetToken}, Settlement {deployed.Settlement}, PrimarySale {deployed.PrimarySale}, RoyaltySplitter {deployed.RoyaltySplitter}, HolderDistributor {deployed.HolderDistributor}");
                }

                return 0;
            case "protect-operator-key" when args.Length == 2:
                var key = Environment.GetEnvironmentVariable(options.OperatorKeyEnvironmentVariable);
                if (string.IsNullOrWhiteSpace(key))
                {
                    await Console.Error.WriteLineAsync($"Set {options.OperatorKeyEnvironmentVariable} first.");
                    return 2;
                }

                OperatorKey.WriteProtectedKeyFile(key.Trim(), args[1], app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>());
                Console.WriteLine($"Wrote the encrypted operator key to {args[1]}; set Chain:OperatorKeyFile to it and unset the variable.");
                return 0;
            default:
                await Console.Error.WriteLineAsync("Usage: deploy-contracts | protect-operator-key FILE");
                return 2;
        }
    }
}

using Microsoft.AspNetCore.DataProtection;
using Nethereum.Signer;

namespace TokenPlatform.Infrastructure.Chain;

/// <summary>
/// The operator's signing key. Managed mode: generated on first start and kept in the data folder,
/// encrypted with the app's Data Protection keys (the chain is then funded via anvil). External mode:
/// from an environment variable or an encrypted key file. The key is never logged.
/// </summary>
public sealed class OperatorKey
{
    private const string Purpose = "TokenPlatform.OperatorKey.v1";
    private readonly EthECKey _key;

    private OperatorKey(EthECKey key) => _key = key;

    public string Address => _key.GetPublicAddress();

    /// <summary>The key for signing. Callers must not log or persist it.</summary>
    internal EthECKey Key => _key;

    public static OperatorKey Load(ChainOptions options, IDataProtectionProvider protection, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(protection);
        var protector = protection.CreateProtector(Purpose);
        if (options.Mode == ChainMode.Managed)
        {
            var file = Path.Combine(dataDirectory, "chain", "operator.key");
            return new OperatorKey(LoadOrCreate(file, protector));
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(options.OperatorKeyEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new OperatorKey(new EthECKey(fromEnvironment.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(options.OperatorKeyFile) && File.Exists(options.OperatorKeyFile))
        {
            return new OperatorKey(new EthECKey(protector.Unprotect(File.ReadAllText(options.OperatorKeyFile).Trim())));
        }

        throw new InvalidOperationException(
            $"Chain:Mode is External but no operator key was found: set {options.OperatorKeyEnvironmentVariable} or Chain:OperatorKeyFile (encrypted with this app's Data Protection keys).");
    }

    /// <summary>Writes an operator key file encrypted for this app (used by the admin CLI verb).</summary>
    public static void WriteProtectedKeyFile(string privateKeyHex, string file, IDataProtectionProvider protection)
    {
        ArgumentNullException.ThrowIfNull(protection);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.WriteAllText(file, protection.CreateProtector(Purpose).Protect(privateKeyHex));
    }

    private static EthECKey LoadOrCreate(string file, IDataProtector protector)
    {
        if (File.Exists(file))
        {
            return new EthECKey(protector.Unprotect(File.ReadAllText(file).Trim()));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var key = EthECKey.GenerateKey();
        File.WriteAllText(file, protector.Protect(key.GetPrivateKey()));
        return key;
    }
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace TokenPlatform.Infrastructure.Chain.Anvil;

/// <summary>
/// Runs a local anvil as an OP-stack flavoured L2 for Managed mode: the native binary from
/// src/Contracts/node_modules (the npm wrapper does not forward signals), state kept in a file so a
/// restart keeps the chain (saved on SIGTERM and every 10 s), readiness by polling the RPC.
/// Its console output is discarded: anvil prints its well-known dev keys at start.
/// </summary>
/// <param name="blockTimeSeconds">Mine a block every so many seconds (as an L2 does) instead of one per transaction.</param>
public sealed partial class ManagedAnvil(string binaryPath, int port, long chainId, string stateFile, ILogger logger, int? blockTimeSeconds = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _stopping = new(1, 1);
    private Process? _process;

    public string RpcUrl => $"http://127.0.0.1:{port}";

    public int? ProcessId => _process?.Id;

    public bool IsRunning => _process is { HasExited: false };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(stateFile)!);
        var start = new ProcessStartInfo(binaryPath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--chain-id", chainId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--optimism", "--silent", "--state", stateFile, "--state-interval", "10",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        if (blockTimeSeconds is { } seconds)
        {
            start.ArgumentList.Add("--block-time");
            start.ArgumentList.Add(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binaryPath}.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync(cancellationToken);
        LogStarted(logger, _process.Id, RpcUrl, stateFile);
    }

    /// <summary>SIGTERM, so anvil writes its state file, then waits for it to exit.</summary>
    /// <remarks>
    /// Serialized: the host's shutdown timeout can give up on a slow stop and dispose while the first
    /// stop still waits for the process (a race that once nulled the process under it).
    /// </remarks>
    public async Task StopAsync()
    {
        await _stopping.WaitAsync();
        try
        {
            var process = _process;
            if (process is null || process.HasExited)
            {
                return;
            }

            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            {
                // .NET's Process.Kill sends SIGKILL, which would lose the state: ask politely instead.
                using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
                if (term is not null)
                {
                    await term.WaitForExitAsync();
                }
            }
            else
            {
                process.Kill();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }

            LogStopped(logger, process.Id);
        }
        finally
        {
            _stopping.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Idempotent: the host stops the chain, then both the container and ChainHost dispose it.
        await StopAsync();
        await _stopping.WaitAsync();
        try
        {
            _process?.Dispose();
            _process = null;
        }
        finally
        {
            _stopping.Release();
        }
    }

    /// <summary>Finds anvil under src/Contracts/node_modules above the app's folder.</summary>
    public static string LocateBinary()
    {
        var platform = OperatingSystem.IsMacOS() ? "darwin" : "linux";
        var arch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "arm64" : "amd64";
        var relative = Path.Combine("src", "Contracts", "node_modules", "@foundry-rs", $"anvil-{platform}-{arch}", "bin", "anvil");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"anvil not found ({relative}): run `npm ci` in src/Contracts (scripts/run.sh does).");
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"anvil exited with code {_process.ExitCode} (is port {port} free?).");
            }

            try
            {
                using var content = new StringContent("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}", System.Text.Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri(RpcUrl), content, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet: poll again shortly.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Request timeout: poll again.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"anvil did not answer on {RpcUrl} within 30 s.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Managed chain (anvil, pid {Pid}) listening on {RpcUrl}, state in {StateFile}")]
    private static partial void LogStarted(ILogger logger, int pid, string rpcUrl, string stateFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "Managed chain (anvil, pid {Pid}) stopped, state saved")]
    private static partial void LogStopped(ILogger logger, int pid);
}

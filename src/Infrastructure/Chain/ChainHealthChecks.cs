using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TokenPlatform.Domain.Chain;
using TokenPlatform.Infrastructure.Chain.Indexing;
using TokenPlatform.Infrastructure.Chain.Outbox;
using TokenPlatform.Infrastructure.Persistence;

namespace TokenPlatform.Infrastructure.Chain;

/// <summary>Chain reachable: chain id, block height, whether the contracts are deployed.</summary>
public sealed class ChainHealthCheck(ChainOptions options, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Mode == ChainMode.Disabled)
        {
            return HealthCheckResult.Healthy("chain disabled by configuration");
        }

        var chain = (ChainClient)services.GetService(typeof(ChainClient))!;
        var addresses = (ContractAddressesProvider)services.GetService(typeof(ContractAddressesProvider))!;
        try
        {
            var height = await chain.BlockNumberAsync();
            var data = new Dictionary<string, object>
            {
                ["mode"] = options.Mode.ToString(),
                ["chainId"] = options.ChainId,
                ["blockHeight"] = height,
                ["contractsDeployed"] = addresses.IsKnown,
            };
            return addresses.IsKnown
                ? HealthCheckResult.Healthy($"block {height}", data)
                : HealthCheckResult.Degraded("contracts not deployed", data: data);
        }
        catch (Exception ex) when (OutboxProcessor.IsRpcFailure(ex))
        {
            return HealthCheckResult.Unhealthy("chain RPC unreachable");
        }
    }
}

/// <summary>Outbox backlog: rows waiting, in flight and failed (failed rows need an operator).</summary>
public sealed class OutboxHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var counts = await db.ChainOperations.AsNoTracking()
            .Where(o => o.Status != ChainOperationStatus.Confirmed)
            .GroupBy(o => o.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["pending"] = counts.GetValueOrDefault(ChainOperationStatus.Pending) + counts.GetValueOrDefault(ChainOperationStatus.Prepared),
            ["sent"] = counts.GetValueOrDefault(ChainOperationStatus.Sent),
            ["failed"] = counts.GetValueOrDefault(ChainOperationStatus.Failed),
        };
        return counts.GetValueOrDefault(ChainOperationStatus.Failed) > 0
            ? HealthCheckResult.Degraded("failed chain operations need attention", data: data)
            : HealthCheckResult.Healthy("outbox flowing", data);
    }
}

/// <summary>Indexer lag in blocks and the latest reconciliation (mismatches make the platform unhealthy).</summary>
public sealed class IndexerHealthCheck(ChainOptions options, IServiceProvider services, ReconciliationState reconciliation) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Mode == ChainMode.Disabled)
        {
            return HealthCheckResult.Healthy("chain disabled by configuration");
        }

        var addresses = (ContractAddressesProvider)services.GetService(typeof(ContractAddressesProvider))!;
        if (!addresses.IsKnown)
        {
            return HealthCheckResult.Degraded("contracts not deployed");
        }

        var indexer = (EventIndexer)services.GetService(typeof(EventIndexer))!;
        long lag;
        try
        {
            lag = await indexer.LagAsync(cancellationToken);
        }
        catch (Exception ex) when (OutboxProcessor.IsRpcFailure(ex))
        {
            return HealthCheckResult.Unhealthy("chain RPC unreachable");
        }

        var report = reconciliation.Latest;
        var data = new Dictionary<string, object>
        {
            ["indexerLagBlocks"] = lag,
            ["reconciledAt"] = report?.CheckedAt.ToString("O") ?? "never",
            ["reconciledHoldings"] = report?.Checked ?? 0,
            ["mismatches"] = report?.Mismatches.Count ?? 0,
        };
        if (report is { Mismatches.Count: > 0 })
        {
            return HealthCheckResult.Unhealthy($"{report.Mismatches.Count} holding(s) differ from the chain", data: data);
        }

        return lag > 20 * Math.Max(1, options.Confirmations)
            ? HealthCheckResult.Degraded($"indexer {lag} blocks behind", data: data)
            : HealthCheckResult.Healthy("indexer in sync", data);
    }
}

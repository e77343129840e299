using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using TokenPlatform.Domain.Assets;
using TokenPlatform.Domain.Common;
using TokenPlatform.Domain.Revenue;

namespace TokenPlatform.Infrastructure.Persistence;

/// <summary>
/// Revenue events. On PostgreSQL a batch is written with binary COPY into a temporary table and moved
/// with one INSERT ... ON CONFLICT DO NOTHING (idempotent by asset + reference, one round trip per
/// batch); on SQLite with one prepared INSERT OR IGNORE per row inside one transaction.
/// </summary>
internal sealed class RevenueStore(AppDbContext db) : IRevenueStore
{
    private static readonly string[] SqliteParameterNames = ["$id", "$asset", "$reference", "$source", "$amount", "$occurred", "$description", "$by", "$channel", "$at", "$status"];

    public async Task<int> AddNewAsync(IReadOnlyList<RevenueEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return 0;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                return db.Database.IsNpgsql() ? await CopyAsync(events, cancellationToken) : await InsertOrIgnoreAsync(events, cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
    }

    private static readonly Dictionary<RevenueSource, string> SourceNames = Enum.GetValues<RevenueSource>().ToDictionary(v => v, v => v.ToString());
    private static readonly Dictionary<RevenueChannel, string> ChannelNames = Enum.GetValues<RevenueChannel>().ToDictionary(v => v, v => v.ToString());
    private static readonly Dictionary<RevenueEventStatus, string> StatusNames = Enum.GetValues<RevenueEventStatus>().ToDictionary(v => v, v => v.ToString());

    private const string Columns = "(\"Id\", \"AssetId\", \"ExternalReference\", \"Source\", \"AmountMinorUnits\", \"OccurredOn\", \"Description\", \"RecordedBy\", \"Channel\", \"RecordedAt\", \"Status\")";

    /// <summary>
    /// The common case (all references new) is one binary COPY straight into the table. If a reference
    /// already exists the COPY fails on the unique index; the batch is then rolled back to the savepoint
    /// and goes through a temporary table and INSERT ... ON CONFLICT DO NOTHING. Either way: all new
    /// events or none, and no reference twice.
    /// </summary>
    private async Task<int> CopyAsync(IReadOnlyList<RevenueEvent> events, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await transaction.SaveAsync("direct", cancellationToken);
        try
        {
            await CopyIntoAsync(connection, "revenue_events", events, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return events.Count;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync("direct", cancellationToken);
        }

        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE revenue_incoming (LIKE revenue_events INCLUDING DEFAULTS) ON COMMIT DROP", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyIntoAsync(connection, "revenue_incoming", events, cancellationToken);
        int inserted;
        await using (var move = new NpgsqlCommand(
            "INSERT INTO revenue_events SELECT * FROM revenue_incoming ON CONFLICT (\"AssetId\", \"ExternalReference\") DO NOTHING", connection, transaction))
        {
            inserted = await move.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    /// <summary>
    /// Writes the rows with Npgsql's synchronous field writers (they fill an in-memory buffer; only a
    /// full buffer touches the socket): ten awaits per row cost more than the row itself at 10,000 rows.
    /// </summary>
    private static async Task CopyIntoAsync(NpgsqlConnection connection, string table, IReadOnlyList<RevenueEvent> events, CancellationToken cancellationToken)
    {
        await using var import = await connection.BeginBinaryImportAsync($"COPY {table} {Columns} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var e in events)
        {
            import.StartRow();
            import.Write(e.Id, NpgsqlDbType.Uuid);
            import.Write(e.AssetId.Value, NpgsqlDbType.Uuid);
            import.Write(e.ExternalReference, NpgsqlDbType.Varchar);
            import.Write(SourceNames[e.Source], NpgsqlDbType.Varchar);
            import.Write(e.AmountMinorUnits, NpgsqlDbType.Bigint);
            import.Write(e.OccurredOn, NpgsqlDbType.Date);
            if (e.Description is null)
            {
                import.WriteNull();
            }
            else
            {
                import.Write(e.Description, NpgsqlDbType.Varchar);
            }

            import.Write(e.RecordedBy, NpgsqlDbType.Varchar);
            import.Write(ChannelNames[e.Channel], NpgsqlDbType.Varchar);
            import.Write(e.RecordedAt.UtcTicks, NpgsqlDbType.Bigint);
            import.Write(StatusNames[e.Status], NpgsqlDbType.Varchar);
        }

        await import.CompleteAsync(cancellationToken);
    }

    private async Task<int> InsertOrIgnoreAsync(IReadOnlyList<RevenueEvent> events, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT OR IGNORE INTO revenue_events {Columns} "
            + "VALUES ($id, $asset, $reference, $source, $amount, $occurred, $description, $by, $channel, $at, $status)";
        var parameters = SqliteParameterNames.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        var inserted = 0;
        foreach (var e in events)
        {
            // Same text forms EF Core's SQLite provider uses, so EF reads these rows back.
            parameters[0].Value = e.Id.ToString().ToUpperInvariant();
            parameters[1].Value = e.AssetId.Value.ToString().ToUpperInvariant();
            parameters[2].Value = e.ExternalReference;
            parameters[3].Value = e.Source.ToString();
            parameters[4].Value = e.Amount.MinorUnits;
            parameters[5].Value = e.OccurredOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            parameters[6].Value = (object?)e.Description ?? DBNull.Value;
            parameters[7].Value = e.RecordedBy;
            parameters[8].Value = e.Channel.ToString();
            parameters[9].Value = e.RecordedAt.UtcTicks;
            parameters[10].Value = StatusNames[e.Status];
            inserted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    public async Task<IReadOnlySet<string>> ExistingReferencesAsync(AssetId assetId, IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in references.Distinct().Chunk(1_000))
        {
            found.UnionWith(await db.Set<RevenueEvent>().AsNoTracking()
                .Where(e => e.AssetId == assetId && chunk.Contains(e.ExternalReference)).Select(e => e.ExternalReference).ToListAsync(cancellationToken));
        }

        return found;
    }

    public async Task<IReadOnlySet<string>> UnconfirmedReferencesAsync(AssetId assetId, IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in references.Distinct().Chunk(1_000))
        {
            found.UnionWith(await db.Set<RevenueEvent>().AsNoTracking()
                .Where(e => e.AssetId == assetId && e.Status != RevenueEventStatus.Confirmed && chunk.Contains(e.ExternalReference))
                .Select(e => e.ExternalReference).ToListAsync(cancellationToken));
        }

        return found;
    }

    public async Task<IReadOnlyList<RevenueEvent>> ListAsync(AssetId assetId, int take, CancellationToken cancellationToken) =>
        await db.Set<RevenueEvent>().AsNoTracking().Where(e => e.AssetId == assetId)
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.RecordedAt).Take(take).ToListAsync(cancellationToken);

    /// <summary>
    /// Sums whole units and remainders separately (each fits a 64-bit sum for billions of events) and
    /// combines them in 128 bits: a database SUM over 64-bit amounts could overflow. Voided and refused
    /// events do not count.
    /// </summary>
    public async Task<IReadOnlyList<RevenueTotal>> TotalsAsync(AssetId assetId, CancellationToken cancellationToken) =>
        (await db.Set<RevenueEvent>().AsNoTracking()
            .Where(e => e.AssetId == assetId && (e.Status == RevenueEventStatus.Confirmed || e.Status == RevenueEventStatus.AwaitingConfirmation))
            .GroupBy(e => new { e.OccurredOn.Year, e.OccurredOn.Month, e.Source })
            .Select(g => new
            {
                g.Key.Year,
                g.Key.Month,
                g.Key.Source,
                Whole = g.Sum(e => e.AmountMinorUnits / Money.UnitsPerWhole),
                Rest = g.Sum(e => e.AmountMinorUnits % Money.UnitsPerWhole),
                Count = g.Count(),
            })
            .ToListAsync(cancellationToken))
        .Select(r => new RevenueTotal(r.Year, r.Month, r.Source, (Int128)r.Whole * Money.UnitsPerWhole + r.Rest, r.Count))
        .OrderBy(t => t.Year).ThenBy(t => t.Month).ThenBy(t => t.Source).ToList();

    public async Task<IReadOnlyList<RevenueEvent>> UndistributedAsync(AssetId assetId, CancellationToken cancellationToken) =>
        await db.Set<RevenueEvent>().AsNoTracking().Where(e => e.AssetId == assetId && e.DistributionId == null && e.Status == RevenueEventStatus.Confirmed)
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RevenueEvent>> UndistributedForUpdateAsync(AssetId assetId, CancellationToken cancellationToken) =>
        await db.Set<RevenueEvent>().Where(e => e.AssetId == assetId && e.DistributionId == null && e.Status == RevenueEventStatus.Confirmed)
            .OrderBy(e => e.OccurredOn).ThenBy(e => e.RecordedAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RevenueEvent>> AwaitingConfirmationAsync(AssetId assetId, CancellationToken cancellationToken) =>
        await db.Set<RevenueEvent>().AsNoTracking().Where(e => e.AssetId == assetId && e.Status == RevenueEventStatus.AwaitingConfirmation)
            .OrderBy(e => e.RecordedAt).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RevenueEvent>> FindForUpdateAsync(AssetId assetId, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        await db.Set<RevenueEvent>().Where(e => e.AssetId == assetId && ids.Contains(e.Id)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<RevenueEvent>> AssignedToForUpdateAsync(Guid distributionId, CancellationToken cancellationToken) =>
        await db.Set<RevenueEvent>().Where(e => e.DistributionId == distributionId).ToListAsync(cancellationToken);
}

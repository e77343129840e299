using System.Runtime.CompilerServices;
using Npgsql;

namespace TokenPlatform.Infrastructure.Trading;

/// <summary>
/// The journal on PostgreSQL: one statement per group commit (the fencing update and the batch insert in one
/// CTE, so one round trip and one WAL flush), on a connection the writer keeps.
/// </summary>
public sealed class PostgresJournalStore(string connectionString) : IJournalStore
{
    private const string AppendSql =
        "WITH owner AS (UPDATE \"trading_streams\" SET \"LastSequence\" = $1 WHERE \"Stream\" = $2 AND \"Epoch\" = $3 AND \"LastSequence\" = $4 RETURNING 1) " +
        "INSERT INTO \"trading_journal\" (\"Stream\", \"FirstSequence\", \"LastSequence\", \"Epoch\", \"BaseTimestamp\", \"Count\", \"Checksum\", \"Payload\") " +
        "SELECT $2, $5, $1, $3, $6, $7, $8, $9 FROM owner";

    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connectionString);
    private NpgsqlConnection? _writer;
    private NpgsqlCommand? _append;

    public async Task<(long Epoch, long LastSequence)> OpenAsync(int stream, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "INSERT INTO \"trading_streams\" (\"Stream\", \"Epoch\", \"LastSequence\") VALUES ($1, 1, 0) " +
            "ON CONFLICT (\"Stream\") DO UPDATE SET \"Epoch\" = \"trading_streams\".\"Epoch\" + 1 RETURNING \"Epoch\", \"LastSequence\"", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = stream });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public async Task AppendAsync(JournalAppend batch, CancellationToken cancellationToken)
    {
        if (_append is null)
        {
            _writer = await _dataSource.OpenConnectionAsync(cancellationToken);
            // Durable on return whatever the server's default: the acknowledgement depends on it.
            await using (var durable = new NpgsqlCommand("SET synchronous_commit = on", _writer))
            {
                await durable.ExecuteNonQueryAsync(cancellationToken);
            }

            _append = new NpgsqlCommand(AppendSql, _writer);
            _append.Parameters.Add(new NpgsqlParameter<long>());
            _append.Parameters.Add(new NpgsqlParameter<int>());
            _append.Parameters.Add(new NpgsqlParameter<long>());
            _append.Parameters.Add(new NpgsqlParameter<long>());
            _append.Parameters.Add(new NpgsqlParameter<long>());
            _append.Parameters.Add(new NpgsqlParameter<long>());
            _append.Parameters.Add(new NpgsqlParameter<int>());
            _append.Parameters.Add(new NpgsqlParameter<long>());
            _append.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>>());
            await _append.PrepareAsync(cancellationToken);
        }

        var p = _append.Parameters;
        ((NpgsqlParameter<long>)p[0]).TypedValue = batch.LastSequence;
        ((NpgsqlParameter<int>)p[1]).TypedValue = batch.Stream;
        ((NpgsqlParameter<long>)p[2]).TypedValue = batch.Epoch;
        ((NpgsqlParameter<long>)p[3]).TypedValue = batch.FirstSequence - 1;
        ((NpgsqlParameter<long>)p[4]).TypedValue = batch.FirstSequence;
        ((NpgsqlParameter<long>)p[5]).TypedValue = batch.BaseTimestamp;
        ((NpgsqlParameter<int>)p[6]).TypedValue = batch.Count;
        ((NpgsqlParameter<long>)p[7]).TypedValue = batch.Checksum;
        ((NpgsqlParameter<ReadOnlyMemory<byte>>)p[8]).TypedValue = batch.Payload;
        if (await _append.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new StaleJournalWriterException(batch.Stream, batch.Epoch, batch.FirstSequence);
        }
    }

    public async IAsyncEnumerable<JournalBatchRow> ReadAsync(int stream, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {JournalBatchRow.Columns} FROM \"trading_journal\" " +
            "WHERE \"Stream\" = $1 AND \"FirstSequence\" > $2 ORDER BY \"FirstSequence\"", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = stream });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return JournalBatchRow.Read(reader, stream);
        }
    }

    public async Task SaveSnapshotAsync(SnapshotRow snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        // One round trip, one transaction (a batch runs as one implicitly): the new snapshot in, all but the newest two out.
        await using var batch = new NpgsqlBatch(connection);
        var insert = new NpgsqlBatchCommand("INSERT INTO \"trading_snapshots\" (\"Stream\", \"Sequence\", \"Timestamp\", \"Payload\") VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING");
        insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = snapshot.Stream });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = snapshot.Sequence });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = snapshot.Timestamp });
        insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = snapshot.Payload });
        var prune = new NpgsqlBatchCommand(
            "DELETE FROM \"trading_snapshots\" WHERE \"Stream\" = $1 AND \"Sequence\" < " +
            "(SELECT MIN(\"Sequence\") FROM (SELECT \"Sequence\" FROM \"trading_snapshots\" WHERE \"Stream\" = $1 ORDER BY \"Sequence\" DESC LIMIT 2) AS newest)");
        prune.Parameters.Add(new NpgsqlParameter<int> { TypedValue = snapshot.Stream });
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(prune);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SnapshotRow?> LoadSnapshotAsync(int stream, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT \"Sequence\", \"Timestamp\", \"Payload\" FROM \"trading_snapshots\" WHERE \"Stream\" = $1 ORDER BY \"Sequence\" DESC LIMIT 1", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = stream });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SnapshotRow { Stream = stream, Sequence = reader.GetInt64(0), Timestamp = reader.GetInt64(1), Payload = (byte[])reader[2] }
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_append is not null)
        {
            await _append.DisposeAsync();
        }

        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        await _dataSource.DisposeAsync();
    }
}

using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace TokenPlatform.Infrastructure.Trading;

/// <summary>
/// The journal in the embedded database: WAL mode with synchronous=FULL (a commit is on disk when it returns),
/// the fencing update and the insert in one transaction per group commit, on a connection the writer keeps.
/// </summary>
public sealed class SqliteJournalStore(string connectionString) : IJournalStore
{
    private SqliteConnection? _writer;
    private SqliteCommand? _fence;
    private SqliteCommand? _insert;

    public async Task<(long Epoch, long LastSequence)> OpenAsync(int stream, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO \"trading_streams\" (\"Stream\", \"Epoch\", \"LastSequence\") VALUES ($stream, 1, 0) " +
            "ON CONFLICT (\"Stream\") DO UPDATE SET \"Epoch\" = \"Epoch\" + 1 RETURNING \"Epoch\", \"LastSequence\"";
        command.Parameters.AddWithValue("$stream", stream);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public async Task AppendAsync(JournalAppend batch, CancellationToken cancellationToken)
    {
        if (_writer is null)
        {
            _writer = await OpenAsync(cancellationToken);
            _fence = _writer.CreateCommand();
            _fence.CommandText = "UPDATE \"trading_streams\" SET \"LastSequence\" = $last WHERE \"Stream\" = $stream AND \"Epoch\" = $epoch AND \"LastSequence\" = $previous";
            _insert = _writer.CreateCommand();
            _insert.CommandText =
                "INSERT INTO \"trading_journal\" (\"Stream\", \"FirstSequence\", \"LastSequence\", \"Epoch\", \"BaseTimestamp\", \"Count\", \"Checksum\", \"Payload\") " +
                "VALUES ($stream, $first, $last, $epoch, $base, $count, $checksum, $payload)";
            foreach (var name in new[] { "$last", "$stream", "$epoch", "$previous" })
            {
                _fence.Parameters.Add(new SqliteParameter(name, SqliteType.Integer));
            }

            foreach (var name in new[] { "$stream", "$first", "$last", "$epoch", "$base", "$count", "$checksum" })
            {
                _insert.Parameters.Add(new SqliteParameter(name, SqliteType.Integer));
            }

            _insert.Parameters.Add(new SqliteParameter("$payload", SqliteType.Blob));
        }

        await using var transaction = (SqliteTransaction)await _writer.BeginTransactionAsync(cancellationToken);
        (_fence!.Transaction, _insert!.Transaction) = (transaction, transaction);
        (_fence.Parameters[0].Value, _fence.Parameters[1].Value, _fence.Parameters[2].Value, _fence.Parameters[3].Value) =
            (batch.LastSequence, batch.Stream, batch.Epoch, batch.FirstSequence - 1);
        if (await _fence.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new StaleJournalWriterException(batch.Stream, batch.Epoch, batch.FirstSequence);
        }

        var p = _insert.Parameters;
        (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value, p[5].Value, p[6].Value) =
            (batch.Stream, batch.FirstSequence, batch.LastSequence, batch.Epoch, batch.BaseTimestamp, batch.Count, batch.Checksum);
        p[7].Value = batch.Payload.ToArray();
        await _insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async IAsyncEnumerable<JournalBatchRow> ReadAsync(int stream, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {JournalBatchRow.Columns} FROM \"trading_journal\" " +
            "WHERE \"Stream\" = $stream AND \"FirstSequence\" > $after ORDER BY \"FirstSequence\"";
        command.Parameters.AddWithValue("$stream", stream);
        command.Parameters.AddWithValue("$after", afterSequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return JournalBatchRow.Read(reader, stream);
        }
    }

    public async Task SaveSnapshotAsync(SnapshotRow snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT OR IGNORE INTO \"trading_snapshots\" (\"Stream\", \"Sequence\", \"Timestamp\", \"Payload\") VALUES ($stream, $sequence, $timestamp, $payload); " +
            "DELETE FROM \"trading_snapshots\" WHERE \"Stream\" = $stream AND \"Sequence\" < (SELECT MIN(\"Sequence\") FROM (SELECT \"Sequence\" FROM \"trading_snapshots\" WHERE \"Stream\" = $stream ORDER BY \"Sequence\" DESC LIMIT 2))";
        command.Parameters.AddWithValue("$stream", snapshot.Stream);
        command.Parameters.AddWithValue("$sequence", snapshot.Sequence);
        command.Parameters.AddWithValue("$timestamp", snapshot.Timestamp);
        command.Parameters.AddWithValue("$payload", snapshot.Payload);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SnapshotRow?> LoadSnapshotAsync(int stream, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Sequence\", \"Timestamp\", \"Payload\" FROM \"trading_snapshots\" WHERE \"Stream\" = $stream ORDER BY \"Sequence\" DESC LIMIT 1";
        command.Parameters.AddWithValue("$stream", stream);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SnapshotRow { Stream = stream, Sequence = reader.GetInt64(0), Timestamp = reader.GetInt64(1), Payload = (byte[])reader[2] }
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }

        if (_fence is not null)
        {
            await _fence.DisposeAsync();
        }

        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}

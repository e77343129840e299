using Npgsql;

namespace TokenPlatform.Tests.Shared;

/// <summary>
/// A fresh database on the real PostgreSQL server that scripts/test.sh starts (TOKENPLATFORM_TEST_POSTGRES).
/// Each instance creates its own database and drops it on dispose, so test classes can run in parallel.
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string Variable = "TOKENPLATFORM_TEST_POSTGRES";

    private readonly string _server;

    private TestPostgres(string server, string database, string connectionString)
    {
        _server = server;
        Database = database;
        ConnectionString = connectionString;
    }

    public string Database { get; }

    public string ConnectionString { get; }

    public static async Task<TestPostgres> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL server.");
        }

        var database = $"tp_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = database };
        return new TestPostgres(server, database, builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

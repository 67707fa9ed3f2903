using Npgsql;
using UpStats.Lake.Engines;

namespace UpStats.Lake.Tests;

/// <summary>
/// A fresh, empty lake for one test: a SQLite file in a temp folder, or a schema of its own in the PostgreSQL
/// server named by <c>UPSTATS_PG</c> (which <c>.ci/run</c> starts). Disposing removes it.
/// </summary>
internal sealed class TestLake : IDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgresql";

    private readonly string? _folder;
    private readonly string? _schema;

    private TestLake(StoreLocation location, string? folder, string? schema)
    {
        Location = location;
        _folder = folder;
        _schema = schema;
    }

    public StoreLocation Location { get; }

    /// <summary>The engines every lake test runs against: SQLite always, PostgreSQL whenever it can or must (CI).</summary>
    public static TheoryData<string> Engines
    {
        get
        {
            var engines = new TheoryData<string> { Sqlite };
            if (PostgresAvailability.ShouldRun)
            {
                engines.Add(Postgres);
            }
            return engines;
        }
    }

    public static TestLake Create(string engine)
    {
        if (engine == Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "upstats-lake-tests", Guid.NewGuid().ToString("n"));
            Directory.CreateDirectory(folder);
            return new TestLake(StoreLocation.Sqlite(Path.Combine(folder, "lake.db")), folder, null);
        }
        var server = PostgresAvailability.ConnectionString;
        var schema = "lake_" + Guid.NewGuid().ToString("n");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            command.ExecuteNonQuery();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema };
        return new TestLake(StoreLocation.Postgres(builder.ConnectionString), null, schema);
    }

    public LakeDatabase Open() => LakeDatabase.Open(Location);

    public void Dispose()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A process a test killed may still hold the file for a moment; the temp folder is cleaned anyway.
            }
        }
        if (_schema is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(PostgresAvailability.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
            command.ExecuteNonQuery();
        }
    }
}

/// <summary>
/// Whether the PostgreSQL tests run. In CI (<c>CI=true</c>) they always run, and without <c>UPSTATS_PG</c>
/// they fail, saying so; on a developer's machine without <c>UPSTATS_PG</c> only the SQLite cases exist
/// (start a server with <see cref="HowToStart"/> to run the PostgreSQL ones there too).
/// </summary>
internal static class PostgresAvailability
{
    public static string? Variable => Environment.GetEnvironmentVariable("UPSTATS_PG");

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool ShouldRun => !string.IsNullOrWhiteSpace(Variable) || InCi;

    public const string HowToStart = "UPSTATS_PG is not set: start a server with `source .ci/postgres && pg_install && pg_start` (it exports UPSTATS_PG)";

    public static string ConnectionString => string.IsNullOrWhiteSpace(Variable)
        ? throw new InvalidOperationException("The PostgreSQL tests must run in CI, but " + HowToStart + "; .ci/run does this.")
        : Variable;
}

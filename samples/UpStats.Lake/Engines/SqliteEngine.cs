using System.Data.Common;
using Microsoft.Data.Sqlite;
using UpStats.Lake.Migration;
using UpStats.Lake.Store;

namespace UpStats.Lake.Engines;

/// <summary>The embedded default: one SQLite file, no set-up.</summary>
internal sealed class SqliteEngine : ILakeEngine
{
    private readonly SqliteConnection _connection;

    /// <summary>Opens (creating if needed) the SQLite file at <paramref name="path"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="cacheKibibytes">SQLite's page cache for this connection (8 MB unless told): bounded, so the working set does not grow with the database; the operating system's file cache holds the rest.</param>
    public SqliteEngine(string path, int cacheKibibytes = 8 * 1024)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        _connection.Open();
        using var pragmas = _connection.CreateCommand();
        // WAL: a reader (the migration's read-ahead, a display) does not block the writer; synchronous=NORMAL
        // is still crash-safe in WAL mode (a kill loses at most the last commits, never consistency).
        pragmas.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-{cacheKibibytes}; PRAGMA busy_timeout=10000;";
        pragmas.ExecuteNonQuery();
    }

    public string Name => "sqlite";

    public DbConnection Connection => _connection;

    public string IntegerType => "INTEGER";

    public string TextKeyedTableOptions => " WITHOUT ROWID";

    public int DefaultChunkSize => 2000;

    public string BlobType => "BLOB";

    public void InsertRawRows(DbTransaction transaction, IReadOnlyList<RawRow> rows)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = "INSERT INTO odesk_debug_req(id, added_time, sha, data, query) VALUES (@id, @added, @sha, @data, @query)";
        var id = command.Parameters.Add("@id", SqliteType.Integer);
        var added = command.Parameters.Add("@added", SqliteType.Integer);
        var sha = command.Parameters.Add("@sha", SqliteType.Text);
        var data = command.Parameters.Add("@data", SqliteType.Blob);
        var query = command.Parameters.Add("@query", SqliteType.Text);
        command.Prepare();
        foreach (var row in rows)
        {
            id.Value = row.Id;
            added.Value = row.AddedTime;
            sha.Value = row.Sha;
            data.Value = row.Data;
            query.Value = row.Query;
            command.ExecuteNonQuery();
        }
    }

    public void InsertJobs(DbTransaction transaction, JobBatch batch)
    {
        // One prepared statement in the chunk's transaction: SQLite's fastest insert path from .NET.
        using var command = _connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = "INSERT INTO jobs(job_id, raw_id, date_created, error) VALUES (@job, @raw, @date, @error) ON CONFLICT(job_id) DO NOTHING";
        var job = command.Parameters.Add("@job", SqliteType.Text);
        var raw = command.Parameters.Add("@raw", SqliteType.Integer);
        var date = command.Parameters.Add("@date", SqliteType.Integer);
        var error = command.Parameters.Add("@error", SqliteType.Text);
        command.Prepare();
        var jobIds = batch.JobIds;
        var rawIds = batch.RawIds;
        var errors = batch.Errors;
        var epochSeconds = batch.EpochSeconds;
        var inserted = batch.Inserted;
        for (var i = 0; i < batch.Count; i++)
        {
            job.Value = jobIds[i];
            raw.Value = rawIds[i];
            date.Value = errors[i] is null ? epochSeconds[i] : DBNull.Value;
            error.Value = (object?)errors[i] ?? DBNull.Value;
            inserted[i] = command.ExecuteNonQuery() == 1;
        }
    }

    public void Dispose() => _connection.Dispose();
}

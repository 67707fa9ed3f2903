using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using UpStats.Lake.Migration;
using UpStats.Lake.Store;

namespace UpStats.Lake.Engines;

/// <summary>The embedded default: one SQLite file, no set-up.</summary>
internal sealed class SqliteEngine : ILakeEngine
{
    private readonly SqliteConnection _connection;

    static SqliteEngine()
    {
        // Before SQLite's first use in the process (later, each call returns SQLITE_MISUSE and changes
        // nothing, which is only slower): no mutex per connection, since each connection here is used by one
        // thread at a time (Microsoft.Data.Sqlite's connections are not thread-safe anyway), and no global
        // memory statistics, a mutex shared by every connection taken at each allocation. The reader's and the
        // writer's connections had been waiting on each other: a 100k-row migration took 4% less CPU and 5%
        // less wall time without them.
        SQLitePCL.Batteries_V2.Init();
        _ = raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
        _ = raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }

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
        // 64 KiB pages for a new store (an existing one keeps its own): the raw rows are about 1 KB of zlib
        // each, and with 4 KiB pages committing them was one write call per row into the log and another
        // into the file, half of generate's writing time.
        pragmas.CommandText = $"PRAGMA page_size=65536; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-{cacheKibibytes}; PRAGMA busy_timeout=10000;";
        pragmas.ExecuteNonQuery();
    }

    public string Name => "sqlite";

    public DbConnection Connection => _connection;

    public string IntegerType => "INTEGER";

    public string TextKeyedTableOptions => " WITHOUT ROWID";

    public int DefaultChunkSize => 2000;

    public int DefaultCommitRows => 6_000;

    public string BlobType => "BLOB";

    public void InsertRawRows(DbTransaction transaction, IReadOnlyList<RawRow> rows)
    {
        // The statement API, as for the jobs: SqliteCommand boxed every value and built a data reader per
        // row, a tenth of generate's CPU.
        var db = _connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, "INSERT INTO odesk_debug_req(id, added_time, sha, data, query) VALUES (?1, ?2, ?3, ?4, ?5)", out sqlite3_stmt statement));
        using (statement)
        {
            foreach (var row in rows)
            {
                Check(raw.sqlite3_bind_int64(statement, 1, row.Id));
                Check(raw.sqlite3_bind_int64(statement, 2, row.AddedTime));
                Check(raw.sqlite3_bind_text(statement, 3, row.Sha));
                // An empty span would bind NULL; a duplicate's data is an empty blob.
                Check(row.Data.Length == 0 ? raw.sqlite3_bind_zeroblob(statement, 4, 0) : raw.sqlite3_bind_blob(statement, 4, row.Data));
                Check(raw.sqlite3_bind_text(statement, 5, row.Query));
                var done = raw.sqlite3_step(statement);
                if (done != raw.SQLITE_DONE)
                {
                    Check(done);
                }
                Check(raw.sqlite3_reset(statement));
            }
        }
    }

    public void StageJobs(DbTransaction transaction, JobBatch batch, ReadOnlySpan<int> rows)
    {
        // SQLite's own statement API under Microsoft.Data.Sqlite (its public Handle): values are bound as
        // UTF-8 spans and integers, with no boxing, no string encoding and no data reader per row;
        // SqliteCommand allocates all three for every ExecuteNonQuery, and the garbage collector was a
        // fifth of the migration's CPU. The statement runs in the caller's transaction (same connection).
        // jobs_staged is a rowid table, so every insert appends to its last page: the cost per row stays the
        // same however big the lake grows (inserting into the jobs B-tree here instead, once it outgrew the
        // page cache, read and rewrote most of its pages at every commit).
        var db = _connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, "INSERT INTO jobs_staged(raw_id, job_id, date_created, error, value) VALUES (?1, ?2, ?3, ?4, ?5)", out sqlite3_stmt statement));
        using (statement)
        {
            var rawIds = batch.RawIds;
            var errors = batch.Errors;
            var epochSeconds = batch.EpochSeconds;
            foreach (var i in rows)
            {
                Check(raw.sqlite3_bind_int64(statement, 1, rawIds[i]));
                Check(raw.sqlite3_bind_text(statement, 2, batch.JobId(i)));
                if (errors[i] is { } error)
                {
                    Check(raw.sqlite3_bind_null(statement, 3));
                    Check(raw.sqlite3_bind_text(statement, 4, error));
                    Check(raw.sqlite3_bind_text(statement, 5, batch.DateText(i)));
                }
                else
                {
                    Check(raw.sqlite3_bind_int64(statement, 3, epochSeconds[i]));
                    Check(raw.sqlite3_bind_null(statement, 4));
                    Check(raw.sqlite3_bind_null(statement, 5));
                }
                var done = raw.sqlite3_step(statement);
                if (done != raw.SQLITE_DONE)
                {
                    Check(done);
                }
                Check(raw.sqlite3_reset(statement));
            }
        }
    }

    public IReadOnlyList<string> MergeStatements(bool jobsIsEmpty) =>
    [
        // SQLite inserts the sorted rows one by one, so the first of each id wins and the later ones conflict
        // with it; the sorter spills runs of the page cache's size to a temporary file and merges them once.
        "INSERT INTO jobs(job_id, raw_id, date_created, error) SELECT job_id, raw_id, date_created, error FROM jobs_staged WHERE true ORDER BY job_id, raw_id ON CONFLICT(job_id) DO NOTHING",
    ];

    public string EmptyTable(string table) => $"DELETE FROM {table}";

    public void CheckpointLog()
    {
        // Busy means another connection is checkpointing right now (a writer's commit past 1,000 pages):
        // that one copies the pages instead.
        var code = raw.sqlite3_wal_checkpoint_v2(_connection.Handle!, null, raw.SQLITE_CHECKPOINT_PASSIVE, out _, out _);
        if (code != raw.SQLITE_BUSY)
        {
            Check(code);
        }
    }

    public long ReadPayloads(long afterId, int limit, PayloadHandler handler)
    {
        // The raw statement API again: each blob is handed over as a span into SQLite's own memory, valid
        // until the next step, instead of being copied into a buffer by SqliteDataReader.GetBytes.
        var db = _connection.Handle!;
        Check(raw.sqlite3_prepare_v2(db, "SELECT id, data FROM odesk_debug_req WHERE id > ?1 ORDER BY id LIMIT ?2", out sqlite3_stmt statement));
        using (statement)
        {
            Check(raw.sqlite3_bind_int64(statement, 1, afterId));
            Check(raw.sqlite3_bind_int64(statement, 2, limit));
            var last = afterId;
            int step;
            while ((step = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                last = raw.sqlite3_column_int64(statement, 0);
                handler(last, raw.sqlite3_column_blob(statement, 1));
            }
            if (step != raw.SQLITE_DONE)
            {
                Check(step);
            }
            return last;
        }
    }

    /// <summary>Throws Microsoft.Data.Sqlite's own exception for an error code, with SQLite's message.</summary>
    private void Check(int code) => SqliteException.ThrowExceptionForRC(code, _connection.Handle);

    public void Dispose() => _connection.Dispose();
}

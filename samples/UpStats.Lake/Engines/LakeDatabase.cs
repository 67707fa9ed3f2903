using System.Data;
using System.Data.Common;
using UpStats.Lake.Migration;
using UpStats.Lake.Store;

namespace UpStats.Lake.Engines;

/// <summary>
/// Every SQL flow of the lake, written once for both engines; the engine supplies only its column types
/// and bulk inserts (<see cref="ILakeEngine"/>).
/// </summary>
internal sealed class LakeDatabase : IDisposable
{
    /// <summary>The checkpoint row of the jobs migration in <c>lake_checkpoint</c>.</summary>
    private const string JobsMigration = "jobs";

    private LakeDatabase(ILakeEngine engine, StoreLocation location)
    {
        Engine = engine;
        Location = location;
    }

    /// <summary>The engine behind this lake.</summary>
    public ILakeEngine Engine { get; }

    /// <summary>Where the lake is.</summary>
    public StoreLocation Location { get; }

    /// <summary>Opens the lake and creates its tables when missing.</summary>
    public static LakeDatabase Open(StoreLocation location)
    {
        var engine = location.Open();
        try
        {
            var database = new LakeDatabase(engine, location);
            database.EnsureSchema();
            return database;
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a second connection to an existing lake, for reading while another connection writes (the
    /// migration reads the next chunk while the previous one is written). No schema changes.
    /// </summary>
    public LakeDatabase OpenAnotherConnection() => new(Location.OpenForScan(), Location);

    private void EnsureSchema()
    {
        var integer = Engine.IntegerType;
        string[] statements =
        [
            $"CREATE TABLE IF NOT EXISTS odesk_debug_req(id {integer} PRIMARY KEY, added_time {integer} NOT NULL, sha TEXT NOT NULL, data {Engine.BlobType} NOT NULL, query TEXT NOT NULL)",
            $"CREATE TABLE IF NOT EXISTS jobs(job_id TEXT PRIMARY KEY, raw_id {integer} NOT NULL, date_created {integer}, error TEXT){Engine.TextKeyedTableOptions}",
            // The migration's jobs on their way to the jobs table: appended at each commit, merged into jobs in
            // one sorted pass at the end of the run (see MergeStagedJobs), then emptied.
            $"CREATE TABLE IF NOT EXISTS jobs_staged(raw_id {integer} NOT NULL, job_id TEXT NOT NULL, date_created {integer}, error TEXT, value TEXT)",
            // The malformed values a merge wrote, until they are reported (right after the merge commits).
            $"CREATE TABLE IF NOT EXISTS jobs_malformed(raw_id {integer} NOT NULL, job_id TEXT NOT NULL, value TEXT NOT NULL, error TEXT NOT NULL)",
            $"CREATE TABLE IF NOT EXISTS raw_errors(raw_id {integer} PRIMARY KEY, error TEXT NOT NULL)",
            $"CREATE TABLE IF NOT EXISTS lake_checkpoint(name TEXT PRIMARY KEY, last_raw_id {integer} NOT NULL, raw_rows {integer} NOT NULL, duplicate_rows {integer} NOT NULL, unreadable_rows {integer} NOT NULL, jobs {integer} NOT NULL, repeated_jobs {integer} NOT NULL, failed_jobs {integer} NOT NULL)",
            $"CREATE TABLE IF NOT EXISTS lake_reader(reader TEXT PRIMARY KEY, newest_seen {integer} NOT NULL)",
        ];
        foreach (var statement in statements)
        {
            Execute(null, statement);
        }
    }

    /// <summary>Copies the committed part of the engine's write-ahead log into the database (see <see cref="ILakeEngine.CheckpointLog"/>).</summary>
    public void CheckpointLog() => Engine.CheckpointLog();

    /// <summary>Starts a transaction.</summary>
    public DbTransaction Begin() => Engine.Connection.BeginTransaction(IsolationLevel.ReadCommitted);

    /// <summary>The highest raw row id (0 for an empty store): where replication resumes.</summary>
    public long HighWaterMark(DbTransaction? transaction = null) =>
        Scalar<long>(transaction, "SELECT COALESCE(MAX(id), 0) FROM odesk_debug_req");

    /// <summary>Raw rows in the store.</summary>
    public long RawRowCount() => Scalar<long>(null, "SELECT COUNT(*) FROM odesk_debug_req");

    /// <summary>Whether a response with this SHA-1 is already stored with its payload.</summary>
    public bool HasPayload(string sha, DbTransaction? transaction = null)
    {
        using var command = Command(transaction, "SELECT COUNT(*) FROM odesk_debug_req WHERE sha = @sha AND length(data) > 0", ("sha", sha));
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>The SHA-1 of raw row <paramref name="id"/>, or null when there is no such row.</summary>
    public string? ShaOf(long id)
    {
        using var command = Command(null, "SELECT sha FROM odesk_debug_req WHERE id = @id", ("id", id));
        return command.ExecuteScalar() as string;
    }

    /// <summary>Hands the id and SHA-1 of every raw row stored with a payload to <paramref name="handler"/>, in id order.</summary>
    public void ReadPayloadShas(Action<long, string> handler)
    {
        using var command = Command(null, "SELECT id, sha FROM odesk_debug_req WHERE length(data) > 0 ORDER BY id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            handler(reader.GetInt64(0), reader.GetString(1));
        }
    }

    /// <summary>Inserts raw rows as given (ids included).</summary>
    public void InsertRawRows(DbTransaction transaction, IReadOnlyList<RawRow> rows)
    {
        if (rows.Count > 0)
        {
            Engine.InsertRawRows(transaction, rows);
        }
    }

    /// <summary>Reads raw rows with id above <paramref name="afterId"/>, in id order, at most <paramref name="limit"/>.</summary>
    public List<RawRow> ReadRawRows(long afterId, int limit, DbTransaction? transaction = null)
    {
        using var command = Command(transaction, "SELECT id, added_time, sha, data, query FROM odesk_debug_req WHERE id > @after ORDER BY id LIMIT @limit", ("after", afterId), ("limit", limit));
        using var reader = command.ExecuteReader();
        var rows = new List<RawRow>(limit);
        while (reader.Read())
        {
            rows.Add(new RawRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), (byte[])reader.GetValue(3), reader.GetString(4)));
        }
        return rows;
    }

    /// <summary>
    /// Streams the payloads of raw rows with id above <paramref name="afterId"/> in id order, at most
    /// <paramref name="limit"/>, without an array per row. Returns the last id read, or
    /// <paramref name="afterId"/> when there was none.
    /// </summary>
    public long ReadPayloads(long afterId, int limit, PayloadHandler handler) => Engine.ReadPayloads(afterId, limit, handler);

    /// <summary>Appends the batch's jobs at <paramref name="rows"/> (distinct ids) to <c>jobs_staged</c>.</summary>
    public void StageJobs(DbTransaction transaction, JobBatch batch, ReadOnlySpan<int> rows)
    {
        if (rows.Length > 0)
        {
            Engine.StageJobs(transaction, batch, rows);
        }
    }

    /// <summary>
    /// Moves every staged job into <c>jobs</c> in one transaction with the checkpoint's job totals, keeping
    /// the first of each id (the lowest raw id; an id already in <c>jobs</c> keeps its row, which came from
    /// an earlier raw row), and empties <c>jobs_staged</c>. The malformed values that reached <c>jobs</c> are
    /// kept in <c>jobs_malformed</c> until <see cref="TakeMalformedReports"/> reports them. Returns null when
    /// nothing was staged.
    /// </summary>
    /// <remarks>
    /// The engine's merge statements (<see cref="ILakeEngine.MergeStatements"/>) sort the staged rows in
    /// bounded memory (spilling sorted runs to temporary files and merging them once) and insert them in key
    /// order, so every page of the <c>jobs</c> B-tree is written once per merge instead of once per commit.
    /// Within a staged batch the ids are distinct, so (job_id, raw_id) is a key of <c>jobs_staged</c>; and
    /// every staged raw id is above those of the rows already in <c>jobs</c>, so a staged row whose
    /// (job_id, raw_id) is in <c>jobs</c> after the insert is one this merge wrote.
    /// </remarks>
    /// <exception cref="ConcurrentMigrationException">Another migration moved the checkpoint meanwhile; nothing was written.</exception>
    public (MigrationTotals Totals, long Staged, long Written, long Failed)? MergeStagedJobs(Action? beforeCommit = null)
    {
        using var transaction = Begin();
        var before = ReadCheckpoint(transaction);
        // Claims the checkpoint row first (a compare-and-set on the totals just read): PostgreSQL locks it
        // until this transaction ends, so no other run can commit staged rows or merge meanwhile; SQLite's
        // write transaction already excludes every other writer.
        if (Execute(
                transaction,
                "UPDATE lake_checkpoint SET jobs = jobs WHERE name = @name AND last_raw_id = @last AND jobs = @jobs AND repeated_jobs = @repeated AND failed_jobs = @failed",
                ("name", JobsMigration), ("last", before.LastRawId), ("jobs", before.Jobs), ("repeated", before.RepeatedJobs), ("failed", before.FailedJobs)) != 1)
        {
            return null; // nothing staged has ever committed without a checkpoint row, and a moved one is another run's
        }
        var staged = Scalar<long>(transaction, "SELECT COUNT(*) FROM jobs_staged");
        if (staged == 0)
        {
            return null;
        }
        Execute(transaction, Engine.EmptyTable("jobs_malformed")); // a crashed run's reports: told at most once
        var jobsIsEmpty = Scalar<long>(transaction, "SELECT COUNT(*) FROM (SELECT 1 FROM jobs LIMIT 1) AS any_job") == 0;
        long written = 0;
        foreach (var statement in Engine.MergeStatements(jobsIsEmpty))
        {
            var changed = ExecuteLong(transaction, statement);
            if (statement.StartsWith("INSERT INTO jobs(", StringComparison.Ordinal))
            {
                written = changed; // the one statement that writes jobs; the others set up or rebuild the key
            }
        }
        var failed = ExecuteLong(
            transaction,
            "INSERT INTO jobs_malformed(raw_id, job_id, value, error) SELECT s.raw_id, s.job_id, s.value, s.error FROM jobs_staged s JOIN jobs j ON j.job_id = s.job_id AND j.raw_id = s.raw_id WHERE s.error IS NOT NULL");
        Execute(transaction, Engine.EmptyTable("jobs_staged"));
        var totals = before with
        {
            Jobs = before.Jobs + written,
            RepeatedJobs = before.RepeatedJobs + (staged - written),
            FailedJobs = before.FailedJobs + failed,
        };
        if (!TryMoveCheckpoint(transaction, before.LastRawId, totals))
        {
            throw new ConcurrentMigrationException(before.LastRawId);
        }
        beforeCommit?.Invoke();
        transaction.Commit();
        return (totals, staged, written, failed);
    }

    /// <summary>
    /// Hands each malformed value of the last merge (raw id, job id, value, error; in raw id order) to
    /// <paramref name="report"/>, then forgets them.
    /// </summary>
    public void TakeMalformedReports(Action<long, string, string, string> report)
    {
        using (var command = Command(null, "SELECT raw_id, job_id, value, error FROM jobs_malformed ORDER BY raw_id, job_id"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                report(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
            }
        }
        Execute(null, Engine.EmptyTable("jobs_malformed"));
    }

    /// <summary>Records raw rows that could not be read as responses, with the reason.</summary>
    public void InsertRawErrors(DbTransaction transaction, IReadOnlyList<(long RawId, string Error)> errors)
    {
        foreach (var (rawId, error) in errors)
        {
            Execute(transaction, "INSERT INTO raw_errors(raw_id, error) VALUES (@raw, @error) ON CONFLICT(raw_id) DO NOTHING", ("raw", rawId), ("error", error));
        }
    }

    /// <summary>The jobs migration's checkpoint and totals.</summary>
    public MigrationTotals ReadCheckpoint(DbTransaction? transaction = null)
    {
        using var command = Command(transaction, "SELECT last_raw_id, raw_rows, duplicate_rows, unreadable_rows, jobs, repeated_jobs, failed_jobs FROM lake_checkpoint WHERE name = @name", ("name", JobsMigration));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new MigrationTotals(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6))
            : MigrationTotals.None;
    }

    /// <summary>
    /// Moves the checkpoint from <paramref name="expectedLastRawId"/> to <paramref name="totals"/> in the chunk's
    /// transaction, so the chunk and its checkpoint commit together. Returns false, writing nothing, when the
    /// stored checkpoint is no longer at <paramref name="expectedLastRawId"/>: another migration of the same
    /// lake committed meanwhile (a compare-and-set that both engines evaluate against the committed row).
    /// </summary>
    public bool TryMoveCheckpoint(DbTransaction transaction, long expectedLastRawId, MigrationTotals totals) =>
        Execute(
            transaction,
            "INSERT INTO lake_checkpoint(name, last_raw_id, raw_rows, duplicate_rows, unreadable_rows, jobs, repeated_jobs, failed_jobs) " +
            "VALUES (@name, @last, @raw, @dup, @unreadable, @jobs, @repeated, @failed) " +
            "ON CONFLICT(name) DO UPDATE SET last_raw_id = excluded.last_raw_id, raw_rows = excluded.raw_rows, duplicate_rows = excluded.duplicate_rows, " +
            "unreadable_rows = excluded.unreadable_rows, jobs = excluded.jobs, repeated_jobs = excluded.repeated_jobs, failed_jobs = excluded.failed_jobs " +
            "WHERE lake_checkpoint.last_raw_id = @expected",
            ("name", JobsMigration), ("expected", expectedLastRawId), ("last", totals.LastRawId), ("raw", totals.RawRows), ("dup", totals.DuplicateRows),
            ("unreadable", totals.UnreadableRows), ("jobs", totals.Jobs), ("repeated", totals.RepeatedJobs), ("failed", totals.FailedJobs)) == 1;

    /// <summary>One job, or null.</summary>
    public JobRecord? FindJob(string jobId)
    {
        using var command = Command(null, "SELECT job_id, raw_id, date_created, error FROM jobs WHERE job_id = @job", ("job", jobId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadJob(reader) : null;
    }

    /// <summary>Every job, ordered by id (tests and comparisons; not for big tables in a loop).</summary>
    public List<JobRecord> AllJobs()
    {
        using var command = Command(null, "SELECT job_id, raw_id, date_created, error FROM jobs ORDER BY job_id");
        using var reader = command.ExecuteReader();
        var jobs = new List<JobRecord>();
        while (reader.Read())
        {
            jobs.Add(ReadJob(reader));
        }
        return jobs;
    }

    /// <summary>The <c>raw_errors</c> table, by raw id.</summary>
    public List<(long RawId, string Error)> RawErrors()
    {
        using var command = Command(null, "SELECT raw_id, error FROM raw_errors ORDER BY raw_id");
        using var reader = command.ExecuteReader();
        var errors = new List<(long, string)>();
        while (reader.Read())
        {
            errors.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        return errors;
    }

    /// <summary>
    /// Jobs created strictly after <paramref name="after"/> (epoch seconds; null: all), oldest first, at most
    /// <paramref name="limit"/>: the "only newer than what I already saw" query.
    /// </summary>
    public List<JobRecord> JobsCreatedAfter(long? after, int limit)
    {
        using var command = Command(
            null,
            "SELECT job_id, raw_id, date_created, error FROM jobs WHERE date_created IS NOT NULL AND date_created > @after ORDER BY date_created, job_id LIMIT @limit",
            ("after", after ?? long.MinValue), ("limit", limit));
        using var reader = command.ExecuteReader();
        var jobs = new List<JobRecord>();
        while (reader.Read())
        {
            jobs.Add(ReadJob(reader));
        }
        return jobs;
    }

    /// <summary>The newest <c>date_created</c> a reader has seen, or null for a new reader.</summary>
    public long? ReaderMark(string reader)
    {
        using var command = Command(null, "SELECT newest_seen FROM lake_reader WHERE reader = @reader", ("reader", reader));
        var value = command.ExecuteScalar();
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Moves a reader's mark forward (never back) to <paramref name="newestSeen"/>.</summary>
    public void MoveReaderMark(string reader, long newestSeen) =>
        Execute(
            null,
            "INSERT INTO lake_reader(reader, newest_seen) VALUES (@reader, @seen) ON CONFLICT(reader) DO UPDATE SET newest_seen = CASE WHEN excluded.newest_seen > lake_reader.newest_seen THEN excluded.newest_seen ELSE lake_reader.newest_seen END",
            ("reader", reader), ("seen", newestSeen));

    private static JobRecord ReadJob(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt64(1),
        reader.IsDBNull(2) ? null : reader.GetInt64(2),
        reader.IsDBNull(3) ? null : reader.GetString(3));

    private T Scalar<T>(DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A statement that may run for minutes on a big lake (the merge): no command timeout.</summary>
    private int ExecuteLong(DbTransaction transaction, string sql)
    {
        using var command = Command(transaction, sql);
        command.CommandTimeout = 0;
        return command.ExecuteNonQuery();
    }

    private int Execute(DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private DbCommand Command(DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = Engine.Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose() => Engine.Dispose();
}

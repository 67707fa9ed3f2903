using System.Data.Common;
using UpStats.Lake.Migration;
using UpStats.Lake.Store;

namespace UpStats.Lake.Engines;

/// <summary>
/// What differs between the lake's database engines, and nothing more: column types and the two bulk
/// inserts (each engine has its own fast path). Every SQL flow shared by the engines lives once, in
/// <see cref="LakeDatabase"/>, written in the SQL both engines accept (<c>@name</c> parameters,
/// <c>ON CONFLICT</c>).
/// </summary>
internal interface ILakeEngine : IDisposable
{
    /// <summary><c>sqlite</c> or <c>postgresql</c>, for messages.</summary>
    string Name { get; }

    /// <summary>The open connection.</summary>
    DbConnection Connection { get; }

    /// <summary>The 64-bit integer column type (<c>INTEGER</c> in SQLite: its rowid alias for the raw id).</summary>
    string IntegerType { get; }

    /// <summary>The binary column type of <c>data</c> (<c>BLOB</c>, <c>bytea</c>).</summary>
    string BlobType { get; }

    /// <summary>
    /// What follows <c>CREATE TABLE jobs(…)</c>, a table keyed by text: SQLite's <c>WITHOUT ROWID</c> keeps
    /// it in one B-tree (the job id) instead of a rowid table plus an index.
    /// </summary>
    string TextKeyedTableOptions { get; }

    /// <summary>
    /// Raw rows per migration chunk unless told otherwise, measured per engine (see the sample's README): 2,000
    /// on both. SQLite runs fastest with it at a flat working set; on PostgreSQL, 2,000 took 1.92–1.98 s for
    /// the 100k-row store against 2.18–2.26 s with 1,000 (fewer queries), for 55 MB of working set instead
    /// of 44 (Npgsql's buffers grow with the chunk); 4,000 was no faster and took 67–70 MB.
    /// </summary>
    int DefaultChunkSize { get; }

    /// <summary>
    /// Raw rows per migration transaction unless told otherwise (whole chunks): 6,000 on SQLite, 20,000 on
    /// PostgreSQL. Each commit costs a round of log writes, and the writer parses, sorts and stages the whole
    /// transaction at its commit while the decoders wait for it: on SQLite, smaller transactions spread that
    /// work (1M raw rows: 7.0–7.4 s per 4,000 or 6,000 against 7.6–8.4 s per 20,000, 8 chunks in flight).
    /// PostgreSQL: 100k raw rows took 9.1 s with a commit per 1,000 and 5.5–6.6 s per 20,000 (same load).
    /// </summary>
    int DefaultCommitRows { get; }

    /// <summary>
    /// Hands the payload (<c>data</c>) of each raw row with id above <paramref name="afterId"/> to
    /// <paramref name="handler"/>, in id order, at most <paramref name="limit"/> rows; the span is valid only
    /// during the call. Returns the last id read, or <paramref name="afterId"/> when there was none.
    /// </summary>
    long ReadPayloads(long afterId, int limit, PayloadHandler handler);

    /// <summary>Inserts raw rows with their ids as given.</summary>
    void InsertRawRows(DbTransaction transaction, IReadOnlyList<RawRow> rows);

    /// <summary>
    /// Appends the batch's jobs at <paramref name="rows"/> (distinct job ids within the batch) to
    /// <c>jobs_staged</c>, in that order: <c>raw_id</c>, <c>job_id</c>, <c>date_created</c>, <c>error</c>, and
    /// the value as it was sent (<c>value</c>) for a job with an error, so its report can quote it. Appending
    /// is each engine's bulk path (SQLite's statement API, PostgreSQL's binary <c>COPY</c>); the staged rows
    /// reach <c>jobs</c> in one sorted merge at the end of the run (<see cref="LakeDatabase.MergeStagedJobs"/>).
    /// </summary>
    void StageJobs(DbTransaction transaction, JobBatch batch, ReadOnlySpan<int> rows);

    /// <summary>
    /// The statements that move <c>jobs_staged</c> into <c>jobs</c>, in the merge's transaction: for each
    /// staged id the row with the lowest raw id, unless <c>jobs</c> already has the id; exactly one statement
    /// starts with <c>INSERT INTO jobs(</c>, and its count is the rows written. <paramref name="jobsIsEmpty"/> lets an engine load an empty table its own
    /// fastest way.
    /// </summary>
    IReadOnlyList<string> MergeStatements(bool jobsIsEmpty);

    /// <summary>
    /// Copies what the write-ahead log holds of committed transactions into the database file, alongside any
    /// writer: on SQLite a passive checkpoint (also done when the last connection closes, and whenever the
    /// log reaches 1,000 pages), on PostgreSQL nothing (the server checkpoints on its own).
    /// </summary>
    void CheckpointLog();

    /// <summary>
    /// The statement that removes every row of <paramref name="table"/> within a transaction, each engine's
    /// cheapest: SQLite's <c>DELETE</c> with no <c>WHERE</c> drops the table's pages whole; PostgreSQL's
    /// <c>TRUNCATE</c> swaps in an empty file instead of marking each row dead.
    /// </summary>
    string EmptyTable(string table);
}

/// <summary>A raw row's payload handed to a migration: its id and its bytes, valid only during the call.</summary>
internal delegate void PayloadHandler(long rawId, ReadOnlySpan<byte> data);

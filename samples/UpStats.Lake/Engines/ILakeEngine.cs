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

    /// <summary>Inserts raw rows with their ids as given.</summary>
    void InsertRawRows(DbTransaction transaction, IReadOnlyList<RawRow> rows);

    /// <summary>
    /// Inserts the batch's jobs, keeping the existing row when a job id is already present, and marks in
    /// <see cref="JobBatch.Inserted"/> which ones were new.
    /// </summary>
    void InsertJobs(DbTransaction transaction, JobBatch batch);
}

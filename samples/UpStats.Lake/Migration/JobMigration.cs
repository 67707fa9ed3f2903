using System.Buffers;
using System.Data.Common;
using UpStats.Lake.Engines;
using UpStats.Lake.Store;

namespace UpStats.Lake.Migration;

/// <summary>
/// Re-derives <c>jobs.date_created</c> (UTC epoch seconds) from the raw responses, streaming: one chunk of raw
/// rows at a time is read, inflated, scanned and parsed as one column, and written together with the
/// checkpoint in one transaction. So memory depends on the chunk size only; a run killed at any moment
/// loses at most the chunk in flight (rolled back) and the next run resumes after the last committed one;
/// and a finished run has nothing left to do (idempotent).
/// </summary>
/// <remarks>
/// Rules, which a clean run and any interrupted-and-resumed sequence of runs both follow (so they give the
/// same table): raw rows are taken in id order; a job id is written once, from the lowest raw id that
/// carries it (later ones are counted as repeated); a duplicate row (empty <c>data</c>) carries no jobs of
/// its own (its response is the earlier row with the same <c>sha</c>, already migrated) and is counted; a
/// row that is not a readable response goes to <c>raw_errors</c> with the reason.
/// </remarks>
internal sealed class JobMigration(LakeDatabase database, int chunkSize = JobMigration.DefaultChunkSize)
{
    /// <summary>Raw rows per chunk (and per transaction) unless told otherwise.</summary>
    public const int DefaultChunkSize = 2000;

    private readonly JobBatch _batch = new();
    private readonly DateCreatedColumn _dates = new();
    private readonly ArrayBufferWriter<byte> _json = new(64 * 1024);
    private readonly HashSet<string> _seenInChunk = new(StringComparer.Ordinal);
    private readonly List<(long RawId, string Error)> _unreadable = [];

    /// <summary>Called with the chunk number after the chunk's writes, before its commit (tests simulate a crash there).</summary>
    public Action<int>? BeforeCommit { get; init; }

    /// <summary>Called with the chunk number after the chunk committed (tests simulate a crash there).</summary>
    public Action<int>? AfterCommit { get; init; }

    /// <summary>Migrates every raw row after the checkpoint; returns the totals (of all runs so far).</summary>
    public MigrationTotals Run(IMigrationProgress progress, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var totals = database.ReadCheckpoint();
        progress.Started(totals, database.RawRowCount() - totals.RawRows);
        for (var number = 1; ; number++)
        {
            cancellation.ThrowIfCancellationRequested();
            using var transaction = database.Begin();
            var chunk = MigrateChunk(transaction, number, totals, out var next);
            if (chunk is null)
            {
                transaction.Commit();
                return totals;
            }
            BeforeCommit?.Invoke(number);
            transaction.Commit();
            totals = next;
            Report(progress, chunk, totals);
            AfterCommit?.Invoke(number);
        }
    }

    private ChunkReport? MigrateChunk(DbTransaction transaction, int number, MigrationTotals totals, out MigrationTotals next)
    {
        _batch.Clear();
        _seenInChunk.Clear();
        _unreadable.Clear();
        int rawRows = 0, duplicates = 0, repeatedInChunk = 0;
        long firstId = 0;
        var lastId = database.ReadPayloads(transaction, totals.LastRawId, chunkSize, (rawId, data, length) =>
        {
            if (rawRows++ == 0)
            {
                firstId = rawId;
            }
            if (length == 0)
            {
                duplicates++;
                return;
            }
            if (!TryInflate(data, length, out var error) ||
                !JobExtractor.TryExtract(rawId, _json.WrittenSpan, _batch, _seenInChunk, out var extracted, out error))
            {
                _unreadable.Add((rawId, error!));
                return;
            }
            repeatedInChunk += extracted.RepeatedInChunk;
        });
        if (rawRows == 0)
        {
            next = totals;
            return null;
        }

        _dates.Parse(_batch);
        database.InsertJobs(transaction, _batch);
        database.InsertRawErrors(transaction, _unreadable);
        int written = 0, failed = 0;
        for (var i = 0; i < _batch.Count; i++)
        {
            if (_batch.Inserted[i])
            {
                written++;
                failed += _batch.Errors[i] is null ? 0 : 1;
            }
        }
        next = new MigrationTotals(
            lastId,
            totals.RawRows + rawRows,
            totals.DuplicateRows + duplicates,
            totals.UnreadableRows + _unreadable.Count,
            totals.Jobs + written,
            totals.RepeatedJobs + repeatedInChunk + (_batch.Count - written),
            totals.FailedJobs + failed);
        database.WriteCheckpoint(transaction, next);
        return new ChunkReport(number, firstId, lastId, rawRows, written, failed);
    }

    private bool TryInflate(byte[] data, int length, out string? error)
    {
        try
        {
            RawPayload.Decompress(data, length, _json);
            error = null;
            return true;
        }
        catch (InvalidDataException ex)
        {
            error = $"data is not zlib: {ex.Message}";
            return false;
        }
    }

    private void Report(IMigrationProgress progress, ChunkReport chunk, MigrationTotals totals)
    {
        for (var i = 0; i < _batch.Count; i++)
        {
            if (_batch.Inserted[i] && _batch.Errors[i] is { } error)
            {
                progress.Malformed(_batch.RawIds[i], _batch.JobIds[i], _batch.DateTextString(i), error);
            }
        }
        foreach (var (rawId, error) in _unreadable)
        {
            progress.Unreadable(rawId, error);
        }
        progress.ChunkCommitted(chunk, totals);
    }
}

using System.Buffers;
using System.Data.Common;
using System.Threading.Channels;
using UpStats.Lake.Engines;
using UpStats.Lake.Store;

namespace UpStats.Lake.Migration;

/// <summary>
/// Re-derives <c>jobs.date_created</c> (UTC epoch seconds) from the raw responses, streaming: chunks of raw
/// rows are read, inflated and scanned; every <c>chunksPerCommit</c> chunks, their jobs are parsed as one
/// column and written together with the checkpoint in one transaction. So memory depends on the chunk and
/// transaction sizes only; a run killed at any moment loses at most the transaction in flight (rolled back)
/// and the next run resumes after the last committed one; and a finished run has nothing left to do
/// (idempotent).
/// </summary>
/// <remarks>
/// <para>
/// Rules, which a clean run and any interrupted-and-resumed sequence of runs both follow (so they give the
/// same table): raw rows are taken in id order; a job id is written once, from the lowest raw id that
/// carries it (later ones are counted as repeated); a duplicate row (empty <c>data</c>) carries no jobs of
/// its own (its response is the earlier row with the same <c>sha</c>, already migrated) and is counted; a
/// row that is not a readable response goes to <c>raw_errors</c> with the reason.
/// </para>
/// <para>
/// Three stages, so both cores work: a reader (its own connection) reads chunk k+2 while decoders on the
/// thread pool inflate and scan chunks k+1 and k (the costly part) and the writer adds the decoded chunks,
/// in order, to the open transaction. At most <see cref="ChunksInFlight"/> chunks exist at once. Only the
/// writer commits, in id order, so read-ahead never affects what a crash leaves behind.
/// </para>
/// </remarks>
internal sealed class JobMigration(LakeDatabase database, int? chunkSize = null, int chunksPerCommit = 1)
{
    private readonly int _chunkSize = chunkSize ?? database.Engine.DefaultChunkSize;

    /// <summary>
    /// Chunks allocated for the pipeline: one being read, two being decoded (one per core), one being written,
    /// and two decoded ahead, so that the decoders keep going while the writer commits (with four in all,
    /// they stopped at every commit). The reader blocks when all are taken, so memory stays flat however many
    /// rows there are. About 3 MB a chunk: on 1M raw rows, 8 chunks took 3% less time than 6, but peaked at
    /// 101.7 MiB in the framework-dependent build (97.2 MiB with 6; the Native AOT build, 30 MiB less).
    /// </summary>
    private const int ChunksInFlight = 6;

    /// <summary>Jobs per raw row to size buffers for (the generator's responses carry 3.5 on average, at most 8).</summary>
    private const int ExpectedJobsPerRow = 4;

    private readonly DateCreatedColumn _dates = new();

    // The jobs of the open transaction, written at its commit in one call, the first of each id in id order
    // (see JobBatch.FirstOfEachIdInIdOrder and SqliteEngine.InsertJobs).
    private readonly JobBatch _transactionJobs = new(ExpectedJobsPerRow * (chunkSize ?? database.Engine.DefaultChunkSize) * Math.Max(chunksPerCommit, 1));

    /// <summary>
    /// Called with the number of the last chunk of a transaction after its writes, before its commit (tests
    /// simulate a crash there).
    /// </summary>
    public Action<int>? BeforeCommit { get; init; }

    /// <summary>Called with the number of the last chunk of a transaction after it committed (tests simulate a crash there).</summary>
    public Action<int>? AfterCommit { get; init; }

    /// <summary>Called after the final merge's writes, before its commit (tests simulate a crash there).</summary>
    public Action? BeforeMergeCommit { get; init; }

    /// <summary>Migrates every raw row after the checkpoint; returns the totals (of all runs so far).</summary>
    public MigrationTotals Run(IMigrationProgress progress, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(_chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunksPerCommit, 1);
        var totals = database.ReadCheckpoint();
        _transactionJobs.Clear();

        var free = Channel.CreateBounded<Chunk>(ChunksInFlight);
        // Decoded chunks in id order: the reader queues each chunk's decoding task as it starts it, so the
        // writer takes them in order however the decoders finish.
        var decoded = Channel.CreateBounded<Task<Chunk>>(ChunksInFlight);
        for (var i = 0; i < ChunksInFlight; i++)
        {
            free.Writer.TryWrite(new Chunk(_chunkSize));
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        // The reader gets a thread of its own: it blocks while all chunks are taken, and on the thread pool it
        // would hold one of the pool's few threads (one per core), leaving the decoders one fewer.
        var reader = Task.Factory.StartNew(
            () => ReadChunks(totals.LastRawId, free.Reader, decoded.Writer, stop.Token),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            // Counted once the reader is under way: counting reads the whole raw table, and the reader and
            // decoders have the other core meanwhile (alone, the count held up the first chunk).
            progress.Started(totals, database.RawRowCount() - totals.RawRows);
            var pending = new Commit(totals);
            for (var number = 1; ; number++)
            {
                cancellation.ThrowIfCancellationRequested();
                if (!decoded.Reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
                {
                    // Every chunk is in: a reader that failed completed the channel with its exception, which
                    // the wait above throws. It may still be checkpointing the log (see ReadChunks) while this
                    // thread commits and merges; the finally below waits for it.
                    if (!pending.IsEmpty)
                    {
                        totals = CommitPending(pending, number - 1, progress);
                    }
                    // Also after a run that found nothing to read: a crash may have left staged jobs behind.
                    return Merge(progress) ?? totals;
                }
                decoded.Reader.TryRead(out var decoding);
                var chunk = decoding!.GetAwaiter().GetResult();
                pending.Transaction ??= database.Begin();
                Write(chunk, number, pending);
                free.Writer.TryWrite(chunk);
                if (pending.Chunks.Count == chunksPerCommit)
                {
                    totals = CommitPending(pending, number, progress);
                    pending = new Commit(totals);
                }
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                reader.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // Stopped because the writer stopped.
            }
        }
    }

    /// <summary>
    /// The reader stage: reads chunks in id order from its own connection until no row is left, and starts
    /// decoding each (inflate and JSON scan, the costly part) on the thread pool, so both cores decode.
    /// </summary>
    private void ReadChunks(long afterId, ChannelReader<Chunk> free, ChannelWriter<Task<Chunk>> decoded, CancellationToken stop)
    {
        Exception? failure = null;
        try
        {
            using var connection = database.OpenAnotherConnection();
            while (true)
            {
                var chunk = free.ReadAsync(stop).AsTask().GetAwaiter().GetResult();
                chunk.Read(connection, afterId, _chunkSize);
                if (chunk.RawRows == 0)
                {
                    // Nothing left to read: the writer goes on to its last chunks, its last commit and the merge
                    // while this thread copies the log's committed pages into the database file, so the copy
                    // at close holds little more than the merge's own pages.
                    decoded.TryComplete();
                    connection.CheckpointLog();
                    return;
                }
                afterId = chunk.LastRawId;
                decoded.WriteAsync(Task.Run(chunk.Decode, CancellationToken.None), stop).AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            decoded.TryComplete(failure);
        }
    }

    /// <summary>
    /// The writer stage, per chunk: records its unreadable rows in the open transaction and adds its jobs to
    /// the transaction's batch.
    /// </summary>
    private void Write(Chunk chunk, int number, Commit pending)
    {
        database.InsertRawErrors(pending.Transaction!, chunk.Unreadable);
        pending.Unreadable.AddRange(chunk.Unreadable);
        var batch = chunk.Batch;
        var start = _transactionJobs.Count;
        for (var i = 0; i < batch.Count; i++)
        {
            _transactionJobs.AddFrom(batch, i);
        }
        pending.Chunks.Add(new PendingChunk(number, chunk.FirstRawId, chunk.LastRawId, chunk.RawRows, chunk.Duplicates, chunk.Unreadable.Count, start, _transactionJobs.Count));
    }

    /// <summary>
    /// Parses the transaction's date column (one call to the library's batch parser), writes its jobs, moves
    /// the checkpoint to the last chunk written and commits: the chunks and their checkpoint commit together
    /// or not at all. Then reports them.
    /// </summary>
    private MigrationTotals CommitPending(Commit pending, int lastChunk, IMigrationProgress progress)
    {
        var jobs = _transactionJobs;
        var totals = pending.Started;
        var committed = new List<(ChunkReport Chunk, MigrationTotals Totals)>(pending.Chunks.Count);
        using (var transaction = pending.Transaction!)
        {
            _dates.Parse(jobs);
            // A job id carried by an earlier raw row of this transaction is a repeat: only its first job is
            // staged; the final merge decides between transactions (the lowest raw id wins there too).
            var staged = jobs.FirstOfEachIdInIdOrder();
            database.StageJobs(transaction, jobs, staged);
            var inserted = jobs.Inserted;
            foreach (var i in staged)
            {
                inserted[i] = true;
            }
            foreach (var chunk in pending.Chunks)
            {
                int kept = 0, failed = 0;
                for (var i = chunk.JobStart; i < chunk.JobEnd; i++)
                {
                    if (inserted[i])
                    {
                        kept++;
                        failed += jobs.Errors[i] is null ? 0 : 1;
                    }
                }
                // Jobs and malformed values are counted when the merge writes them; a repeat within the
                // transaction is known now.
                totals = totals with
                {
                    LastRawId = chunk.LastRawId,
                    RawRows = totals.RawRows + chunk.RawRows,
                    DuplicateRows = totals.DuplicateRows + chunk.Duplicates,
                    UnreadableRows = totals.UnreadableRows + chunk.Unreadable,
                    RepeatedJobs = totals.RepeatedJobs + (chunk.JobEnd - chunk.JobStart - kept),
                };
                committed.Add((new ChunkReport(chunk.Number, chunk.FirstRawId, chunk.LastRawId, chunk.RawRows, kept, failed), totals));
            }
            if (!database.TryMoveCheckpoint(transaction, pending.Started.LastRawId, totals))
            {
                // Rolled back by the using: this run's read-ahead is stale, and the other run owns the rest.
                throw new ConcurrentMigrationException(pending.Started.LastRawId);
            }
            BeforeCommit?.Invoke(lastChunk);
            transaction.Commit();
        }
        _transactionJobs.Clear();
        // Told only once the transaction committed (a crash before it would tell them twice).
        foreach (var (rawId, error) in pending.Unreadable)
        {
            progress.Unreadable(rawId, error);
        }
        foreach (var (chunk, chunkTotals) in committed)
        {
            progress.ChunkCommitted(chunk, chunkTotals);
        }
        AfterCommit?.Invoke(lastChunk);
        return totals;
    }

    /// <summary>
    /// Moves the staged jobs into <c>jobs</c> (one sorted merge, see <see cref="LakeDatabase.MergeStagedJobs"/>),
    /// then reports the malformed values it wrote. Returns the new totals, or null when nothing was staged.
    /// </summary>
    private MigrationTotals? Merge(IMigrationProgress progress)
    {
        if (database.MergeStagedJobs(BeforeMergeCommit) is not { } merge)
        {
            return null;
        }
        // Told only once the merge committed, like the chunks.
        database.TakeMalformedReports(progress.Malformed);
        progress.Merged(new MergeReport(merge.Staged, merge.Written, merge.Failed), merge.Totals);
        return merge.Totals;
    }

    /// <summary>
    /// A transaction being filled: its chunks commit together with the checkpoint. A few chunks per commit
    /// instead of one keep the rounds of log writes few; fewer keep the writer's work at each commit short
    /// (see <see cref="ILakeEngine.DefaultCommitRows"/>). Its jobs wait in the migration's transaction batch
    /// (about 2 MB for 6,000 raw rows), its unreadable rows in the transaction.
    /// </summary>
    private sealed class Commit(MigrationTotals started)
    {
        public MigrationTotals Started { get; } = started;
        public DbTransaction? Transaction { get; set; }
        public List<PendingChunk> Chunks { get; } = [];
        public List<(long RawId, string Error)> Unreadable { get; } = [];
        public bool IsEmpty => Chunks.Count == 0;
    }

    /// <summary>A chunk written into the open transaction: its counts and its jobs' range in the transaction's batch.</summary>
    private sealed record PendingChunk(int Number, long FirstRawId, long LastRawId, int RawRows, int Duplicates, int Unreadable, int JobStart, int JobEnd);

    /// <summary>One chunk of raw rows: read, then decoded into a batch; reused from chunk to chunk.</summary>
    private sealed class Chunk(int rows)
    {
        private readonly ArrayBufferWriter<byte> _json = new(64 * 1024);
        // Sized for the chunk at once (stored payloads are about 800 bytes), so no outgrown copies pile up.
        private byte[] _payloads = new byte[rows * 1024];
        private int _payloadBytes;
        private readonly List<(long RawId, int Start, int Length)> _rows = [];

        public JobBatch Batch { get; } = new(ExpectedJobsPerRow * rows);
        public List<(long RawId, string Error)> Unreadable { get; } = [];
        public int RawRows => _rows.Count;
        public int Duplicates { get; private set; }
        public long FirstRawId => _rows.Count == 0 ? 0 : _rows[0].RawId;
        public long LastRawId => _rows.Count == 0 ? 0 : _rows[^1].RawId;

        /// <summary>Reads the payloads of the raw rows after <paramref name="afterId"/> into this chunk (no decoding yet).</summary>
        public void Read(LakeDatabase connection, long afterId, int limit)
        {
            _rows.Clear();
            _payloadBytes = 0;
            connection.ReadPayloads(afterId, limit, (rawId, data) =>
            {
                var length = data.Length;
                if (_payloadBytes + length > _payloads.Length)
                {
                    Array.Resize(ref _payloads, Math.Max(_payloads.Length * 2, _payloadBytes + length));
                }
                data.CopyTo(_payloads.AsSpan(_payloadBytes));
                _rows.Add((rawId, _payloadBytes, length));
                _payloadBytes += length;
            });
        }

        /// <summary>Inflates and scans every payload read into the batch.</summary>
        public Chunk Decode()
        {
            Batch.Clear();
            Unreadable.Clear();
            Duplicates = 0;
            foreach (var (rawId, start, length) in _rows)
            {
                if (length == 0)
                {
                    Duplicates++;
                    continue;
                }
                if (!TryInflate(_payloads.AsSpan(start, length), _json, out var error) ||
                    !JobExtractor.TryExtract(rawId, _json.WrittenSpan, Batch, out error))
                {
                    Unreadable.Add((rawId, error!));
                }
            }
            return this;
        }

        private static bool TryInflate(ReadOnlySpan<byte> payload, ArrayBufferWriter<byte> json, out string? error)
        {
            if (RawPayload.TryDecompress(payload, json, out var reason))
            {
                error = null;
                return true;
            }
            error = $"data is not zlib: {reason}";
            return false;
        }
    }
}

/// <summary>Another migration of the same lake committed chunks while this one ran; this one stopped without writing.</summary>
internal sealed class ConcurrentMigrationException(long expectedLastRawId)
    : Exception($"another migration of this lake moved the checkpoint past raw id {expectedLastRawId} meanwhile; this run stopped without writing its chunk (run migrate again to continue)");

using System.Buffers;
using System.Data.Common;
using System.Threading.Channels;
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
/// <para>
/// Rules, which a clean run and any interrupted-and-resumed sequence of runs both follow (so they give the
/// same table): raw rows are taken in id order; a job id is written once, from the lowest raw id that
/// carries it (later ones are counted as repeated); a duplicate row (empty <c>data</c>) carries no jobs of
/// its own (its response is the earlier row with the same <c>sha</c>, already migrated) and is counted; a
/// row that is not a readable response goes to <c>raw_errors</c> with the reason.
/// </para>
/// <para>
/// Two stages on two threads, so both cores work: a reader (its own connection) reads, inflates and scans
/// chunk k+1 while the writer parses and writes chunk k. At most <see cref="ChunksInFlight"/> chunks exist at
/// once, so memory stays flat. Only the writer commits, in id order, so read-ahead never affects what a
/// crash leaves behind. Measured on the 100k-row store: reading, inflating and scanning take about 60% of
/// the time, parsing and writing 40%; one thread doing both was about 1.6 times slower.
/// </para>
/// </remarks>
internal sealed class JobMigration(LakeDatabase database, int? chunkSize = null, int chunksPerCommit = 1)
{
    private readonly int _chunkSize = chunkSize ?? database.Engine.DefaultChunkSize;

    /// <summary>
    /// Chunks allocated for the pipeline: one being read, two being decoded (one per core), one being written.
    /// The reader blocks when all four are taken, so memory stays flat however many rows there are.
    /// </summary>
    private const int ChunksInFlight = 4;

    private readonly DateCreatedColumn _dates = new();

    /// <summary>
    /// Called with the number of the last chunk of a transaction after its writes, before its commit (tests
    /// simulate a crash there).
    /// </summary>
    public Action<int>? BeforeCommit { get; init; }

    /// <summary>Called with the number of the last chunk of a transaction after it committed (tests simulate a crash there).</summary>
    public Action<int>? AfterCommit { get; init; }

    /// <summary>Migrates every raw row after the checkpoint; returns the totals (of all runs so far).</summary>
    public MigrationTotals Run(IMigrationProgress progress, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(_chunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunksPerCommit, 1);
        var totals = database.ReadCheckpoint();
        progress.Started(totals, database.RawRowCount() - totals.RawRows);

        var free = Channel.CreateBounded<Chunk>(ChunksInFlight);
        // Decoded chunks in id order: the reader queues each chunk's decoding task as it starts it, so the
        // writer takes them in order however the decoders finish.
        var decoded = Channel.CreateBounded<Task<Chunk>>(ChunksInFlight);
        for (var i = 0; i < ChunksInFlight; i++)
        {
            free.Writer.TryWrite(new Chunk());
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var reader = Task.Run(() => ReadChunks(totals.LastRawId, free.Reader, decoded.Writer, stop.Token), CancellationToken.None);
        try
        {
            var pending = new Commit(totals);
            for (var number = 1; ; number++)
            {
                cancellation.ThrowIfCancellationRequested();
                if (!decoded.Reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
                {
                    reader.GetAwaiter().GetResult(); // the reader's failure, if any
                    return pending.IsEmpty ? totals : CommitPending(pending, number - 1, progress);
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

    /// <summary>The writer stage: parses the chunk's column and writes its jobs and errors into the open transaction.</summary>
    private void Write(Chunk chunk, int number, Commit pending)
    {
        var batch = chunk.Batch;
        _dates.Parse(batch);
        database.InsertJobs(pending.Transaction!, batch);
        database.InsertRawErrors(pending.Transaction!, chunk.Unreadable);
        int written = 0, failed = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (!batch.Inserted[i])
            {
                continue;
            }
            written++;
            if (batch.Errors[i] is { } error)
            {
                failed++;
                // Told only once the transaction commits (a crash before it would tell it twice).
                pending.Malformed.Add((batch.RawIds[i], batch.JobIds[i], batch.DateTextString(i), error));
            }
        }
        pending.Unreadable.AddRange(chunk.Unreadable);
        var totals = pending.Totals;
        pending.Totals = new MigrationTotals(
            chunk.LastRawId,
            totals.RawRows + chunk.RawRows,
            totals.DuplicateRows + chunk.Duplicates,
            totals.UnreadableRows + chunk.Unreadable.Count,
            totals.Jobs + written,
            totals.RepeatedJobs + chunk.RepeatedInChunk + (batch.Count - written),
            totals.FailedJobs + failed);
        pending.Chunks.Add((new ChunkReport(number, chunk.FirstRawId, chunk.LastRawId, chunk.RawRows, written, failed), pending.Totals));
    }

    /// <summary>
    /// Moves the checkpoint to the last chunk written and commits: the chunks and their checkpoint commit
    /// together or not at all. Then reports them.
    /// </summary>
    private MigrationTotals CommitPending(Commit pending, int lastChunk, IMigrationProgress progress)
    {
        using (var transaction = pending.Transaction!)
        {
            if (!database.TryMoveCheckpoint(transaction, pending.Started.LastRawId, pending.Totals))
            {
                // Rolled back by the using: this run's read-ahead is stale, and the other run owns the rest.
                throw new ConcurrentMigrationException(pending.Started.LastRawId);
            }
            BeforeCommit?.Invoke(lastChunk);
            transaction.Commit();
        }
        foreach (var (rawId, jobId, value, error) in pending.Malformed)
        {
            progress.Malformed(rawId, jobId, value, error);
        }
        foreach (var (rawId, error) in pending.Unreadable)
        {
            progress.Unreadable(rawId, error);
        }
        foreach (var (chunk, totals) in pending.Chunks)
        {
            progress.ChunkCommitted(chunk, totals);
        }
        AfterCommit?.Invoke(lastChunk);
        return pending.Totals;
    }

    /// <summary>
    /// The chunks written in one open transaction, and what to report once it commits. Committing every few
    /// chunks instead of every chunk is what makes SQLite fast: each commit appends every page the chunk
    /// touched to the WAL, and random job ids touch most of the jobs table's pages, so fewer commits write
    /// far fewer pages (see the sample's README). Memory does not grow: the rows are in the database's own
    /// bounded page cache (spilled to the WAL when full), only the few malformed values wait here.
    /// </summary>
    private sealed class Commit(MigrationTotals started)
    {
        public MigrationTotals Started { get; } = started;
        public MigrationTotals Totals { get; set; } = started;
        public DbTransaction? Transaction { get; set; }
        public List<(ChunkReport Chunk, MigrationTotals Totals)> Chunks { get; } = [];
        public List<(long RawId, string JobId, string Value, string Error)> Malformed { get; } = [];
        public List<(long RawId, string Error)> Unreadable { get; } = [];
        public bool IsEmpty => Chunks.Count == 0;
    }

    /// <summary>One chunk of raw rows: read, then decoded into a batch; reused from chunk to chunk.</summary>
    private sealed class Chunk
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly ArrayBufferWriter<byte> _json = new(64 * 1024);
        private byte[] _payloads = new byte[256 * 1024];
        private int _payloadBytes;
        private readonly List<(long RawId, int Start, int Length)> _rows = [];

        public JobBatch Batch { get; } = new();
        public List<(long RawId, string Error)> Unreadable { get; } = [];
        public int RawRows => _rows.Count;
        public int Duplicates { get; private set; }
        public int RepeatedInChunk { get; private set; }
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
            _seen.Clear();
            Duplicates = RepeatedInChunk = 0;
            foreach (var (rawId, start, length) in _rows)
            {
                if (length == 0)
                {
                    Duplicates++;
                    continue;
                }
                if (!TryInflate(_payloads, start, length, _json, out var error) ||
                    !JobExtractor.TryExtract(rawId, _json.WrittenSpan, Batch, _seen, out var extracted, out error))
                {
                    Unreadable.Add((rawId, error!));
                    continue;
                }
                RepeatedInChunk += extracted.RepeatedInChunk;
            }
            return this;
        }

        private static bool TryInflate(byte[] payloads, int start, int length, ArrayBufferWriter<byte> json, out string? error)
        {
            try
            {
                RawPayload.Decompress(payloads, start, length, json);
                error = null;
                return true;
            }
            catch (InvalidDataException ex)
            {
                error = $"data is not zlib: {ex.Message}";
                return false;
            }
        }
    }
}

/// <summary>Another migration of the same lake committed chunks while this one ran; this one stopped without writing.</summary>
internal sealed class ConcurrentMigrationException(long expectedLastRawId)
    : Exception($"another migration of this lake moved the checkpoint past raw id {expectedLastRawId} meanwhile; this run stopped without writing its chunk (run migrate again to continue)");

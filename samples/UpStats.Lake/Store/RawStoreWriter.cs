namespace UpStats.Lake.Store;

using UpStats.Lake.Engines;

/// <summary>
/// Appends API responses to <c>odesk_debug_req</c> the way the crawler did: the JSON is rewritten with sorted
/// keys, hashed (SHA-1) and compressed (zlib); a response whose SHA-1 is already stored with a payload gets a
/// row with its <c>sha</c> and empty <c>data</c>, so the history of requests is complete and no payload is
/// kept twice. Rows are written in batches, one transaction each; ids continue after the store's highest.
/// </summary>
internal sealed class RawStoreWriter : IDisposable
{
    private readonly LakeDatabase _database;
    private readonly int _batchSize;
    private readonly List<RawRow> _pending;
    // SHA-1s with a payload among the pending rows (the database's index covers the committed ones).
    private readonly HashSet<string> _pendingPayloads = new(StringComparer.Ordinal);
    private long _nextId;

    /// <summary>A writer appending after the store's current highest id.</summary>
    public RawStoreWriter(LakeDatabase database, int batchSize = 1000)
    {
        _database = database;
        _batchSize = batchSize;
        _pending = new List<RawRow>(batchSize);
        _nextId = database.HighWaterMark() + 1;
    }

    /// <summary>Rows written with a payload.</summary>
    public long PayloadRows { get; private set; }

    /// <summary>Rows written as duplicates (empty data).</summary>
    public long DuplicateRows { get; private set; }

    /// <summary>Stores one response; returns the row written (its data is empty for a duplicate).</summary>
    /// <exception cref="System.Text.Json.JsonException"><paramref name="json"/> is not JSON.</exception>
    public RawRow Store(ReadOnlySpan<byte> json, string query, long addedTime)
    {
        var canonical = RawPayload.Canonicalize(json);
        var sha = RawPayload.Sha1Hex(canonical);
        RawRow row;
        if (_pendingPayloads.Contains(sha) || _database.HasPayload(sha))
        {
            row = new RawRow(_nextId++, addedTime, sha, [], query);
            DuplicateRows++;
        }
        else
        {
            row = new RawRow(_nextId++, addedTime, sha, RawPayload.Compress(canonical), query);
            _pendingPayloads.Add(sha);
            PayloadRows++;
        }
        _pending.Add(row);
        if (_pending.Count >= _batchSize)
        {
            Flush();
        }
        return row;
    }

    /// <summary>Writes the pending rows in one transaction.</summary>
    public void Flush()
    {
        if (_pending.Count == 0)
        {
            return;
        }
        using var transaction = _database.Begin();
        _database.InsertRawRows(transaction, _pending);
        transaction.Commit();
        _pending.Clear();
        _pendingPayloads.Clear();
    }

    /// <summary>Flushes.</summary>
    public void Dispose() => Flush();
}

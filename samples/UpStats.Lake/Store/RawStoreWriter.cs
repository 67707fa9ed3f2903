namespace UpStats.Lake.Store;

using System.Globalization;
using System.Numerics;
using UpStats.Lake.Engines;

/// <summary>
/// Appends API responses to <c>odesk_debug_req</c> the way the crawler did: the JSON is rewritten with sorted
/// keys, hashed (SHA-1) and compressed (zlib); a response whose SHA-1 is already stored with a payload gets a
/// row with its <c>sha</c> and empty <c>data</c>, so the history of requests is complete and no payload is
/// kept twice. Rows are written in batches, one transaction each; ids continue after the store's highest.
/// </summary>
/// <remarks>
/// "Is this SHA-1 stored with a payload?" is answered from memory: the first 64 bits of every payload's
/// SHA-1, mapped to its row id (read from the store once, on the first response, then kept up to date; 8 MB
/// per million payloads). A hit is confirmed by reading that row's <c>sha</c> by id, so the answer is exact;
/// only two different SHA-1s sharing their first 64 bits (never seen; about one chance in 10^7 for a
/// billion payloads) fall back to a scan. This replaced an index on <c>sha</c>, whose random inserts made a
/// 1M-row <c>generate</c> rewrite most of the index at every commit.
/// </remarks>
internal sealed class RawStoreWriter : IDisposable
{
    private readonly LakeDatabase _database;
    private readonly int _batchSize;
    private readonly List<RawRow> _pending;
    private Dictionary<ulong, long>? _payloadIds;

    // The SHA-1s of the last payloads stored, by id (a ring of a power of two slots): a repeated response is
    // usually a recent one, and its SHA-1 is confirmed from here instead of a read of the row (a tenth of
    // generate's writing time). It holds at least a batch, so every row not yet flushed is in it.
    private readonly (long Id, string Sha)[] _recent;
    private readonly long _recentMask;
    private long _nextId;

    /// <summary>A writer appending after the store's current highest id.</summary>
    public RawStoreWriter(LakeDatabase database, int batchSize = 1000)
    {
        _database = database;
        _batchSize = batchSize;
        _pending = new List<RawRow>(batchSize);
        _recent = new (long, string)[BitOperations.RoundUpToPowerOf2((uint)Math.Max(batchSize, 4096))];
        _recentMask = _recent.Length - 1;
        _nextId = database.HighWaterMark() + 1;
    }

    /// <summary>Rows written with a payload.</summary>
    public long PayloadRows { get; private set; }

    /// <summary>Rows written as duplicates (empty data).</summary>
    public long DuplicateRows { get; private set; }

    /// <summary>Stores one response; returns the row written (its data is empty for a duplicate).</summary>
    /// <exception cref="System.Text.Json.JsonException"><paramref name="json"/> is not JSON.</exception>
    public RawRow Store(ReadOnlySpan<byte> json, string query, long addedTime) => Store(PreparedPayload.Prepare(json), query, addedTime);

    /// <summary>
    /// Stores one response prepared beforehand (on any thread: preparing, the costly part, needs no
    /// writer); returns the row written (its data is empty for a duplicate).
    /// </summary>
    public RawRow Store(PreparedPayload payload, string query, long addedTime)
    {
        var prefix = ulong.Parse(payload.Sha.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        RawRow row;
        if (IsStored(payload.Sha, prefix))
        {
            row = new RawRow(_nextId++, addedTime, payload.Sha, [], query);
            DuplicateRows++;
        }
        else
        {
            row = new RawRow(_nextId++, addedTime, payload.Sha, payload.Compressed, query);
            _payloadIds!.TryAdd(prefix, row.Id);
            _recent[row.Id & _recentMask] = (row.Id, row.Sha);
            PayloadRows++;
        }
        _pending.Add(row);
        if (_pending.Count >= _batchSize)
        {
            Flush();
        }
        return row;
    }

    private bool IsStored(string sha, ulong prefix)
    {
        if (_payloadIds is null)
        {
            _payloadIds = [];
            _database.ReadPayloadShas((id, stored) => _payloadIds.TryAdd(
                ulong.Parse(stored.AsSpan(0, Math.Min(16, stored.Length)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), id));
        }
        if (!_payloadIds.TryGetValue(prefix, out var id))
        {
            return false;
        }
        var recent = _recent[id & _recentMask];
        var candidate = recent.Id == id ? recent.Sha : _database.ShaOf(id);
        return string.Equals(candidate, sha, StringComparison.Ordinal) || _database.HasPayload(sha);
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
    }

    /// <summary>Flushes.</summary>
    public void Dispose() => Flush();
}

/// <summary>
/// A response ready to store: the SHA-1 of its canonical JSON and the zlib of it. Preparing is pure (no
/// database), so responses can be prepared on several threads and stored in order by one writer.
/// </summary>
/// <param name="Sha">SHA-1 (lower-case hex) of the canonical JSON.</param>
/// <param name="Compressed">zlib of the canonical JSON (not stored when the response is a duplicate).</param>
internal sealed record PreparedPayload(string Sha, byte[] Compressed)
{
    /// <summary>Canonicalizes, hashes and compresses <paramref name="json"/>.</summary>
    /// <exception cref="System.Text.Json.JsonException"><paramref name="json"/> is not JSON.</exception>
    public static PreparedPayload Prepare(ReadOnlySpan<byte> json, System.IO.Compression.CompressionLevel level = System.IO.Compression.CompressionLevel.Fastest)
        => FromCanonical(RawPayload.Canonicalize(json), level);

    /// <summary>
    /// Hashes and compresses JSON that is already canonical (the generator writes that form itself), skipping
    /// the rewrite: a third of the CPU of preparing a generated response.
    /// </summary>
    public static PreparedPayload FromCanonical(ReadOnlySpan<byte> canonicalJson, System.IO.Compression.CompressionLevel level = System.IO.Compression.CompressionLevel.Fastest)
        => new(RawPayload.Sha1Hex(canonicalJson), RawPayload.Compress(canonicalJson, level));
}

using System.Text;

namespace UpStats.Lake.Migration;

/// <summary>
/// Jobs of a migration chunk or transaction, column by column: ids (UTF-8 bytes, as the JSON carried them),
/// the raw row each came from, the <c>date_created</c> values as one newline-separated UTF-8 column (what the
/// library's batch parser reads, one line per job), and the results. The arrays are reused and only grow to
/// the largest batch, and no object is allocated per job, so the migration's memory depends on the chunk and
/// transaction sizes, not on the number of rows, and the garbage collector has nothing to promote.
/// </summary>
internal sealed class JobBatch
{
    private long[] _rawIds;
    private int[] _idStart;
    private int[] _idLength;
    private int[] _lineStart;
    private int[] _lineLength;
    private long[] _epochSeconds;
    private string?[] _errors;
    private bool[] _inserted;
    private int[] _order;
    private ulong[] _sortKeys;
    private byte[] _ids;
    private int _idsUsed;
    private byte[] _column;
    private int _columnUsed;
    // Values holding '\r' or '\n' cannot be a line of the column: they get an empty line there and are kept
    // here to be parsed alone (rare: a real feed's value with a line break in it).
    private readonly Dictionary<int, byte[]> _parseAlone = [];

    /// <summary>An empty batch with room for <paramref name="capacity"/> jobs before any array grows.</summary>
    /// <param name="capacity">
    /// The jobs expected: sizing the arrays once keeps the large object heap free of the outgrown copies that
    /// doubling from a small start leaves behind (they count in the peak working set until a full collection).
    /// </param>
    public JobBatch(int capacity = 256)
    {
        capacity = Math.Max(capacity, 16);
        _rawIds = new long[capacity];
        _idStart = new int[capacity];
        _idLength = new int[capacity];
        _lineStart = new int[capacity];
        _lineLength = new int[capacity];
        _epochSeconds = new long[capacity];
        _errors = new string?[capacity];
        _inserted = new bool[capacity];
        _order = new int[capacity];
        _sortKeys = new ulong[capacity];
        _ids = new byte[capacity * 24];
        _column = new byte[capacity * 26];
    }

    /// <summary>How many jobs the batch holds.</summary>
    public int Count { get; private set; }

    /// <summary>The raw row of each job (<c>jobs.raw_id</c>).</summary>
    public ReadOnlySpan<long> RawIds => _rawIds.AsSpan(0, Count);

    /// <summary>The parsed <c>date_created</c>, UTC epoch seconds; meaningful where <see cref="Errors"/> is null.</summary>
    public Span<long> EpochSeconds => _epochSeconds.AsSpan(0, Count);

    /// <summary>Why a job has no <c>date_created</c> (<c>jobs.error</c>), or null.</summary>
    public Span<string?> Errors => _errors.AsSpan(0, Count);

    /// <summary>Set by the engine: whether the job was new to the <c>jobs</c> table.</summary>
    public Span<bool> Inserted => _inserted.AsSpan(0, Count);

    /// <summary>The <c>date_created</c> column: one line per job, each ended by <c>'\n'</c>.</summary>
    public ReadOnlySpan<byte> Column => _column.AsSpan(0, _columnUsed);

    /// <summary>The jobs whose value must be parsed alone (see <see cref="Column"/>), by index.</summary>
    public IReadOnlyDictionary<int, byte[]> ParseAlone => _parseAlone;

    /// <summary>The id of job <paramref name="index"/> (<c>jobs.job_id</c>) as UTF-8.</summary>
    public ReadOnlySpan<byte> JobId(int index) => _ids.AsSpan(_idStart[index], _idLength[index]);

    /// <summary>The id of job <paramref name="index"/> as text, for reports and engines that bind strings.</summary>
    public string JobIdString(int index) => Encoding.UTF8.GetString(JobId(index));

    /// <summary>The <c>date_created</c> value of job <paramref name="index"/> as UTF-8 (empty when it had none).</summary>
    public ReadOnlySpan<byte> DateText(int index) =>
        _parseAlone.TryGetValue(index, out var alone) ? alone : _column.AsSpan(_lineStart[index], _lineLength[index]);

    /// <summary>The <c>date_created</c> value of job <paramref name="index"/> as text, for reports.</summary>
    public string DateTextString(int index) => Encoding.UTF8.GetString(DateText(index));

    /// <summary>The value stored in <c>jobs.date_created</c>: the epoch seconds, or null for an error.</summary>
    public long? DateCreated(int index) => _errors[index] is null ? _epochSeconds[index] : null;

    /// <summary>Empties the batch, keeping its arrays.</summary>
    public void Clear() => Truncate(0);

    /// <summary>Drops every job from <paramref name="count"/> on (the jobs of a raw row that turned out unreadable).</summary>
    public void Truncate(int count)
    {
        if (count >= Count)
        {
            return;
        }
        for (var i = count; i < Count; i++)
        {
            _parseAlone.Remove(i);
        }
        Array.Clear(_errors, count, Count - count);
        _columnUsed = _lineStart[count];
        _idsUsed = _idStart[count];
        Count = count;
    }

    /// <summary>Adds a job with its <c>date_created</c> value, to be parsed.</summary>
    public void Add(long rawId, ReadOnlySpan<byte> jobId, ReadOnlySpan<byte> dateText)
    {
        var index = Reserve(rawId, jobId);
        if (dateText.IndexOfAny((byte)'\r', (byte)'\n') >= 0)
        {
            _parseAlone[index] = dateText.ToArray();
            AppendLine([]);
        }
        else
        {
            AppendLine(dateText);
        }
    }

    /// <summary>Adds a job that has no <c>date_created</c> text at all, with the reason.</summary>
    public void AddWithoutDate(long rawId, ReadOnlySpan<byte> jobId, string error)
    {
        var index = Reserve(rawId, jobId);
        AppendLine([]);
        _errors[index] = error;
    }

    /// <summary>Adds job <paramref name="index"/> of <paramref name="source"/>, not parsed yet, as it is there.</summary>
    public void AddFrom(JobBatch source, int index)
    {
        if (source._errors[index] is { } error)
        {
            AddWithoutDate(source._rawIds[index], source.JobId(index), error);
        }
        else
        {
            Add(source._rawIds[index], source.JobId(index), source.DateText(index));
        }
    }

    /// <summary>
    /// The first job of each distinct id, in id order (UTF-8 byte order, which is SQLite's and PostgreSQL's
    /// "C" text order): for ids that occur more than once, the one added first (the lowest raw id) is kept.
    /// The others are repeats of it and stay <see cref="Inserted"/> = false.
    /// </summary>
    public ReadOnlySpan<int> FirstOfEachIdInIdOrder()
    {
        var order = _order.AsSpan(0, Count);
        var keys = _sortKeys.AsSpan(0, Count);
        // Sorted by an 8-byte key first (primitive keys sort several times faster than a comparison of two
        // spans through a delegate, which was a sixth of the writer's time): the ids' bytes after the prefix
        // they all share ("~01" for UpWork's), big-endian, so key order is byte order wherever keys differ.
        // Equal keys (the same id repeated, or ids alike in those 8 bytes) are then ordered by their whole id
        // and by index, run by run; those runs are short.
        var shared = SharedIdPrefixLength();
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = SortKey(JobId(i), shared);
        }
        keys.Sort(order);
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && keys[end] == keys[start])
            {
                end++;
            }
            if (end - start > 1)
            {
                order[start..end].Sort(CompareIdThenIndex);
            }
            start = end;
        }
        var kept = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (kept == 0 || !JobId(order[i]).SequenceEqual(JobId(order[kept - 1])))
            {
                order[kept++] = order[i];
            }
        }
        return order[..kept];
    }

    private int SharedIdPrefixLength()
    {
        if (Count == 0)
        {
            return 0;
        }
        var first = JobId(0);
        var shared = first.Length;
        for (var i = 1; i < Count && shared > 0; i++)
        {
            shared = Math.Min(shared, first.CommonPrefixLength(JobId(i)));
        }
        return shared;
    }

    private static ulong SortKey(ReadOnlySpan<byte> id, int skip)
    {
        Span<byte> key = stackalloc byte[sizeof(ulong)];
        key.Clear();
        var rest = id[skip..];
        rest[..Math.Min(rest.Length, key.Length)].CopyTo(key);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(key);
    }

    private int CompareIdThenIndex(int a, int b)
    {
        var byId = JobId(a).SequenceCompareTo(JobId(b));
        return byId != 0 ? byId : a.CompareTo(b);
    }

    private void AppendLine(ReadOnlySpan<byte> value)
    {
        if (_columnUsed + value.Length + 1 > _column.Length)
        {
            Array.Resize(ref _column, Math.Max(_column.Length * 2, _columnUsed + value.Length + 1));
        }
        value.CopyTo(_column.AsSpan(_columnUsed));
        _lineLength[Count - 1] = value.Length;
        _columnUsed += value.Length;
        _column[_columnUsed++] = (byte)'\n';
    }

    private int Reserve(long rawId, ReadOnlySpan<byte> jobId)
    {
        if (Count == _rawIds.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _rawIds, size);
            Array.Resize(ref _idStart, size);
            Array.Resize(ref _idLength, size);
            Array.Resize(ref _lineStart, size);
            Array.Resize(ref _lineLength, size);
            Array.Resize(ref _epochSeconds, size);
            Array.Resize(ref _errors, size);
            Array.Resize(ref _inserted, size);
            Array.Resize(ref _order, size);
            Array.Resize(ref _sortKeys, size);
        }
        if (_idsUsed + jobId.Length > _ids.Length)
        {
            Array.Resize(ref _ids, Math.Max(_ids.Length * 2, _idsUsed + jobId.Length));
        }
        var index = Count++;
        jobId.CopyTo(_ids.AsSpan(_idsUsed));
        _idStart[index] = _idsUsed;
        _idLength[index] = jobId.Length;
        _idsUsed += jobId.Length;
        _rawIds[index] = rawId;
        _lineStart[index] = _columnUsed;
        _errors[index] = null;
        _epochSeconds[index] = 0;
        _inserted[index] = false;
        return index;
    }
}

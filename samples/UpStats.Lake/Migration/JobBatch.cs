using System.Text;

namespace UpStats.Lake.Migration;

/// <summary>
/// The jobs of one migration chunk, column by column: ids, the raw row each came from, the
/// <c>date_created</c> values as one newline-separated UTF-8 column (what the library's batch parser reads,
/// one line per job), and the results. The arrays are reused from chunk to chunk and only grow to the
/// largest chunk, so the migration's memory depends on the chunk size, not on the number of rows.
/// </summary>
internal sealed class JobBatch
{
    private string[] _jobIds = new string[256];
    private long[] _rawIds = new long[256];
    private int[] _lineStart = new int[256];
    private int[] _lineLength = new int[256];
    private long[] _epochSeconds = new long[256];
    private string?[] _errors = new string?[256];
    private bool[] _inserted = new bool[256];
    private byte[] _column = new byte[256 * 26];
    private int _columnUsed;
    // Values holding '\r' or '\n' cannot be a line of the column: they get an empty line there and are kept
    // here to be parsed alone (rare: a real feed's value with a line break in it).
    private readonly Dictionary<int, byte[]> _parseAlone = [];

    /// <summary>How many jobs the batch holds.</summary>
    public int Count { get; private set; }

    /// <summary>The job ids (<c>jobs.job_id</c>).</summary>
    public ReadOnlySpan<string> JobIds => _jobIds.AsSpan(0, Count);

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
        Array.Clear(_jobIds, count, Count - count);
        Array.Clear(_errors, count, Count - count);
        _columnUsed = _lineStart[count];
        Count = count;
    }

    /// <summary>Adds a job with its <c>date_created</c> value, to be parsed.</summary>
    public void Add(long rawId, string jobId, ReadOnlySpan<byte> dateText)
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
    public void AddWithoutDate(long rawId, string jobId, string error)
    {
        var index = Reserve(rawId, jobId);
        AppendLine([]);
        _errors[index] = error;
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

    private int Reserve(long rawId, string jobId)
    {
        if (Count == _jobIds.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _jobIds, size);
            Array.Resize(ref _rawIds, size);
            Array.Resize(ref _lineStart, size);
            Array.Resize(ref _lineLength, size);
            Array.Resize(ref _epochSeconds, size);
            Array.Resize(ref _errors, size);
            Array.Resize(ref _inserted, size);
        }
        var index = Count++;
        _jobIds[index] = jobId;
        _rawIds[index] = rawId;
        _lineStart[index] = _columnUsed;
        _errors[index] = null;
        _epochSeconds[index] = 0;
        _inserted[index] = false;
        return index;
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using BenchmarkDotNet.Attributes;
using UpStats.Time.Parsing;

namespace UpStats.Time.Benchmarks.Parsing;

/// <summary>
/// A column of 1,000,000 values as newline-separated UTF-8 (25 MB for the UpStats shape <c>…+hhmm</c>) and as
/// strings, into a <c>long[]</c> of epoch seconds; times are per value. Baseline: a plain scan of the same bytes
/// (32-byte loads folded together, nothing else), the memory-speed limit that issue 14 measures the parser
/// against (goal: fixed-width lines ≤ 4 ns/value and within 1.5× of the scan; mixed forms ≤ 8 ns).
/// </summary>
[MemoryDiagnoser]
// The machine is shared (2 cores, other builds running): cap the iterations BenchmarkDotNet adds when noise is high.
[MaxIterationCount(30)]
public class ParseColumnBenchmarks
{
    private const int Rows = 1_000_000;
    private byte[] _lines = [];
    private byte[] _mixedLines = [];
    private string[] _strings = [];
    private readonly long[] _destination = new long[Rows];
    private readonly RowError[] _errors = new RowError[Rows];
    private readonly RowError[] _errorsOfTheSecondHalf = new RowError[Rows];

    [GlobalSetup]
    public void Setup()
    {
        _strings = TimestampSamples.Strings(Rows, "uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HHmm>");
        _lines = Encoding.UTF8.GetBytes(string.Concat(_strings.Select(s => s + "\n")));
        _mixedLines = Encoding.UTF8.GetBytes(string.Concat(TimestampSamples.Mixed(Rows).Select(s => s + "\n")));
        long expected = NaiveLoopOverLines();
        TimestampSamples.Check(nameof(SingleValueLoopOverLines), expected, SingleValueLoopOverLines());
        TimestampSamples.Check(nameof(ColumnFromUtf8Lines), expected, ColumnFromUtf8Lines());
        TimestampSamples.Check(nameof(ColumnFromStrings), expected, ColumnFromStrings());
        TimestampSamples.Check(nameof(ColumnFromUtf8LinesParallel), expected, ColumnFromUtf8LinesParallel());
        TimestampSamples.Check(nameof(FloorParseHalvesOnTwoThreads), expected, FloorParseHalvesOnTwoThreads());
        long mixed = 0;
        foreach (string line in Encoding.UTF8.GetString(_mixedLines).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            mixed += OffsetTimestamp.ParseOrThrow(line).ToUnixTimeSeconds();
        }
        TimestampSamples.Check(nameof(ColumnFromMixedUtf8Lines), mixed, ColumnFromMixedUtf8Lines());
    }

    /// <summary>Reads every byte of the fixed-width lines once: the floor for anything that looks at all of them.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public ulong MemoryScan() => Scan(_lines);

    [Benchmark(OperationsPerInvoke = Rows)]
    public long NaiveLoopOverLines()
    {
        long sum = 0;
        ReadOnlySpan<byte> rest = _lines;
        while (!rest.IsEmpty)
        {
            int newline = rest.IndexOf((byte)'\n');
            sum += NaiveDigitLoop.EpochSeconds(rest[..newline]);
            rest = rest[(newline + 1)..];
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public long SingleValueLoopOverLines()
    {
        long sum = 0;
        ReadOnlySpan<byte> rest = _lines;
        while (!rest.IsEmpty)
        {
            int newline = rest.IndexOf((byte)'\n');
            OffsetTimestamp.TryParseEpochSeconds(rest[..newline], out long value, out _);
            sum += value;
            rest = rest[(newline + 1)..];
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public long ColumnFromUtf8Lines()
    {
        OffsetTimestampColumn.ParseEpochSeconds(_lines, _destination, _errors);
        return Sum(_destination);
    }

    /// <summary>The same lines on every core (chunks cut at line ends); goal ≥ 1.8× <see cref="ColumnFromUtf8Lines"/> on 2 cores.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public long ColumnFromUtf8LinesParallel()
    {
        OffsetTimestampColumn.ParseEpochSecondsParallel(_lines, _destination, _errors);
        return Sum(_destination);
    }

    /// <summary>
    /// The floor of the parallel entry point: the sequential parser on the two halves of the lines at once, on
    /// two threads, each into its own half of the destination; no line search across the cut, no pooled
    /// buffers, no merge. Its ratio to <see cref="ColumnFromUtf8Lines"/> is the most two cores give this kernel.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public long FloorParseHalvesOnTwoThreads()
    {
        int cut = _lines.Length / 2;
        cut += _lines.AsSpan(cut).IndexOf((byte)'\n') + 1;
        Parallel.Invoke(
            () => OffsetTimestampColumn.ParseEpochSeconds(_lines.AsSpan(0, cut), _destination.AsSpan(0, Rows / 2 + 1), _errors),
            () => OffsetTimestampColumn.ParseEpochSeconds(_lines.AsSpan(cut), _destination.AsSpan(Rows / 2 + 1), _errorsOfTheSecondHalf));
        return Sum(_destination);
    }

    /// <summary>
    /// The memory traffic of a fixed-width column and nothing else: each row's 32 bytes loaded at its known
    /// offset (no line search, no dependency between rows) and one long stored per row. Unlike
    /// <see cref="MemoryScan"/>, whose 25 MB stay in the cache from one call to the next, this also writes the
    /// 8 MB of results, as the parser does.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public long FloorLoadAndStoreRows()
    {
        LoadAndStoreRows(_lines, _destination, 0, Rows);
        return Sum(_destination);
    }

    /// <summary><see cref="FloorLoadAndStoreRows"/> on two threads, each over half of the rows.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public long FloorLoadAndStoreRowsOnTwoThreads()
    {
        Parallel.Invoke(() => LoadAndStoreRows(_lines, _destination, 0, Rows / 2), () => LoadAndStoreRows(_lines, _destination, Rows / 2, Rows));
        return Sum(_destination);
    }

    private static void LoadAndStoreRows(byte[] lines, long[] destination, int from, int to)
    {
        int width = lines.Length / Rows;
        ref byte start = ref MemoryMarshal.GetArrayDataReference(lines);
        int last = Math.Min(to, (lines.Length - 32) / width);
        for (int row = from; row < last; row++)
        {
            Vector256<byte> text = Vector256.LoadUnsafe(ref start, (nuint)(row * width));
            destination[row] = (text.GetLower() ^ text.GetUpper()).AsInt64().ToScalar();
        }
    }

    /// <summary>The memory scan of <see cref="MemoryScan"/> on two threads, each over half of the bytes.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public ulong MemoryScanOnTwoThreads()
    {
        ulong first = 0, second = 0;
        int half = _lines.Length / 2 / 64 * 64;
        Parallel.Invoke(() => first = Scan(_lines.AsSpan(0, half)), () => second = Scan(_lines.AsSpan(half)));
        return first ^ second;
    }

    private static ulong Scan(ReadOnlySpan<byte> bytes)
    {
        ref byte start = ref MemoryMarshal.GetReference(bytes);
        Vector256<byte> a = default, b = default;
        int i = 0;
        for (; i <= bytes.Length - 64; i += 64)
        {
            a |= Vector256.LoadUnsafe(ref start, (nuint)i);
            b ^= Vector256.LoadUnsafe(ref start, (nuint)i + 32);
        }
        return (a ^ b).AsUInt64().ToScalar() + (ulong)i;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public long ColumnFromMixedUtf8Lines()
    {
        OffsetTimestampColumn.ParseEpochSeconds(_mixedLines, _destination, _errors);
        return Sum(_destination);
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public long ColumnFromStrings()
    {
        OffsetTimestampColumn.ParseEpochSeconds(_strings, _destination, _errors);
        return Sum(_destination);
    }

    /// <summary>
    /// The unavoidable part of the fixed-width column alone: one 32-byte load per line, its end found, one store,
    /// no validation and no conversion. What the parser adds on top of this is the cost of being correct.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public long FloorFindLinesAndStore()
    {
        ref byte start = ref MemoryMarshal.GetArrayDataReference(_lines);
        long[] destination = _destination;
        int position = 0, row = 0, last = _lines.Length - 32;
        while (position <= last && row < destination.Length)
        {
            Vector256<byte> text = Vector256.LoadUnsafe(ref start, (nuint)position);
            uint newlines = Vector256.Equals(text, Vector256.Create((byte)'\n')).ExtractMostSignificantBits();
            int end = System.Numerics.BitOperations.TrailingZeroCount(newlines);
            destination[row++] = text.AsInt64().ToScalar();
            position += end + 1;
        }
        return Sum(destination);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Sum(long[] values)
    {
        long sum = 0;
        foreach (long v in values)
        {
            sum += v;
        }
        return sum;
    }
}

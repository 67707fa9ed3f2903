using System.Text;
using BenchmarkDotNet.Attributes;
using UpStats.Time.Parsing;

namespace UpStats.Time.Benchmarks.Parsing;

/// <summary>
/// A column of 1,000,000 UpStats-shaped values (<c>…+hhmm</c>), newline-separated UTF-8 and as strings, into a
/// <c>long[]</c> of epoch seconds; times are per value. Baseline: the naive unvalidated loop over the same
/// lines (finding each '\n' with <c>IndexOf</c>). Goal (issue 3): the batch at ≤ the naive loop's time per value.
/// </summary>
[MemoryDiagnoser]
// The machine is shared (2 cores, other builds running): cap the iterations BenchmarkDotNet adds when noise is high.
[MaxIterationCount(30)]
public class ParseColumnBenchmarks
{
    private const int Rows = 1_000_000;
    private byte[] _lines = [];
    private string[] _strings = [];
    private readonly long[] _destination = new long[Rows];
    private readonly RowError[] _errors = new RowError[Rows];

    [GlobalSetup]
    public void Setup()
    {
        _strings = TimestampSamples.Strings(Rows, "uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HHmm>");
        _lines = Encoding.UTF8.GetBytes(string.Concat(_strings.Select(s => s + "\n")));
        long expected = NaiveLoopOverLines();
        TimestampSamples.Check(nameof(SingleValueLoopOverLines), expected, SingleValueLoopOverLines());
        TimestampSamples.Check(nameof(ColumnFromUtf8Lines), expected, ColumnFromUtf8Lines());
        TimestampSamples.Check(nameof(ColumnFromStrings), expected, ColumnFromStrings());
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
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

    [Benchmark(OperationsPerInvoke = Rows)]
    public long ColumnFromStrings()
    {
        OffsetTimestampColumn.ParseEpochSeconds(_strings, _destination, _errors);
        return Sum(_destination);
    }

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

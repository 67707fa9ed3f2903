using System.Text;
using Apache.Arrow;
using BenchmarkDotNet.Attributes;
using UpStats.Time.Arrow;
using UpStats.Time.Benchmarks.Parsing;
using UpStats.Time.Parsing;

namespace UpStats.Time.Benchmarks.Embedding;

/// <summary>
/// The parsing benchmarks' 1,000,000 <c>…+hhmm</c> values as an Arrow <see cref="StringArray"/> into epoch seconds,
/// per value. Baseline: the span column parser over the same values as newline-separated UTF-8. Goal: the Arrow
/// paths within 1.1x of it. <c>ArrowLayoutOverload</c> is the core overload on the array's buffers (no allocation);
/// <c>StringArrayToInt64Array</c> is the adapter, which also allocates the result array.
/// </summary>
[MemoryDiagnoser]
[MaxIterationCount(30)]
public class ArrowColumnBenchmarks
{
    private const int Rows = 1_000_000;
    private byte[] _lines = [];
    private StringArray _array = null!;
    private readonly long[] _destination = new long[Rows];
    private readonly byte[] _validity = new byte[(Rows + 7) / 8];
    private readonly RowError[] _errors = new RowError[Rows];

    [GlobalSetup]
    public void Setup()
    {
        var strings = TimestampSamples.Strings(Rows, "uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HHmm>");
        _lines = Encoding.UTF8.GetBytes(string.Concat(strings.Select(s => s + "\n")));
        _array = new StringArray.Builder().AppendRange(strings).Build();
        long expected = SpanColumnParser();
        TimestampSamples.Check(nameof(ArrowLayoutOverload), expected, ArrowLayoutOverload());
        TimestampSamples.Check(nameof(StringArrayToInt64Array), expected, StringArrayToInt64Array());
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public long SpanColumnParser()
    {
        OffsetTimestampColumn.ParseEpochSeconds(_lines, _destination, _errors);
        return _destination[0] + _destination[^1];
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public long ArrowLayoutOverload()
    {
        _validity.AsSpan().Fill(0xFF);
        OffsetTimestampColumn.ParseEpochSeconds(_array.Values, _array.ValueOffsets, _destination, _validity, _errors);
        return _destination[0] + _destination[^1];
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public long StringArrayToInt64Array()
    {
        var values = OffsetTimestampArrays.ParseEpochSeconds(_array).Values;
        return values.GetValue(0)!.Value + values.GetValue(Rows - 1)!.Value;
    }
}

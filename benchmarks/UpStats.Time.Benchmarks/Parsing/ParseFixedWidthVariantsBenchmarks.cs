using BenchmarkDotNet.Attributes;
using UpStats.Time.Parsing;

namespace UpStats.Time.Benchmarks.Parsing;

/// <summary>
/// The decision behind the fast path: the scalar fixed-offset reader against the SSSE3 one (same shapes, same
/// answers), for UTF-8 and UTF-16, over 1,024 distinct values per invocation; times per value.
/// Baseline: the naive unvalidated loop.
/// </summary>
[MemoryDiagnoser]
// The machine is shared (2 cores, other builds running): cap the iterations BenchmarkDotNet adds when noise is high.
[MaxIterationCount(30)]
public class ParseFixedWidthVariantsBenchmarks
{
    private const int Count = 1024;
    private byte[][] _utf8 = [];
    private string[] _strings = [];

    [Params("+hhmm", "+hh:mm", "Z")]
    public string Shape { get; set; } = "+hhmm";

    [GlobalSetup]
    public void Setup()
    {
        string pattern = Shape switch
        {
            "+hhmm" => "uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HHmm>",
            "+hh:mm" => "uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>",
            _ => "uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'",
        };
        var strings = TimestampSamples.Strings(Count, pattern);
        if (Shape == "Z")
        {
            // 'Z' claims UTC: drop the sample offsets so that every baseline reads the same instants.
            strings = strings.Select(s => NodaTime.Text.OffsetDateTimePattern.GeneralIso.Format(
                NodaTime.Text.OffsetDateTimePattern.CreateWithInvariantCulture(pattern).Parse(s).Value.WithOffset(NodaTime.Offset.Zero))).ToArray();
        }
        _strings = strings;
        _utf8 = TimestampSamples.Utf8(strings);
        long expected = NaiveUnvalidatedLoop();
        TimestampSamples.Check(nameof(Scalar), expected, Scalar());
        TimestampSamples.Check(nameof(Vector128Ssse3), expected, Vector128Ssse3());
        TimestampSamples.Check(nameof(ScalarUtf16), expected, ScalarUtf16());
        TimestampSamples.Check(nameof(Vector128Ssse3Utf16), expected, Vector128Ssse3Utf16());
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public long NaiveUnvalidatedLoop()
    {
        long sum = 0;
        foreach (byte[] s in _utf8)
        {
            sum += NaiveDigitLoop.EpochSeconds(s);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public long Scalar()
    {
        long sum = 0;
        foreach (byte[] s in _utf8)
        {
            OffsetTimestampScanner.TryParseFixed<byte>(s, out long value);
            sum += value;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public long Vector128Ssse3()
    {
        long sum = 0;
        foreach (byte[] s in _utf8)
        {
            OffsetTimestampVectorScanner.TryParseFixed<byte>(s, out long value);
            sum += value;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public long ScalarUtf16()
    {
        long sum = 0;
        foreach (string s in _strings)
        {
            OffsetTimestampScanner.TryParseFixed<char>(s, out long value);
            sum += value;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public long Vector128Ssse3Utf16()
    {
        long sum = 0;
        foreach (string s in _strings)
        {
            OffsetTimestampVectorScanner.TryParseFixed<char>(s, out long value);
            sum += value;
        }
        return sum;
    }
}

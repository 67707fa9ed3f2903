using BenchmarkDotNet.Attributes;
using UpStats.Time.Parsing;

namespace UpStats.Time.Benchmarks.Parsing;

/// <summary>
/// The decision behind the UTF-8 fast path: the scalar fixed-offset reader against the SSSE3 one (same shapes,
/// same answers), over 1,024 distinct UpStats-shaped values per invocation; times per value.
/// Baseline: the naive unvalidated loop.
/// </summary>
[MemoryDiagnoser]
public class ParseFixedWidthVariantsBenchmarks
{
    private const int Count = 1024;
    private byte[][] _utf8 = [];

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
        _utf8 = TimestampSamples.Utf8(strings);
        long expected = NaiveUnvalidatedLoop();
        TimestampSamples.Check(nameof(Scalar), expected, Scalar());
        TimestampSamples.Check(nameof(Vector128Ssse3), expected, Vector128Ssse3());
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
            OffsetTimestampVectorScanner.TryParseFixed(s, out long value);
            sum += value;
        }
        return sum;
    }
}

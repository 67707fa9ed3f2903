using System.Globalization;
using BenchmarkDotNet.Attributes;
using NodaTime;
using NodaTime.Text;
using UpStats.Time.Parsing;

namespace UpStats.Time.Benchmarks.Parsing;

/// <summary>
/// The general path: <c>2015-10-11T00:26:51.123+01:00</c> (a fraction takes the value off the fixed-width fast
/// path), 1,024 distinct values per invocation, times per value. Baseline: <c>DateTimeOffset.ParseExact</c>.
/// </summary>
[MemoryDiagnoser]
// The machine is shared (2 cores, other builds running): cap the iterations BenchmarkDotNet adds when noise is high.
[MaxIterationCount(30)]
public class ParseFractionBenchmarks
{
    private const int Count = 1024;
    private static readonly OffsetDateTimePattern NodaPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss.fffo<+HH:mm>");
    private string[] _strings = [];
    private byte[][] _utf8 = [];

    [GlobalSetup]
    public void Setup()
    {
        _strings = TimestampSamples.Strings(Count, "uuuu'-'MM'-'dd'T'HH':'mm':'ss.fffo<+HH:mm>");
        _utf8 = TimestampSamples.Utf8(_strings);
        long expected = DateTimeOffsetParseExact();
        TimestampSamples.Check(nameof(NodaTimePattern), expected, NodaTimePattern());
        TimestampSamples.Check(nameof(Utf8ToEpochMilliseconds), expected, Utf8ToEpochMilliseconds());
        TimestampSamples.Check(nameof(Utf16ToEpochMilliseconds), expected, Utf16ToEpochMilliseconds());
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public long DateTimeOffsetParseExact()
    {
        long sum = 0;
        foreach (string s in _strings)
        {
            sum += DateTimeOffset.ParseExact(s, "yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture, DateTimeStyles.None).ToUnixTimeMilliseconds();
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public long NodaTimePattern()
    {
        long sum = 0;
        foreach (string s in _strings)
        {
            sum += NodaPattern.Parse(s).Value.ToInstant().ToUnixTimeMilliseconds();
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public long Utf8ToEpochMilliseconds()
    {
        long sum = 0;
        foreach (byte[] s in _utf8)
        {
            OffsetTimestamp.TryParseEpochMilliseconds(s, out long value, out _);
            sum += value;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public long Utf16ToEpochMilliseconds()
    {
        long sum = 0;
        foreach (string s in _strings)
        {
            OffsetTimestamp.TryParseEpochMilliseconds(s, out long value, out _);
            sum += value;
        }
        return sum;
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using NodaTime;
using UpStats.Time.Paths;

namespace UpStats.Time.Benchmarks.Paths;

/// <summary>
/// The event time of a file from its path, Kafka Connect's hourly layout under a prefix
/// (<c>topics/events/year=2024/month=11/day=03/hour=08/events+0+….json</c>), 1,024 different paths per call.
/// Baseline: what a user writes without the library: a compiled <see cref="Regex"/> for the fields, then
/// <see cref="DateTime.ParseExact(string, string, IFormatProvider?, DateTimeStyles)"/> on them (given the path as a
/// string already, so the baseline does not even pay the UTF-8 decoding the library's UTF-8 overload saves).
/// </summary>
[MemoryDiagnoser]
public partial class EventTimeBenchmarks
{
    private const int Paths = 1024;
    private byte[][] _utf8 = [];
    private string[] _utf16 = [];
    private PathLayout _utc = null!;
    private PathLayout _berlin = null!;

    [GeneratedRegex(@"^topics/events/year=(\d{4})/month=(\d{2})/day=(\d{2})/hour=(\d{2})/", RegexOptions.CultureInvariant)]
    private static partial Regex KafkaPath();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var pattern = PathPattern.ParseOrThrow("'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH");
        _utc = new PathLayout(pattern, "topics/events/");
        _berlin = new PathLayout(pattern, "topics/events/", DateTimeZoneProviders.Tzdb["Europe/Berlin"]);
        _utf16 = Enumerable.Range(0, Paths)
            .Select(i => _utc.Format(Instant.FromUnixTimeSeconds(1_500_000_000 + random.NextInt64(300_000_000))) + $"/events+0+{i:D10}.json")
            .ToArray();
        _utf8 = _utf16.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Paths)]
    public long RegexAndParseExact()
    {
        long sum = 0;
        foreach (var path in _utf16)
        {
            var m = KafkaPath().Match(path);
            if (m.Success)
            {
                var text = $"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value} {m.Groups[4].Value}";
                sum += DateTime.ParseExact(text, "yyyy-MM-dd HH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal).Ticks;
            }
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Paths)]
    public long PathLayoutUtf8() => SumUtf8(_utc);

    [Benchmark(OperationsPerInvoke = Paths)]
    public long PathLayoutUtf16()
    {
        long sum = 0;
        foreach (var path in _utf16)
        {
            if (_utc.TryReadEventTime(path, out var t, out _))
            {
                sum += t.ToUnixTimeTicks();
            }
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Paths)]
    public long PathLayoutUtf8Berlin() => SumUtf8(_berlin);

    private long SumUtf8(PathLayout layout)
    {
        long sum = 0;
        foreach (var path in _utf8)
        {
            if (layout.TryReadEventTime(path, out var t, out _))
            {
                sum += t.ToUnixTimeTicks();
            }
        }
        return sum;
    }
}

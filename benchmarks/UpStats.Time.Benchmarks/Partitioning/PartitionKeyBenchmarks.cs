using BenchmarkDotNet.Attributes;
using NodaTime;
using NodaTime.Text;
using UpStats.Time.Partitioning;

namespace UpStats.Time.Benchmarks.Partitioning;

/// <summary>
/// The per-event hot path of a PT Hive view: which local partition does an event belong to, as key text.
/// Baseline: what one writes with NodaTime alone, <c>InZone</c> and a pattern that formats the key.
/// </summary>
[MemoryDiagnoser]
public class PartitionKeyBenchmarks
{
    private const int Events = 4096;
    private static readonly LocalDateTimePattern KeyPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH");
    private readonly byte[] _buffer = new byte[32];
    private Instant[] _instants = [];
    private DateTimeZone _zone = DateTimeZone.Utc;
    private PartitionMap _map = null!;

    /// <summary>Sorted: a stream of events over the week of the 2024 fall-back (the usual case). Random: anywhere in 2024.</summary>
    [Params("sorted", "random")]
    public string Order { get; set; } = "sorted";

    [GlobalSetup]
    public void Setup()
    {
        _zone = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
        _map = PartitionMap.For(_zone, PartitionGranularity.Hour);
        var random = new Random(42);
        var start = Order == "sorted" ? Instant.FromUtc(2024, 10, 31, 0, 0) : Instant.FromUtc(2024, 1, 1, 0, 0);
        long span = Order == "sorted" ? 7L * 24 * 3600 : 366L * 24 * 3600;
        _instants = Enumerable.Range(0, Events).Select(_ => start + Duration.FromSeconds(random.NextInt64(span))).ToArray();
        if (Order == "sorted")
        {
            Array.Sort(_instants);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public int NodaTimeInZoneAndFormatKey()
    {
        int total = 0;
        foreach (var t in _instants)
        {
            total += KeyPattern.Format(t.InZone(_zone).LocalDateTime).Length;
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public int NodaTimeInZoneOnly()
    {
        int total = 0;
        foreach (var t in _instants)
        {
            total += t.InZone(_zone).Hour;
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public long KeyOf()
    {
        long total = 0;
        foreach (var t in _instants)
        {
            total += _map.KeyOf(t).GetHashCode();
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public int KeyOfAndTryFormatUtf8()
    {
        int total = 0;
        var buffer = _buffer.AsSpan();
        foreach (var t in _instants)
        {
            _map.KeyOf(t).TryFormat(buffer, out int written);
            total += written + buffer[12];
        }
        return total;
    }
}

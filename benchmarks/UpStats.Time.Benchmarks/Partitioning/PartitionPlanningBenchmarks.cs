using BenchmarkDotNet.Attributes;
using NodaTime;
using UpStats.Time.Partitioning;

namespace UpStats.Time.Benchmarks.Partitioning;

/// <summary>
/// Planning a year of hourly local partitions for a zone (8,784 labels in 2024). Baseline: the naive loop that
/// asks NodaTime's <c>MapLocal</c> about each local hour (it only classifies the label: skipped, single or
/// ambiguous). <see cref="PartitionMap.PartitionsOf"/> classifies every label too, and its partitions carry owned
/// intervals and source slices; reading all of them is measured separately.
/// </summary>
[MemoryDiagnoser]
public class PartitionPlanningBenchmarks
{
    private static readonly LocalDate From = new(2024, 1, 1);
    private static readonly LocalDate To = new(2025, 1, 1);
    private DateTimeZone _zone = DateTimeZone.Utc;
    private PartitionMap _map = null!;

    [Params("America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe")]
    public string Zone { get; set; } = "America/Los_Angeles";

    [GlobalSetup]
    public void Setup()
    {
        _zone = DateTimeZoneProviders.Tzdb[Zone];
        _map = PartitionMap.For(_zone, PartitionGranularity.Hour);
    }

    [Benchmark(Baseline = true)]
    public int NaiveMapLocalPerLocalHour()
    {
        int total = 0;
        for (var label = From.AtMidnight(); label < To.AtMidnight(); label = label.PlusHours(1))
        {
            total += _zone.MapLocal(label).Count;
        }
        return total;
    }

    /// <summary>The plan itself: every label of the year classified, with its intervals and slices available.</summary>
    [Benchmark]
    public int PartitionsOfAYear() => _map.PartitionsOf(From, To).Count;

    /// <summary>The plan, then every partition read: its kind, its first owned interval and every source slice.</summary>
    [Benchmark]
    public long PartitionsOfAYearReadEveryPartition()
    {
        long total = 0;
        foreach (var partition in _map.PartitionsOf(From, To))
        {
            total += (int)partition.Kind;
            var intervals = partition.Intervals;
            if (intervals.Count > 0)
            {
                total += intervals[0].Start.ToUnixTimeTicks();
            }
            foreach (var slice in partition.Sources)
            {
                total += slice.IsWhole ? 1 : 2;
            }
        }
        return total;
    }
}

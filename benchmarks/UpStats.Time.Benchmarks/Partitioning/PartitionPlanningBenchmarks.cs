using BenchmarkDotNet.Attributes;
using NodaTime;
using UpStats.Time.Partitioning;

namespace UpStats.Time.Benchmarks.Partitioning;

/// <summary>
/// Planning a year of hourly local partitions for a zone (8,784 labels in 2024). Baseline: the naive loop that
/// asks NodaTime's <c>MapLocal</c> about each local hour (it only classifies the label: skipped, single or
/// ambiguous); <see cref="PartitionMap.PartitionsOf"/> also computes owned intervals and source slices.
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

    [Benchmark]
    public int PartitionsOfAYear()
    {
        int total = 0;
        foreach (var partition in _map.PartitionsOf(From, To))
        {
            total += partition.Sources.Length + (int)partition.Kind;
        }
        return total;
    }
}

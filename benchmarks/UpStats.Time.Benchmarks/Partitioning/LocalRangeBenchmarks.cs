using BenchmarkDotNet.Attributes;
using NodaTime;
using UpStats.Time.Partitioning;
using UpStats.Time.Rendering;

namespace UpStats.Time.Benchmarks.Partitioning;

/// <summary>
/// A local day as UTC intervals and source hours (<see cref="PartitionMap.RangeOf(LocalDate, LocalDate)"/>), and a
/// ten-year range as a SQL predicate. Baseline: the hour-by-hour <c>InZone</c> loop a user would write: walk the UTC
/// hours around the day and keep those whose local time falls inside it (a list of hours, no intervals, and wrong
/// for :30 zones, which it cuts at whole hours; it is the cost to beat, not an oracle).
/// </summary>
[MemoryDiagnoser]
public class LocalRangeBenchmarks
{
    private static readonly LocalDate Day = new(2024, 11, 3);
    private DateTimeZone _zone = DateTimeZone.Utc;
    private PartitionMap _map = null!;
    private LocalRange _tenYears = null!;
    private RangePredicateOptions _options = null!;

    [Params("America/Los_Angeles", "Asia/Kolkata")]
    public string Zone { get; set; } = "America/Los_Angeles";

    [GlobalSetup]
    public void Setup()
    {
        _zone = DateTimeZoneProviders.Tzdb[Zone];
        _map = PartitionMap.For(_zone, PartitionGranularity.Hour);
        _tenYears = _map.RangeOf(new LocalDate(2015, 1, 1), new LocalDate(2025, 1, 1));
        _options = new RangePredicateOptions(SqlDialect.Trino, "event_time");
    }

    [Benchmark(Baseline = true)]
    public int InZoneLoopPerUtcHour()
    {
        var from = Day.AtMidnight();
        var to = Day.PlusDays(1).AtMidnight();
        var hours = new List<Instant>(26);
        var end = to.InUtc().ToInstant() + Duration.FromHours(15);
        for (var hour = from.InUtc().ToInstant() - Duration.FromHours(15); hour < end; hour += Duration.FromHours(1))
        {
            var local = hour.InZone(_zone).LocalDateTime;
            if (from <= local && local < to)
            {
                hours.Add(hour);
            }
        }
        return hours.Count;
    }

    /// <summary>The day's intervals and sources (the result: the range object and two small arrays).</summary>
    [Benchmark]
    public int RangeOfADay() => _map.RangeOf(Day, Day.PlusDays(1)).Sources.Count;

    /// <summary>The day's range, then every source read (key and wholeness): the enumeration allocates nothing.</summary>
    [Benchmark]
    public long RangeOfADayReadEverySource()
    {
        long total = 0;
        foreach (var source in _map.RangeOf(Day, Day.PlusDays(1)).Sources)
        {
            total += source.Key.Label.Hour + (source.IsWhole ? 1 : 0);
        }
        return total;
    }

    /// <summary>Ten years (2015–2024) as a Trino predicate, from the range.</summary>
    [Benchmark]
    public int TenYearPredicate() => RangePredicateRenderer.Render(_tenYears, _options).Length;

    /// <summary>Ten years from the local dates to the predicate text.</summary>
    [Benchmark]
    public int TenYearRangeAndPredicate() =>
        RangePredicateRenderer.Render(_map.RangeOf(new LocalDate(2015, 1, 1), new LocalDate(2025, 1, 1)), _options).Length;
}

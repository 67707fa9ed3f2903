using BenchmarkDotNet.Attributes;
using NodaTime;
using UpStats.Time.Paths;

namespace UpStats.Time.Benchmarks.Paths;

/// <summary>
/// Discovery prefixes for a day of Upsolver minute folders (<c>orders/yyyy/MM/dd/HH/mm</c>: 1,440 folders), reported
/// per folder. Baseline: the brute force a user would write, every minute of the window formatted through NodaTime
/// and kept once (it cannot give the folders' whole spans). Los Angeles on its fall-back day (1,500 minutes, the
/// repeated hour's 60 folders listed once) shows the cost of a zone.
/// </summary>
[MemoryDiagnoser]
public class PrefixesBenchmarks
{
    private static readonly Instant DayStart = Instant.FromUtc(2024, 11, 3, 0, 0);
    private readonly PathLayout _utc = new(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"), "orders/");
    private readonly PathLayout _losAngeles = new(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"), "orders/", DateTimeZoneProviders.Tzdb["America/Los_Angeles"]);

    [Benchmark(Baseline = true, OperationsPerInvoke = 1440)]
    public int MinuteWalkUtc()
    {
        var seen = new HashSet<string>();
        var folders = new List<string>();
        for (var m = DayStart; m < DayStart + Duration.FromDays(1); m += Duration.FromMinutes(1))
        {
            string folder = "orders/" + _utc.Pattern.Format(m.InUtc().LocalDateTime);
            if (seen.Add(folder))
            {
                folders.Add(folder);
            }
        }
        return folders.Count;
    }

    [Benchmark(OperationsPerInvoke = 1440)]
    public int PrefixesUtc() => _utc.Prefixes(DayStart, DayStart + Duration.FromDays(1)).Count;

    [Benchmark(OperationsPerInvoke = 1440)]
    public int PrefixesLosAngelesFallBackDay() =>
        _losAngeles.Prefixes(Instant.FromUtc(2024, 11, 3, 7, 0), Instant.FromUtc(2024, 11, 4, 8, 0)).Count;
}

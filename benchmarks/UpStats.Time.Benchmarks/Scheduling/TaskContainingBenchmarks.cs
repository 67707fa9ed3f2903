using BenchmarkDotNet.Attributes;
using NodaTime;
using UpStats.Time.Scheduling;

namespace UpStats.Time.Benchmarks.Scheduling;

/// <summary>
/// "Which task contains t" for a one-day, 5-minute schedule (288 tasks), per probe instant:
/// the library's O(1) look-up against a linear scan over the enumerated tasks (baseline) and against the
/// NodaTime arithmetic a user would write (local time, floor to 5 minutes, map back leniently).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class TaskContainingBenchmarks
{
    private const int Probes = 1024;
    private Instant[] _probes = [];
    private TaskSchedule _schedule = null!;
    private DateTimeZone _zone = null!;

    [Params("UTC", "Europe/Berlin")]
    public string Zone { get; set; } = "UTC";

    [GlobalSetup]
    public void Setup()
    {
        _zone = DateTimeZoneProviders.Tzdb[Zone];
        var start = Instant.FromUtc(2024, 3, 30, 23, 0);
        _schedule = TaskSchedule.Create(start, RunInterval.FromMinutes(5), endAt: start + Duration.FromDays(1), zone: _zone);
        var random = new Random(1);
        _probes = Enumerable.Range(0, Probes).Select(_ => start + Duration.FromSeconds(random.Next(0, 86_000))).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Probes)]
    public long LinearScanOverTasks()
    {
        long sum = 0;
        foreach (var t in _probes)
        {
            foreach (var task in _schedule.Tasks())
            {
                if (task.Contains(t))
                {
                    sum += task.EndTicks;
                    break;
                }
            }
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Probes)]
    public long NodaTimeArithmetic()
    {
        long sum = 0;
        foreach (var t in _probes)
        {
            var local = t.InZone(_zone).LocalDateTime;
            var floor = local.Date + new LocalTime(local.Hour, local.Minute / 5 * 5);
            var start = _zone.AtLeniently(floor).ToInstant();
            var end = _zone.AtLeniently(floor.PlusMinutes(5)).ToInstant();
            sum += (end - start).BclCompatibleTicks;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Probes)]
    public long TryGetTaskContaining()
    {
        long sum = 0;
        foreach (var t in _probes)
        {
            if (_schedule.TryGetTaskContaining(t, out var task))
            {
                sum += task.EndTicks;
            }
        }
        return sum;
    }
}

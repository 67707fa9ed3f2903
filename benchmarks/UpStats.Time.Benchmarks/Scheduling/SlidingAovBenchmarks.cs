using BenchmarkDotNet.Attributes;
using NodaTime;
using OrderValueWindows;
using UpStats.Time.Scheduling;
using UpStats.Time.Scheduling.Windows;

namespace UpStats.Time.Benchmarks.Scheduling;

/// <summary>
/// The OrderValueWindows sample's sliding case, per one-minute task: the AOV per country (20 countries) over
/// a 30-day window of 1,000,000 orders. Baseline: rescan the task's 30-day window. Incremental: roll the task's own
/// minute into one pane per country and advance 20 pane windows held at steady state (43,201 panes each).
/// </summary>
/// <remarks>
/// The incremental state must keep moving forward across invocations, so its tasks advance on a synthetic
/// timeline while the orders of each pane come from the real data, minute after minute, wrapping around the
/// generated 150 days: the cost per task is that of the sample, without a warm-up in the measured time.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SlidingAovBenchmarks
{
    private const long Minute = TimeSpan.TicksPerMinute;
    private const long LookbackTicks = 30 * 1440 * Minute;
    private static readonly Instant DataStart = Instant.FromUtc(2021, 11, 2, 0, 0);
    private static readonly Instant DataEnd = Instant.FromUtc(2022, 4, 1, 0, 0);
    private Orders _orders = null!;
    private int[] _minuteStarts = [];
    private PaneWindow<Average<long>>[] _windows = [];
    private readonly Average<long>[] _pane = new Average<long>[Orders.Countries.Length];
    private readonly Average<long>[] _result = new Average<long>[Orders.Countries.Length];
    private long _task;
    private int _rescanIndex;
    private int _minutes;

    [GlobalSetup]
    public void Setup()
    {
        _orders = Orders.Generate(1_000_000, 42, DataStart, DataEnd);
        _minutes = (int)((DataEnd - DataStart).BclCompatibleTicks / Minute);
        long start = DataStart.ToUnixTimeTicks();
        _minuteStarts = Enumerable.Range(0, _minutes + 1).Select(m => _orders.LowerBound(start + m * Minute)).ToArray();
        _windows = Orders.Countries.Select(_ => PaneWindow.Subtracting<Average<long>, AverageAggregate<long>>(45_000)).ToArray();
        while (_task < 30 * 1440)
        {
            IncrementalOneTask();
        }
    }

    [Benchmark(Baseline = true)]
    public long RescanOneTask()
    {
        // Tasks of the last 90 days of data (full 30-day windows), a different one each call.
        int minute = 60 * 1440 + (_rescanIndex++ * 7919 % (90 * 1440));
        long end = DataStart.ToUnixTimeTicks() + (minute + 1) * Minute;
        var task = new ScheduledTask(end - Minute, end, LookbackTicks);
        WindowedAov.Rescan(_orders, task, _result);
        return _result[0].Count;
    }

    [Benchmark]
    public long IncrementalOneTask()
    {
        int minute = (int)(_task % _minutes);
        WindowedAov.FillPane(_orders, _minuteStarts[minute], DataStart.ToUnixTimeTicks() + (minute + 1) * Minute, _pane);
        var task = new ScheduledTask(_task * Minute, (_task + 1) * Minute, LookbackTicks);
        _task++;
        long n = 0;
        for (int c = 0; c < _windows.Length; c++)
        {
            n += _windows[c].Advance(task, _pane[c]).Count;
        }
        return n;
    }
}

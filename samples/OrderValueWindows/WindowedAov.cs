using System.Diagnostics;
using UpStats.Time.Scheduling;
using UpStats.Time.Scheduling.Windows;

namespace OrderValueWindows;

/// <summary>
/// The average order value per country over each task's window <c>[start − lookback, end)</c>, two ways:
/// incrementally (each task's orders are rolled into one pane per country, once; the window is the combination
/// of its panes, kept by a subtract-on-evict pane window) and by a brute-force rescan of the window.
/// </summary>
public static class WindowedAov
{
    /// <summary>
    /// Runs the schedule incrementally and calls <paramref name="onTask"/> with every task and its per-country
    /// (sum, count) window states. Before the first task, the lookback before <c>START_FROM</c> is rolled into
    /// panes with a warm-up schedule of the same interval, so the first window is complete too.
    /// </summary>
    /// <returns>The number of tasks run.</returns>
    public static int RunIncremental(Orders orders, TaskSchedule schedule, Action<ScheduledTask, ReadOnlySpan<Average<long>>>? onTask)
    {
        int countries = Orders.Countries.Length;
        var windows = new PaneWindow<Average<long>>[countries];
        int panesPerWindow = (int)Math.Min(1 << 20, schedule.Lookback.Duration / schedule.Interval.NominalDuration + 2);
        for (int c = 0; c < countries; c++)
        {
            windows[c] = PaneWindow.Subtracting<Average<long>, AverageAggregate<long>>(panesPerWindow);
        }
        var pane = new Average<long>[countries];
        var current = new Average<long>[countries];
        var warmStart = schedule.StartFrom - schedule.Lookback.Duration;
        int next = orders.LowerBound(warmStart.ToUnixTimeTicks());
        if (schedule.Lookback.Duration > Duration.Zero)
        {
            var warmUp = TaskSchedule.Create(warmStart, schedule.Interval, endAt: schedule.StartFrom, zone: schedule.Zone);
            foreach (var task in warmUp.Tasks())
            {
                next = FillPane(orders, next, task.End.ToUnixTimeTicks(), pane);
                for (int c = 0; c < countries; c++)
                {
                    windows[c].Push(task.Start, task.End, pane[c]);
                }
            }
        }
        next = orders.LowerBound(schedule.StartFrom.ToUnixTimeTicks());
        int tasks = 0;
        foreach (var task in schedule.Tasks())
        {
            next = FillPane(orders, next, task.End.ToUnixTimeTicks(), pane);
            for (int c = 0; c < countries; c++)
            {
                current[c] = windows[c].Advance(task, pane[c]);
            }
            onTask?.Invoke(task, current);
            tasks++;
        }
        return tasks;
    }

    /// <summary>Rolls the orders from index <paramref name="next"/> up to <paramref name="endTicks"/> into one pane per country.</summary>
    /// <returns>The index of the first order at or after <paramref name="endTicks"/>.</returns>
    public static int FillPane(Orders orders, int next, long endTicks, Span<Average<long>> pane)
    {
        pane.Clear();
        var ticks = orders.Ticks;
        var country = orders.Country;
        var cents = orders.Cents;
        while (next < ticks.Length && ticks[next] < endTicks)
        {
            ref var p = ref pane[country[next]];
            p = new Average<long>(p.Sum + cents[next], p.Count + 1);
            next++;
        }
        return next;
    }

    /// <summary>The brute force: scans every order of the task's window.</summary>
    public static void Rescan(Orders orders, ScheduledTask task, Span<Average<long>> result)
    {
        int from = orders.LowerBound(task.WindowStart.ToUnixTimeTicks());
        FillPane(orders, from, task.WindowEnd.ToUnixTimeTicks(), result);
    }

    /// <summary>
    /// Runs <paramref name="schedule"/> incrementally (timed), then rescans every <paramref name="rescanEvery"/>-th
    /// task (and the last) from scratch (timed) and compares the two exactly.
    /// </summary>
    public static CaseResult Check(string name, Orders orders, TaskSchedule schedule, int rescanEvery)
    {
        int countries = Orders.Countries.Length;
        var sampled = new List<(ScheduledTask Task, Average<long>[] States)>();
        ScheduledTask last = default;
        Average<long>[] lastStates = new Average<long>[countries];
        int index = 0;
        var incremental = Stopwatch.StartNew();
        int tasks = RunIncremental(orders, schedule, (task, states) =>
        {
            if (index % rescanEvery == 0)
            {
                sampled.Add((task, states.ToArray()));
            }
            last = task;
            states.CopyTo(lastStates);
            index++;
        });
        incremental.Stop();
        if (tasks > 0 && (tasks - 1) % rescanEvery != 0)
        {
            sampled.Add((last, lastStates));
        }
        int mismatches = 0;
        var rescanned = new Average<long>[countries];
        var rescan = Stopwatch.StartNew();
        foreach (var (task, states) in sampled)
        {
            Rescan(orders, task, rescanned);
            for (int c = 0; c < countries; c++)
            {
                if (rescanned[c] != states[c])
                {
                    mismatches++;
                }
            }
        }
        rescan.Stop();
        return new CaseResult(name, tasks, sampled.Count, mismatches, incremental.Elapsed, rescan.Elapsed, last, lastStates);
    }
}

/// <summary>The outcome of one case: counts, timings, and the last task's per-country window states.</summary>
public sealed record CaseResult(
    string Name, int Tasks, int RescannedTasks, int Mismatches, TimeSpan Incremental, TimeSpan Rescan,
    ScheduledTask LastTask, Average<long>[] LastStates)
{
    /// <summary>Incremental time per task.</summary>
    public double IncrementalMicrosPerTask => Incremental.TotalMicroseconds / Math.Max(1, Tasks);

    /// <summary>Rescan time per rescanned task.</summary>
    public double RescanMicrosPerTask => Rescan.TotalMicroseconds / Math.Max(1, RescannedTasks);

    /// <summary>How many times faster the incremental run is per task.</summary>
    public double SpeedUp => RescanMicrosPerTask / IncrementalMicrosPerTask;
}

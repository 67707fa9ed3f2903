using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Grid;
using UpStats.Time.Scheduling;
using UpStats.Time.Tests.Grid;

namespace UpStats.Time.Tests.Scheduling;

/// <summary>
/// The schedule rules as properties over generated zones (biased to DST transitions), intervals,
/// lookbacks and spans: tiling, grid boundaries (checked against the MapLocal oracle), one task per instant,
/// the tasks reading an event against a brute-force scan, and local midnights in every tzdb zone.
/// </summary>
public partial class TaskScheduleTest
{
    /// <summary>A schedule of a few dozen tasks around a transition of a random zone.</summary>
    private static Gen<(TaskSchedule Schedule, Instant Probe)> Schedules =>
        from zi in Generators.ZoneAndInstant
        from minutes in Generators.RunIntervalMinutes
        from lookback in Generators.LookbackTicks
        from offGridSeconds in Gen.Choose(0, 86_400 * 3)
        from spanTasks in Gen.Choose(0, 40)
        from probeFraction in Gen.Choose(0, 1000)
        let interval = RunInterval.FromMinutes(minutes)
        let start = zi.Instant - Duration.FromSeconds(offGridSeconds % (minutes * 60))
        let end = start + interval.NominalDuration * spanTasks + Duration.FromSeconds(offGridSeconds % 3600)
        let schedule = TaskSchedule.Create(start, interval, endAt: end, lookback: LookbackDuration.FromDuration(Duration.FromTicks(lookback)), zone: zi.Zone)
        from probeKind in Gen.Choose(0, 3)
        let anywhere = start - Duration.FromTicks(lookback) - interval.NominalDuration + (end - start + Duration.FromTicks(lookback) + interval.NominalDuration * 2) * (probeFraction / 1000.0)
        select (schedule, Probe(schedule, probeKind, probeFraction, anywhere));

    /// <summary>
    /// Where rules break: anywhere (kind 0), exactly on a task boundary (1), a boundary minus the lookback (2, where
    /// a window starts), or one tick before a boundary (3).
    /// </summary>
    private static Instant Probe(TaskSchedule schedule, int kind, int fraction, Instant anywhere)
    {
        var boundaries = schedule.Tasks().Select(t => t.Start).Append(schedule.Tasks().End).ToList();
        var b = boundaries[fraction % boundaries.Count];
        return kind switch
        {
            1 => b,
            2 => b - schedule.Lookback.Duration,
            3 => b - Duration.Epsilon * 100,
            _ => anywhere,
        };
    }

    private static string Describe(TaskSchedule s) => s.ToString();

    [Property(MaxTest = 150)]
    public Property Tasks_TileFromStartFromToTheLastBoundaryBeforeEndAt() =>
        Prop.ForAll(Arb.From(Schedules), c =>
        {
            var s = c.Schedule;
            var tasks = s.Tasks().ToList();
            var expectedEnd = s.Grid.BoundaryAtOrBefore(s.EndAt!.Value) is var b && b > s.StartFrom ? b : s.StartFrom;
            bool tiled = tasks.Count == 0
                ? expectedEnd == s.StartFrom
                : tasks[0].Start == s.StartFrom && tasks[^1].End == expectedEnd
                  && tasks.Zip(tasks.Skip(1)).All(p => p.First.End == p.Second.Start)
                  && tasks.All(t => t.Start < t.End && t.End <= s.EndAt!.Value);
            // The remainder after the last task is shorter than one task: the next boundary is past END_AT.
            bool remainderNotRun = s.Grid.NextBoundary(expectedEnd) > s.EndAt!.Value || expectedEnd == s.StartFrom;
            return (tiled && remainderNotRun).Label($"{Describe(s)}: {tasks.Count} tasks ending {expectedEnd}");
        });

    [Property(MaxTest = 150)]
    public Property Tasks_BoundariesAfterTheFirstAreExactlyTheGridBoundaries() =>
        Prop.ForAll(Arb.From(Schedules), c =>
        {
            var s = c.Schedule;
            var tasks = s.Tasks().ToList();
            if (tasks.Count == 0)
            {
                return true.Label("empty");
            }
            // The oracle: every boundary the grid defines (via MapLocal) strictly after START_FROM up to the last end.
            var from = s.StartFrom.InZone(s.Zone).LocalDateTime.PlusDays(-2);
            var to = tasks[^1].End.InZone(s.Zone).LocalDateTime.PlusDays(2);
            var oracle = GridOracle.Boundaries(s.Grid, from, to).Where(x => x > s.StartFrom && x <= tasks[^1].End).ToList();
            var ends = tasks.Select(t => t.End).ToList();
            return oracle.SequenceEqual(ends).Label($"{Describe(s)}: ends {string.Join(",", ends)} vs oracle {string.Join(",", oracle)}");
        });

    [Property(MaxTest = 200)]
    public Property EveryInstant_IsInExactlyOneTask_TheOneTaskContainingFinds() =>
        Prop.ForAll(Arb.From(Schedules), c =>
        {
            var s = c.Schedule;
            var containing = s.Tasks().Where(t => t.Contains(c.Probe)).ToList();
            bool found = s.TryGetTaskContaining(c.Probe, out var task);
            bool inSpan = c.Probe >= s.Tasks().Start && c.Probe < s.Tasks().End;
            return (containing.Count == (inSpan ? 1 : 0) && found == inSpan && (!found || task == containing[0]))
                .Label($"{Describe(s)} probe {c.Probe}: scan {containing.Count}, found {found} {task}");
        });

    [Property(MaxTest = 200)]
    public Property TasksReading_EqualsABruteForceScanOfTheWindows() =>
        Prop.ForAll(Arb.From(Schedules), c =>
        {
            var s = c.Schedule;
            var expected = s.Tasks().Where(t => t.WindowContains(c.Probe)).ToList();
            var actual = s.TasksReading(c.Probe).ToList();
            return expected.SequenceEqual(actual).Label($"{Describe(s)} event {c.Probe}: {actual.Count} vs scan {expected.Count}");
        });

    [Fact]
    public void DailyTasks_InEveryTzdbZone_StartAtLocalMidnightOrAtTheJumpOverIt()
    {
        var from = Instant.FromUtc(1970, 1, 1, 0, 0);
        var to = Instant.FromUtc(2038, 1, 1, 0, 0);
        int checkedTasks = 0;
        foreach (var id in Generators.ZonesToWalk)
        {
            var zone = DateTimeZoneProviders.Tzdb[id];
            foreach (var transition in zone.GetZoneIntervals(from, to).Where(z => z.HasStart && z.Start > from).Select(z => z.Start))
            {
                var schedule = TaskSchedule.Create(transition - Duration.FromDays(2), RunInterval.FromDays(1), endAt: transition + Duration.FromDays(2), zone: zone);
                bool first = true;
                foreach (var task in schedule.Tasks())
                {
                    if (!first)
                    {
                        AssertStartsADay(zone, task.Start, id);
                        checkedTasks++;
                    }
                    first = false;
                    AssertStartsADay(zone, task.End, id);
                }
            }
        }
        Assert.True(checkedTasks > Generators.ScaledToZonesWalked(50_000), $"only {checkedTasks} tasks checked");
    }

    private static void AssertStartsADay(DateTimeZone zone, Instant start, string id)
    {
        var local = start.InZone(zone).LocalDateTime;
        if (local.TimeOfDay == LocalTime.Midnight)
        {
            return;
        }
        // Midnight of this date was skipped: the day starts at the jump, which is the start of the zone interval.
        var midnight = zone.MapLocal(local.Date.AtMidnight());
        Assert.True(midnight.Count == 0 && midnight.LateInterval.Start == start, $"{id}: task starts at {local} ({start}), not a local midnight");
    }

    [Fact]
    public void Enumeration_OfTenThousandTasks_AllocatesNothingPerTask()
    {
        var schedule = TaskSchedule.Create(Instant.FromUtc(2022, 1, 1, 0, 0), RunInterval.OneMinute, endAt: Instant.FromUtc(2022, 1, 8, 0, 0),
            zone: DateTimeZoneProviders.Tzdb["Europe/Berlin"]);
        long sum = Walk(schedule); // warm up (JIT, zone table)
        long before = GC.GetAllocatedBytesForCurrentThread();
        sum += Walk(schedule);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(2 * 7 * 1440L, sum);
        Assert.Equal(0, allocated);

        static long Walk(TaskSchedule s)
        {
            long n = 0;
            foreach (var t in s.Tasks())
            {
                n += t.EndTicks > t.StartTicks ? 1 : 0;
            }
            return n;
        }
    }
}

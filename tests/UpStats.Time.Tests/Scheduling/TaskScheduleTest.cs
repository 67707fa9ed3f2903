using NodaTime.Testing;
using UpStats.Time.Scheduling;

namespace UpStats.Time.Tests.Scheduling;

/// <summary>
/// Upsolver's documented examples, by name, and the DST cases of a zone-aware schedule. The properties that
/// check every rule on generated schedules are in <c>TaskScheduleTest.Properties.cs</c>.
/// </summary>
public partial class TaskScheduleTest
{
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    private static Instant Utc(int y, int mo, int d, int h = 0, int mi = 0) => Instant.FromUtc(y, mo, d, h, mi);

    [Fact]
    public void Upsolver_StartFromNowAt1103_FiveMinutes_FirstTaskIs1103To1105()
    {
        var clock = new FakeClock(Utc(2022, 8, 4, 11, 3));
        var schedule = TaskSchedule.Create(ScheduleTime.Now, RunInterval.ParseOrThrow("5 MINUTES"), clock: clock);
        clock.AdvanceMinutes(12); // 11:15: tasks 11:03–11:05, 11:05–11:10, 11:10–11:15 are due
        var tasks = schedule.Tasks().ToList();
        Assert.Equal(Utc(2022, 8, 4, 11, 3), tasks[0].Start);
        Assert.Equal(Utc(2022, 8, 4, 11, 5), tasks[0].End);
        Assert.Equal([Utc(2022, 8, 4, 11, 5), Utc(2022, 8, 4, 11, 10), Utc(2022, 8, 4, 11, 15)], tasks.Select(t => t.End));
    }

    [Fact]
    public void Upsolver_EndAtNowAt1103_FiveMinutes_LastTaskIs1055To1100()
    {
        var clock = new FakeClock(Utc(2022, 8, 4, 11, 3));
        var schedule = TaskSchedule.Create(Utc(2022, 8, 4, 10, 0), RunInterval.ParseOrThrow("5 MINUTES"), endAt: ScheduleTime.Now, clock: clock);
        var tasks = schedule.Tasks().ToList();
        Assert.Equal(12, tasks.Count);
        Assert.Equal(Utc(2022, 8, 4, 10, 55), tasks[^1].Start);
        Assert.Equal(Utc(2022, 8, 4, 11, 0), tasks[^1].End);
        // The 11:00–11:03 remainder is not run.
        Assert.False(schedule.TryGetTaskContaining(Utc(2022, 8, 4, 11, 1), out _));
    }

    [Fact]
    public void Upsolver_OneMinuteBlocksFrom20220804At1100_OneTaskPerMinute()
    {
        var start = Utc(2022, 8, 4, 11, 0);
        var schedule = TaskSchedule.Create(start, RunInterval.OneMinute, endAt: start + Duration.FromHours(1));
        var tasks = schedule.Tasks().ToList();
        Assert.Equal(60, tasks.Count);
        for (int i = 0; i < 60; i++)
        {
            Assert.Equal(start + Duration.FromMinutes(i), tasks[i].Start);
            Assert.Equal(Duration.FromMinutes(1), tasks[i].Duration);
        }
        Assert.True(schedule.TryGetTaskContaining(start + Duration.FromSeconds(90), out var task));
        Assert.Equal((Utc(2022, 8, 4, 11, 1), Utc(2022, 8, 4, 11, 2)), (task.Start, task.End));
    }

    [Fact]
    public void Upsolver_ThirtyDaysFrom20220101_FirstBlockIsJan1ToJan31_SecondStartsJan31()
    {
        var schedule = TaskSchedule.Create(Utc(2022, 1, 1), RunInterval.ParseOrThrow("30 DAYS"), endAt: Utc(2022, 4, 1));
        var tasks = schedule.Tasks().ToList();
        Assert.Equal((Utc(2022, 1, 1), Utc(2022, 1, 31)), (tasks[0].Start, tasks[0].End));
        Assert.Equal((Utc(2022, 1, 31), Utc(2022, 3, 2)), (tasks[1].Start, tasks[1].End));
        Assert.Equal(3, tasks.Count); // Mar 2 – Apr 1 ends exactly at END_AT
        Assert.Equal(tasks[0].Interval, tasks[0].Window); // no lookback: the tumbling window is the task
    }

    [Fact]
    public void Upsolver_ThirtyDaysWithSixtyDayLookback_ReadsNinetyDaysEveryThirtyDays()
    {
        var schedule = TaskSchedule.Create(Utc(2022, 1, 1), RunInterval.ParseOrThrow("30 DAYS"), endAt: Utc(2022, 12, 31),
            lookback: LookbackDuration.ParseOrThrow("60d"));
        foreach (var task in schedule.Tasks())
        {
            Assert.Equal(Duration.FromDays(90), task.WindowEnd - task.WindowStart);
            Assert.Equal(task.Start - Duration.FromDays(60), task.WindowStart);
        }
        Assert.Equal(12, schedule.Tasks().Count());
    }

    [Fact]
    public void Upsolver_SlidingThirtyDayWindow_ReadsRunStartMinusThirtyDaysToRunEnd()
    {
        var schedule = TaskSchedule.Create(Utc(2022, 8, 4, 11, 0), RunInterval.OneMinute, endAt: Utc(2022, 8, 4, 12, 0),
            lookback: LookbackDuration.ParseOrThrow("30d"));
        var first = schedule.Tasks().First();
        Assert.Equal(new Interval(Utc(2022, 7, 5, 11, 0), Utc(2022, 8, 4, 11, 1)), first.Window);
    }

    [Fact]
    public void Upsolver_FiveHours_IsRejected() =>
        Assert.False(RunInterval.Parse("5 HOURS").Success);

    [Fact]
    public void Tasks_WindowIsHalfOpen_UnlikeSqlBetween()
    {
        // BETWEEN run_start_time() - 30d AND run_end_time() would read an event at 11:01 in both the 11:00 and
        // the 11:01 task; the half-open window gives it to the 11:01 task (and the 30 days after) only.
        var schedule = TaskSchedule.Create(Utc(2022, 8, 4, 11, 0), RunInterval.OneMinute, endAt: Utc(2022, 8, 4, 12, 0));
        var reading = schedule.TasksReading(Utc(2022, 8, 4, 11, 1)).ToList();
        Assert.Equal([Utc(2022, 8, 4, 11, 1)], reading.Select(t => t.Start));
    }

    [Fact]
    public void Tasks_DailyInLosAngeles_Are23And25HoursOnDstDays()
    {
        var schedule = TaskSchedule.Create(Utc(2024, 3, 9, 8), RunInterval.FromDays(1), endAt: Utc(2024, 3, 12, 7), zone: LosAngeles);
        Assert.Equal([24, 23, 24], schedule.Tasks().Select(t => (int)t.Duration.TotalHours));
        var fall = TaskSchedule.Create(Utc(2024, 11, 2, 7), RunInterval.FromDays(1), endAt: Utc(2024, 11, 5, 8), zone: LosAngeles);
        Assert.Equal([24, 25, 24], fall.Tasks().Select(t => (int)t.Duration.TotalHours));
        Assert.All(fall.Tasks(), t => Assert.Equal(LocalTime.Midnight, t.Start.InZone(LosAngeles).TimeOfDay));
    }

    [Fact]
    public void Tasks_HourlyInLosAngeles_RepeatedHourGivesTwoTasks()
    {
        var schedule = TaskSchedule.Create(Utc(2024, 11, 3, 7), RunInterval.FromHours(1), endAt: Utc(2024, 11, 3, 11), zone: LosAngeles);
        var tasks = schedule.Tasks().ToList();
        Assert.Equal(4, tasks.Count);
        Assert.Equal(["00:00", "01:00", "01:00", "02:00"], tasks.Select(t => t.Start.InZone(LosAngeles).TimeOfDay.ToString("HH:mm", null)));
        Assert.All(tasks, t => Assert.Equal(Duration.FromHours(1), t.Duration));
    }

    [Fact]
    public void Tasks_SaoPauloDayWithoutMidnight_StartsAtTheJump()
    {
        var saoPaulo = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];
        var schedule = TaskSchedule.Create(Utc(2018, 11, 3, 3), RunInterval.FromDays(1), endAt: Utc(2018, 11, 6, 3), zone: saoPaulo);
        var starts = schedule.Tasks().Select(t => t.Start).ToList();
        Assert.Equal([Utc(2018, 11, 3, 3), Utc(2018, 11, 4, 3), Utc(2018, 11, 5, 2)], starts);
        Assert.Equal(new LocalTime(1, 0), starts[1].InZone(saoPaulo).TimeOfDay);
    }

    [Fact]
    public void Tasks_OpenEnded_ListsTheTasksDueByNow()
    {
        var clock = new FakeClock(Utc(2022, 8, 4, 11, 3));
        var schedule = TaskSchedule.Create(Utc(2022, 8, 4, 10, 58), RunInterval.FromMinutes(5), clock: clock);
        Assert.True(schedule.IsOpenEnded);
        Assert.Equal([Utc(2022, 8, 4, 11, 0)], schedule.Tasks().Select(t => t.End));
        clock.AdvanceMinutes(2); // 11:05: the 11:00–11:05 task is due now
        Assert.Equal([Utc(2022, 8, 4, 11, 0), Utc(2022, 8, 4, 11, 5)], schedule.Tasks().Select(t => t.End));
        Assert.True(schedule.TryGetTaskContaining(Utc(2022, 8, 5), out var future)); // future tasks exist
        Assert.Equal(Utc(2022, 8, 5, 0, 5), future.End);
    }

    [Fact]
    public void Create_EndBeforeStart_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => TaskSchedule.Create(Utc(2022, 1, 2), RunInterval.OneMinute, endAt: Utc(2022, 1, 1)));
        Assert.Equal("endAt", ex.ParamName);
    }

    [Fact]
    public void Tasks_EndAtBeforeFirstBoundary_IsEmpty()
    {
        var schedule = TaskSchedule.Create(Utc(2022, 8, 4, 11, 3), RunInterval.FromMinutes(5), endAt: Utc(2022, 8, 4, 11, 4));
        Assert.True(schedule.Tasks().IsEmpty);
        Assert.Empty(schedule.Tasks());
        Assert.False(schedule.TryGetTaskContaining(Utc(2022, 8, 4, 11, 3), out _));
    }
}

using System.Collections;
using NodaTime.Testing;
using UpStats.Time.Scheduling;

namespace UpStats.Time.Tests.Scheduling;

/// <summary>The value types around a schedule: <see cref="ScheduledTask"/>, <see cref="ScheduleTime"/> and <see cref="TaskList"/>.</summary>
public class ScheduledTaskTest
{
    private static readonly Instant Start = Instant.FromUtc(2022, 8, 4, 11, 0);
    private static readonly Instant End = Instant.FromUtc(2022, 8, 4, 11, 5);
    private static readonly Duration Lookback = Duration.FromMinutes(30);

    private static ScheduledTask Task(Instant start, Instant end, Duration lookback) =>
        new(start.ToUnixTimeTicks(), end.ToUnixTimeTicks(), lookback.BclCompatibleTicks);

    [Fact]
    public void Properties_AreTheTaskAndItsLookbackWindow()
    {
        var task = Task(Start, End, Lookback);
        Assert.Equal(Start, task.Start);
        Assert.Equal(End, task.End);
        Assert.Equal(Start - Lookback, task.WindowStart);
        Assert.Equal(End, task.WindowEnd);
        Assert.Equal(new Interval(Start, End), task.Interval);
        Assert.Equal(new Interval(Start - Lookback, End), task.Window);
        Assert.Equal(Duration.FromMinutes(5), task.Duration);
        Assert.Equal($"[{Start}, {End}) reads [{Start - Lookback}, {End})", task.ToString());
    }

    [Fact]
    public void Contains_IsHalfOpen()
    {
        var task = Task(Start, End, Lookback);
        var tick = Duration.FromTicks(1);
        Assert.True(task.Contains(Start));
        Assert.True(task.Contains(End - tick));
        Assert.False(task.Contains(End));
        Assert.False(task.Contains(Start - tick));
        Assert.True(task.WindowContains(Start - Lookback));
        Assert.True(task.WindowContains(End - tick));
        Assert.False(task.WindowContains(End));
        Assert.False(task.WindowContains(Start - Lookback - tick));
    }

    [Fact]
    public void Equals_StartEndAndLookbackAllCount()
    {
        var task = Task(Start, End, Lookback);
        Assert.True(task == Task(Start, End, Lookback));
        Assert.False(task != Task(Start, End, Lookback));
        Assert.Equal(task.GetHashCode(), Task(Start, End, Lookback).GetHashCode());
        Assert.True(task != Task(Start, End, Duration.Zero));
        Assert.True(task != Task(Start, End + Duration.FromMinutes(5), Lookback));
        Assert.True(task != Task(Start - Duration.FromMinutes(5), End, Lookback + Duration.FromMinutes(5))); // same window start
        Assert.True(task.Equals((object)Task(Start, End, Lookback)));
        Assert.False(task.Equals((object)task.Interval));
    }

    [Fact]
    public void ScheduleTime_NowAndAt_ResolveAndCompare()
    {
        var clock = new FakeClock(End);
        Assert.True(ScheduleTime.Now.IsNow);
        Assert.False(ScheduleTime.At(Start).IsNow);
        Assert.Equal(End, ScheduleTime.Now.Resolve(clock));
        Assert.Equal(Start, ScheduleTime.At(Start).Resolve(clock));
        ScheduleTime implicitStart = Start;
        Assert.True(implicitStart == ScheduleTime.At(Start));
        Assert.False(implicitStart != ScheduleTime.At(Start));
        Assert.True(ScheduleTime.Now == ScheduleTime.Now);
        Assert.True(ScheduleTime.Now != ScheduleTime.At(default));
        Assert.True(ScheduleTime.At(Start) != ScheduleTime.At(End));
        Assert.Equal(ScheduleTime.At(Start).GetHashCode(), implicitStart.GetHashCode());
        Assert.True(ScheduleTime.Now.Equals((object)ScheduleTime.Now));
        Assert.False(ScheduleTime.Now.Equals((object)"NOW"));
        Assert.Equal("NOW", ScheduleTime.Now.ToString());
        Assert.Equal(Start.ToString(), ScheduleTime.At(Start).ToString());
        Assert.Equal("clock", Assert.Throws<ArgumentNullException>(() => ScheduleTime.At(Start).Resolve(null!)).ParamName);
    }

    [Fact]
    public void TaskList_Default_IsEmpty()
    {
        var list = default(TaskList);
        Assert.True(list.IsEmpty);
        Assert.Empty(list);
        Assert.Equal(Instant.FromUnixTimeTicks(0), list.Start);
    }

    [Fact]
    public void TaskList_Enumerator_ResetsAndWorksUntyped()
    {
        var schedule = TaskSchedule.Create(Start, RunInterval.ParseOrThrow("5 MINUTES"), endAt: Start + Duration.FromMinutes(15));
        var list = schedule.Tasks();
        Assert.False(list.IsEmpty);
        Assert.Equal(Start, list.Start);
        Assert.Equal(Start + Duration.FromMinutes(15), list.End);
        var e = list.GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.True(e.MoveNext());
        Assert.Equal(End, e.Current.Start);
        e.Reset();
        Assert.Equal(default, e.Current);
        Assert.True(e.MoveNext());
        Assert.Equal(Start, e.Current.Start);
        Assert.True(e.MoveNext() & e.MoveNext());
        Assert.False(e.MoveNext());
        e.Dispose();
        var untyped = new List<object>();
        foreach (object task in (IEnumerable)list)
        {
            untyped.Add(task);
        }
        Assert.Equal(list.Cast<object>(), untyped);
        Assert.Equal(3, untyped.Count);
        IEnumerator plain = ((IEnumerable)list).GetEnumerator();
        Assert.True(plain.MoveNext());
        Assert.Equal(list.First(), plain.Current);
    }

    [Fact]
    public void TaskList_NothingDueYet_IsEmptyAndEndsAtItsStart()
    {
        var clock = new FakeClock(Start + Duration.FromMinutes(3));
        var schedule = TaskSchedule.Create(Start, RunInterval.ParseOrThrow("5 MINUTES"), clock: clock);
        var due = schedule.Tasks();
        Assert.True(due.IsEmpty);
        Assert.Equal(due.Start, due.End);
        Assert.Empty(due);
        var before = schedule.TasksDueBy(Start - Duration.FromHours(1));
        Assert.True(before.IsEmpty);
        Assert.Equal(Start, before.End);
    }
}

using NodaTime.Testing;
using UpStats.Time.Scheduling;

namespace UpStats.Time.Tests.Scheduling;

public class EventTimeAssignerTest
{
    private static readonly Instant T1100 = Instant.FromUtc(2022, 8, 4, 11, 0);

    private static Instant At(int minute, int second = 0) => T1100 + Duration.FromMinutes(minute) + Duration.FromSeconds(second);

    [Fact]
    public void Upsolver_InOrderEvents_UseTheSourceTimestamp()
    {
        var assigner = new EventTimeAssigner(new FakeClock(At(10)));
        Assert.Equal(new EventTime(EventTimeKind.AsIs, At(1)), assigner.Assign(At(1), T1100, At(10)));
        Assert.Equal(new EventTime(EventTimeKind.AsIs, At(1)), assigner.Assign(At(1), T1100, At(10))); // equal is not before
        Assert.Equal(new EventTime(EventTimeKind.AsIs, At(2)), assigner.Assign(At(2), T1100, At(10)));
    }

    [Fact]
    public void Upsolver_FutureEvent_WaitsUntilItsTime()
    {
        var clock = new FakeClock(At(5));
        var assigner = new EventTimeAssigner(clock);
        var task = TaskSchedule.Create(T1100, RunInterval.FromMinutes(5), endAt: At(60)).Tasks().First();
        Assert.Equal(new EventTime(EventTimeKind.Deferred, At(7)), assigner.Assign(At(7), task));
        Assert.Null(assigner.Previous);
        clock.AdvanceMinutes(2);
        Assert.Equal(new EventTime(EventTimeKind.AsIs, At(7)), assigner.Assign(At(7), task));
    }

    [Fact]
    public void Upsolver_EarlierEvent_GetsMaxOfPreviousAndTaskStart()
    {
        var assigner = new EventTimeAssigner(new FakeClock(At(30)));
        assigner.Assign(At(3), T1100, At(30));
        // Earlier than the previous (11:03), task started 11:00: keeps 11:03.
        Assert.Equal(new EventTime(EventTimeKind.Adjusted, At(3)), assigner.Assign(At(1), T1100, At(30)));
        // Earlier than the previous, but the task started 11:05: the task start.
        Assert.Equal(new EventTime(EventTimeKind.Adjusted, At(5)), assigner.Assign(At(2), At(5), At(30)));
        Assert.Equal(At(5), assigner.Previous);
    }

    [Fact]
    public void Assign_RandomStream_NeverDecreasesAndNeverPassesNow()
    {
        var random = new Random(42);
        var assigner = new EventTimeAssigner(new FakeClock(T1100));
        Instant last = Instant.MinValue;
        for (int i = 0; i < 10_000; i++)
        {
            var now = At(i / 10);
            var taskStart = At(i / 10 / 5 * 5);
            var source = now + Duration.FromSeconds(random.Next(-600, 60));
            var result = assigner.Assign(source, taskStart, now);
            if (result.Kind == EventTimeKind.Deferred)
            {
                Assert.True(source > now);
                continue;
            }
            Assert.True(result.Time >= last && result.Time <= now);
            Assert.Equal(result.Kind == EventTimeKind.AsIs, result.Time == source && source >= last);
            last = result.Time;
        }
    }
}

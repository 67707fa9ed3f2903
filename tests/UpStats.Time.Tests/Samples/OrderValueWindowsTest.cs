using OrderValueWindows;
using UpStats.Time.Scheduling;

namespace UpStats.Time.Tests.Samples;

/// <summary>The OrderValueWindows sample's core on a small input, with every task rescanned.</summary>
public class OrderValueWindowsTest
{
    private static readonly Instant Start = Instant.FromUtc(2022, 1, 1, 0, 0);
    private static readonly Orders SmallOrders = Orders.Generate(20_000, 7, Start - Duration.FromDays(8), Start + Duration.FromDays(12));

    [Theory]
    [InlineData("15 MINUTES", "1d")]
    [InlineData("1 HOUR", "3d")]
    [InlineData("2 DAYS", "")]
    [InlineData("2 DAYS", "4d")]
    public void Check_EveryTaskRescanned_IncrementalEqualsRescan(string interval, string lookback)
    {
        var schedule = TaskSchedule.Create(Start, RunInterval.ParseOrThrow(interval), endAt: Start + Duration.FromDays(10),
            lookback: lookback == "" ? LookbackDuration.None : LookbackDuration.ParseOrThrow(lookback));
        var result = WindowedAov.Check(interval, SmallOrders, schedule, rescanEvery: 1);
        Assert.Equal(schedule.Tasks().Count(), result.Tasks);
        Assert.Equal(result.Tasks, result.RescannedTasks);
        Assert.Equal(0, result.Mismatches);
        Assert.True(result.LastStates.Sum(s => s.Count) > 0);
    }

    [Fact]
    public void RunIncremental_TumblingTasks_CountEveryOrderOnce()
    {
        var schedule = TaskSchedule.Create(Start, RunInterval.ParseOrThrow("1 DAY"), endAt: Start + Duration.FromDays(10));
        long counted = 0;
        WindowedAov.RunIncremental(SmallOrders, schedule, (_, states) =>
        {
            foreach (var s in states)
            {
                counted += s.Count;
            }
        });
        long expected = SmallOrders.Ticks.Count(t => t >= Start.ToUnixTimeTicks() && t < (Start + Duration.FromDays(10)).ToUnixTimeTicks());
        Assert.Equal(expected, counted);
    }
}

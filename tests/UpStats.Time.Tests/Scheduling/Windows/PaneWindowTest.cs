using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Scheduling;
using UpStats.Time.Scheduling.Windows;

namespace UpStats.Time.Tests.Scheduling.Windows;

public class PaneWindowTest
{
    /// <summary>Events (minute offset from the schedule start, value) and a window of W panes of one task each.</summary>
    private static Gen<(int[] Minutes, int[] Values, int TaskMinutes, int LookbackTasks)> Cases =>
        from count in Gen.Choose(0, 300)
        from minutes in Gen.ArrayOf(Gen.Choose(-200, 1500), count)
        from values in Gen.ArrayOf(Gen.Choose(-1000, 1000), count)
        from taskMinutes in Gen.Elements(1, 5, 15, 60)
        from lookbackTasks in Gen.Choose(0, 40)
        select (minutes, values, taskMinutes, lookbackTasks);

    [Property(MaxTest = 150)]
    public Property IncrementalAggregates_EqualARescanOfEveryTaskWindow() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            var start = Instant.FromUtc(2022, 8, 4, 11, 0);
            var events = c.Minutes.Zip(c.Values, (m, v) => (Time: start + Duration.FromMinutes(m) + Duration.FromSeconds(m % 7 * 3), Value: (long)v)).ToArray();
            var schedule = TaskSchedule.Create(start, RunInterval.FromMinutes(c.TaskMinutes), endAt: start + Duration.FromMinutes(1440),
                lookback: LookbackDuration.FromDuration(Duration.FromMinutes(c.TaskMinutes * c.LookbackTasks)));
            var sums = PaneWindow.Subtracting<long, SumAggregate<long>>();
            var counts = PaneWindow.Subtracting<long, CountAggregate>();
            var averages = PaneWindow.Subtracting<Average<long>, AverageAggregate<long>>();
            var minima = PaneWindow.TwoStacks<Extremum<long>, MinAggregate<long>>();
            var maxima = PaneWindow.TwoStacks<Extremum<long>, MaxAggregate<long>>();
            // Events before the first task belong to no pane; the rescan must not see them either.
            var inSchedule = events.Where(e => e.Time >= schedule.StartFrom).ToArray();
            foreach (var task in schedule.Tasks())
            {
                var own = inSchedule.Where(e => task.Contains(e.Time)).Select(e => e.Value).ToArray();
                long sum = sums.Advance(task, own.Sum());
                long n = counts.Advance(task, own.Length);
                var avg = averages.Advance(task, new Average<long>(own.Sum(), own.Length));
                var min = minima.Advance(task, own.Length == 0 ? default : Extremum<long>.Of(own.Min()));
                var max = maxima.Advance(task, own.Length == 0 ? default : Extremum<long>.Of(own.Max()));
                var window = inSchedule.Where(e => task.WindowContains(e.Time)).Select(e => e.Value).ToArray();
                bool ok = sum == window.Sum() && n == window.Length && avg == new Average<long>(window.Sum(), window.Length)
                    && min == (window.Length == 0 ? default : Extremum<long>.Of(window.Min()))
                    && max == (window.Length == 0 ? default : Extremum<long>.Of(window.Max()));
                if (!ok)
                {
                    return false.Label($"task {task}: sum {sum} n {n} min {min} max {max} vs rescan {window.Sum()} {window.Length}");
                }
            }
            return true.Label("all tasks agree");
        });

    [Fact]
    public void EvictBefore_WindowStartInsideAPane_Throws()
    {
        var window = PaneWindow.TwoStacks<long, SumAggregate<long>>();
        window.Push(Instant.FromUtc(2022, 1, 1, 0, 0), Instant.FromUtc(2022, 1, 1, 0, 5), 3);
        Assert.Throws<InvalidOperationException>(() => window.EvictBefore(Instant.FromUtc(2022, 1, 1, 0, 2)));
    }

    [Fact]
    public void Push_OutOfOrder_Throws()
    {
        var window = PaneWindow.Subtracting<long, SumAggregate<long>>();
        window.Push(Instant.FromUtc(2022, 1, 1, 0, 5), Instant.FromUtc(2022, 1, 1, 0, 10), 3);
        Assert.Throws<ArgumentException>(() => window.Push(Instant.FromUtc(2022, 1, 1, 0, 0), Instant.FromUtc(2022, 1, 1, 0, 5), 1));
    }

    [Fact]
    public void TwoStack_MaxOverThreePanes_SlidesCorrectly()
    {
        var window = PaneWindow.TwoStacks<Extremum<int>, MaxAggregate<int>>(2);
        var t0 = Instant.FromUtc(2022, 1, 1, 0, 0);
        int[] values = [5, 1, 4, 2, 3, 0, 0, 0];
        int?[] expected = [5, 5, 5, 4, 4, 3, 3, 0];
        for (int i = 0; i < values.Length; i++)
        {
            window.Push(t0 + Duration.FromMinutes(i), t0 + Duration.FromMinutes(i + 1), Extremum<int>.Of(values[i]));
            window.EvictBefore(t0 + Duration.FromMinutes(i - 2));
            Assert.Equal(expected[i], window.Current.Value);
            Assert.True(window.PaneCount <= 3);
        }
    }
}

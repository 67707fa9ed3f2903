using System.Collections;
using UpStats.Time.Scheduling.Windows;

namespace UpStats.Time.Tests.Scheduling.Windows;

/// <summary>
/// The small pieces around the pane windows: the aggregates, <see cref="WindowMath.SlidingWindowsContaining"/>, <see cref="CalendarWindow"/>,
/// argument checks, and the pane ring growing and wrapping (checked against a plain list).
/// </summary>
public class WindowValuesTest
{
    private static readonly Instant T0 = Instant.FromUtc(2022, 1, 1, 0, 0);

    private static Instant M(int minutes) => T0 + Duration.FromMinutes(minutes);

    [Fact]
    public void MinAndMax_IgnoreMissingValues()
    {
        var min = default(MinAggregate<int>);
        var max = default(MaxAggregate<int>);
        var none = default(Extremum<int>);
        Assert.Equal(none, min.Identity);
        Assert.Equal(none, max.Identity);
        Assert.Equal(Extremum<int>.Of(3), min.Combine(none, Extremum<int>.Of(3)));
        Assert.Equal(Extremum<int>.Of(3), min.Combine(Extremum<int>.Of(3), none));
        Assert.Equal(Extremum<int>.Of(-7), max.Combine(none, Extremum<int>.Of(-7)));
        Assert.Equal(Extremum<int>.Of(-7), max.Combine(Extremum<int>.Of(-7), none));
        Assert.Equal(Extremum<int>.Of(2), min.Combine(Extremum<int>.Of(2), Extremum<int>.Of(5)));
        Assert.Equal(Extremum<int>.Of(2), min.Combine(Extremum<int>.Of(5), Extremum<int>.Of(2)));
        Assert.Equal(Extremum<int>.Of(5), max.Combine(Extremum<int>.Of(2), Extremum<int>.Of(5)));
        Assert.Equal(Extremum<int>.Of(5), max.Combine(Extremum<int>.Of(5), Extremum<int>.Of(2)));
        Assert.Equal(none, min.Combine(none, none));
        Assert.True(Extremum<int>.Of(0).HasValue);
        Assert.False(none.HasValue);
    }

    [Fact]
    public void Average_AddSubtractAndValue()
    {
        var avg = default(AverageAggregate<long>);
        Assert.Equal(new Average<long>(0, 0), avg.Identity);
        Assert.True(double.IsNaN(avg.Identity.Value));
        var a = Average<long>.Of(4).Add(6).Add(11);
        Assert.Equal(new Average<long>(21, 3), a);
        Assert.Equal(7.0, a.Value);
        Assert.Equal(new Average<long>(25, 4), avg.Combine(a, Average<long>.Of(4)));
        Assert.Equal(new Average<long>(17, 2), avg.Subtract(a, Average<long>.Of(4)));
        Assert.Equal(2.5, new Average<long>(5, 2).Value);
    }

    [Fact]
    public void SumAndCount_AddAndSubtract()
    {
        var sum = default(SumAggregate<decimal>);
        Assert.Equal(0m, sum.Identity);
        Assert.Equal(3.5m, sum.Combine(1.25m, 2.25m));
        Assert.Equal(-1m, sum.Subtract(1.25m, 2.25m));
        var count = default(CountAggregate);
        Assert.Equal(0L, count.Identity);
        Assert.Equal(5L, count.Combine(2, 3));
        Assert.Equal(-1L, count.Subtract(2, 3));
    }

    [Fact]
    public void SlidingWindowsContaining_IndexerEnumeratorAndBounds()
    {
        var list = WindowMath.SlidingWindowsContaining(M(10), Duration.FromMinutes(15), Duration.FromMinutes(5));
        Assert.Equal(3, list.Count);
        Assert.Equal([new Interval(M(0), M(15)), new Interval(M(5), M(20)), new Interval(M(10), M(25))], list.ToArray());
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => list[3]).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]).ParamName);
        var e = list.GetEnumerator();
        Assert.True(e.MoveNext() && e.MoveNext());
        Assert.Equal(list[1], e.Current);
        e.Reset();
        Assert.True(e.MoveNext());
        Assert.Equal(list[0], e.Current);
        Assert.True(e.MoveNext() && e.MoveNext());
        Assert.False(e.MoveNext());
        e.Dispose();
        IEnumerator untyped = ((IEnumerable)list).GetEnumerator();
        Assert.True(untyped.MoveNext());
        Assert.Equal(list[0], untyped.Current);
        Assert.Empty(default(ReadOnlyValueList<Interval>));
    }

    [Fact]
    public void WindowMath_NonPositiveOrSubTickArguments_Throw()
    {
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => WindowMath.TumblingStart(T0, Duration.FromMinutes(-5))).ParamName);
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => WindowMath.TumblingWindow(T0, Duration.FromNanoseconds(150))).ParamName);
        Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => WindowMath.TumblingStart(T0, Duration.FromMinutes(5), Duration.FromNanoseconds(1))).ParamName);
        Assert.Equal("slide", Assert.Throws<ArgumentOutOfRangeException>(() => WindowMath.SlidingWindowsContaining(T0, Duration.FromMinutes(5), Duration.Zero)).ParamName);
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => WindowMath.SlidingWindowsContaining(T0, Duration.Zero, Duration.FromMinutes(5))).ParamName);
        Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => WindowMath.SlidingWindowsContaining(T0, Duration.FromMinutes(5), Duration.FromMinutes(5), Duration.FromNanoseconds(1))).ParamName);
        Assert.Equal(T0 + Duration.FromTicks(1), WindowMath.TumblingStart(T0 + Duration.FromTicks(1), Duration.FromTicks(1)));
        Assert.Equal(new Interval(M(5), M(10)), WindowMath.TumblingWindow(M(7), Duration.FromMinutes(5)));
    }

    [Fact]
    public void CalendarWindow_ValueSemantics()
    {
        var days = new CalendarWindows(DateTimeZone.Utc);
        var day = days.DayOf(M(90));
        Assert.Equal(new LocalDate(2022, 1, 1), day.FirstDate);
        Assert.Equal(new LocalDate(2022, 1, 2), day.EndDate);
        Assert.Equal(new Interval(T0, T0 + Duration.FromDays(1)), day.Interval);
        Assert.True(day.Contains(T0));
        Assert.False(day.Contains(T0 - Duration.FromTicks(1)));
        Assert.False(day.Contains(T0 + Duration.FromDays(1)));
        Assert.True(day.Contains(T0 + Duration.FromDays(1) - Duration.FromTicks(1)));
        Assert.True(day == days.DayOf(T0));
        Assert.False(day != days.DayOf(T0));
        Assert.Equal(day.GetHashCode(), days.DayOf(T0).GetHashCode());
        Assert.True(day != days.DayOf(T0 + Duration.FromDays(1)));
        Assert.True(day.Equals((object)days.DayOf(T0)));
        Assert.False(day.Equals((object)day.Interval));
        Assert.Equal($"[2022-01-01, 2022-01-02) = [{T0}, {T0 + Duration.FromDays(1)})", day.ToString());
        // 2022-01-01 is a Saturday: its ISO week starts on Monday 2021-12-27, so the week is another window.
        Assert.False(day == new CalendarWindows(DateTimeZone.Utc).IsoWeekOf(T0));
        Assert.Same(DateTimeZone.Utc, days.Zone);
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => new CalendarWindows(null!)).ParamName);
    }

    [Fact]
    public void PaneWindows_ManyPanesWithWrapAround_EqualAPlainList()
    {
        // A ring of capacity 4 that grows while its head is in the middle: every state must survive the copy.
        var sums = PaneWindow.Subtracting<long, SumAggregate<long>>(1);
        var maxima = PaneWindow.TwoStacks<Extremum<long>, MaxAggregate<long>>(1);
        var panes = new List<(int Start, long Value)>();
        var values = new long[] { 5, -3, 8, 8, 1, 9, -2, 7, 4, 6, 0, 3, 12, -5, 2, 11, 10, 1, 1, 7 };
        int[] keep = [3, 3, 5, 2, 7, 9, 1, 4, 4, 8, 6, 2, 10, 3, 3, 1, 5, 7, 2, 4];
        for (int i = 0; i < values.Length; i++)
        {
            sums.Push(M(i), M(i + 1), values[i]);
            maxima.Push(M(i), M(i + 1), Extremum<long>.Of(values[i]));
            panes.Add((i, values[i]));
            int windowStart = i + 1 - keep[i];
            sums.EvictBefore(M(windowStart));
            maxima.EvictBefore(M(windowStart));
            panes.RemoveAll(p => p.Start < windowStart);
            Assert.Equal(panes.Count, sums.PaneCount);
            Assert.Equal(panes.Count, maxima.PaneCount);
            Assert.Equal(panes.Sum(p => p.Value), sums.Current);
            Assert.Equal(panes.Max(p => p.Value), maxima.Current.Value);
        }
    }

    [Fact]
    public void Push_PaneEndingBeforeItStarts_Throws()
    {
        var window = PaneWindow.TwoStacks<long, SumAggregate<long>>();
        Assert.Throws<ArgumentException>(() => window.Push(M(5), M(4), 1));
        window.Push(M(0), M(5), 1);
        window.Push(M(5), M(5), 2); // empty pane right at the previous end: allowed
        Assert.Throws<ArgumentException>(() => window.Push(M(4), M(10), 1));
        Assert.Equal(3L, window.Current);
        // Both panes end at or before 00:05: the empty one holds no instant of [00:05, …) either.
        window.EvictBefore(M(5));
        Assert.Equal(0L, window.Current);
        Assert.Equal(0, window.PaneCount);
    }

    [Fact]
    public void EvictBefore_WindowStartAtAPaneStart_KeepsThePane()
    {
        var sums = PaneWindow.Subtracting<long, SumAggregate<long>>();
        sums.Push(M(0), M(5), 1);
        sums.Push(M(5), M(10), 2);
        sums.EvictBefore(M(0));
        Assert.Equal(3L, sums.Current);
        sums.EvictBefore(M(5));
        Assert.Equal(2L, sums.Current);
        Assert.Throws<InvalidOperationException>(() => sums.EvictBefore(M(7)));
        sums.EvictBefore(M(10));
        Assert.Equal(0L, sums.Current);
        Assert.Equal(0, sums.PaneCount);
        sums.EvictBefore(M(20));
        Assert.Equal(0L, sums.Current);
    }
}

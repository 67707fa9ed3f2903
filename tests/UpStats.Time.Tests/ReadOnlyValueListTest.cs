using System.Collections;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Partitioning;
using UpStats.Time.Scheduling.Windows;
using Interval = NodaTime.Interval;

namespace UpStats.Time.Tests;

// The one read-only list behind every list the library returns, over each way it is stored: a view of a shared
// array (partitions near a transition, a range's intervals), an arithmetic series (one interval, sliding windows,
// the slices of a partition in a stretch of constant offset) and runs (a range's sources, a date range's
// partitions). Indexing in any order, foreach, ToArray, LINQ and equality must tell the same story.
public class ReadOnlyValueListTest
{
    [Property(MaxTest = 150)]
    public Property EveryListTheLibraryReturns_IndexerEnumeratorArrayAndLinqAgree() =>
        Prop.ForAll(Arb.From(from d in Generators.ZoneAndLocalDate from days in Gen.Choose(1, 4) from seed in Gen.Choose(0, 1000) select (d.Zone, d.Date, days, seed)), c =>
        {
            var random = new Random(c.seed);
            var hourly = PartitionMap.For(c.Zone, PartitionGranularity.Hour);
            var partitions = hourly.PartitionsOf(c.Date, c.Date.PlusDays(c.days));
            var problems = new List<string>();
            Check(partitions, random, "partitions", problems);
            foreach (var p in partitions)
            {
                Check(p.Intervals, random, $"{p.Key} intervals", problems);
                Check(p.Sources, random, $"{p.Key} sources", problems);
                // The same partition built alone views arrays; inside a run it is computed: equal lists either way.
                var alone = hourly.Partition(p.Key);
                if (alone != p || alone.Intervals != p.Intervals || alone.Sources != p.Sources
                    || alone.Intervals.GetHashCode() != p.Intervals.GetHashCode() || alone.Sources.GetHashCode() != p.Sources.GetHashCode())
                {
                    problems.Add($"{p.Key}: alone {alone} but in the range {p}");
                }
            }
            var range = hourly.RangeOf(c.Date.AtMidnight(), c.Date.PlusDays(c.days).At(new LocalTime(random.Next(24), random.Next(60))));
            Check(range.Intervals, random, "range intervals", problems);
            Check(range.Sources, random, "range sources", problems);
            var windows = WindowMath.SlidingWindowsContaining(range.Intervals.IsEmpty ? Instant.FromUtc(2000, 1, 1, 0, 0) : range.Intervals[0].Start,
                Duration.FromHours(random.Next(1, 30)), Duration.FromMinutes(random.Next(1, 300)));
            Check(windows, random, "sliding windows", problems);
            return (problems.Count == 0).Label($"{c.Zone.Id} {c.Date} +{c.days}d: {string.Join("; ", problems.Take(3))}");
        });

    [Fact]
    public void Equality_ComparesItemsInOrder_NotStorage()
    {
        var la = PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour);
        var day = la.PartitionsOf(new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 4));
        var again = la.PartitionsOf(new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 4));
        var next = la.PartitionsOf(new LocalDate(2024, 11, 4), new LocalDate(2024, 11, 5));
        var longer = la.PartitionsOf(new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 5));
        Assert.True(day == again);
        Assert.True(day.Equals((object)again));
        Assert.Equal(day.GetHashCode(), again.GetHashCode());
        Assert.True(day != next);
        Assert.False(day.Equals(longer));
        Assert.False(day.Equals((object)day.ToArray()));
        // The merged fall-back hour views a shared array; a one-interval list computed from two numbers equals it.
        var merged = day[1];
        Assert.Equal(PartitionKind.Merged, merged.Kind);
        var computed = la.RangeOf(new LocalDateTime(2024, 11, 3, 1, 0), new LocalDateTime(2024, 11, 3, 2, 0)).Intervals;
        Assert.True(merged.Intervals == computed);
        Assert.True(default(ReadOnlyValueList<Interval>).IsEmpty);
        Assert.Empty(default(ReadOnlyValueList<LocalPartition>).ToArray());
        Assert.False(default(ReadOnlyValueList<Interval>) == merged.Intervals);
    }

    [Fact]
    public void Enumerator_BeforeStartAfterEndAndReset()
    {
        var windows = WindowMath.SlidingWindowsContaining(Instant.FromUtc(2024, 1, 1, 0, 10), Duration.FromMinutes(15), Duration.FromMinutes(5));
        var e = windows.GetEnumerator();
        Assert.Equal(default, e.Current);
        Assert.True(e.MoveNext() && e.MoveNext() && e.MoveNext());
        Assert.False(e.MoveNext());
        Assert.False(e.MoveNext());
        e.Reset();
        Assert.True(e.MoveNext());
        Assert.Equal(windows[0], e.Current);
        Assert.Equal(windows[0], ((IEnumerator)e).Current);
        e.Dispose();
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => windows[int.MinValue]).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => default(ReadOnlyValueList<Interval>)[0]).ParamName);
    }

    private static void Check<T>(ReadOnlyValueList<T> list, Random random, string what, List<string> problems)
    {
        var viaForeach = new List<T>();
        foreach (var item in list)
        {
            viaForeach.Add(item);
        }
        // Random order: a run-based list must find each run whatever the previous read was.
        var order = Enumerable.Range(0, list.Count).OrderBy(_ => random.Next()).ToArray();
        var viaIndex = new T[list.Count];
        foreach (int i in order)
        {
            viaIndex[i] = list[i];
        }
        if (viaForeach.Count != list.Count || !viaForeach.SequenceEqual(viaIndex) || !list.ToArray().SequenceEqual(viaIndex)
            || !((IEnumerable<T>)list).SequenceEqual(viaIndex) || !((IEnumerable)list).Cast<T>().SequenceEqual(viaIndex)
            || list.IsEmpty != (list.Count == 0))
        {
            problems.Add($"{what}: foreach {viaForeach.Count} items, indexer {list.Count}");
        }
        if ((uint)list.Count < int.MaxValue && !Throws(() => list[list.Count]))
        {
            problems.Add($"{what}: [Count] did not throw");
        }
    }

    private static bool Throws(Func<object?> read)
    {
        try
        {
            read();
            return false;
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "index")
        {
            return true;
        }
    }
}

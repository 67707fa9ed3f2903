using System.Collections;
using NodaTime.Testing;
using UpStats.Time.Partitioning;

namespace UpStats.Time.Tests.Partitioning;

/// <summary>
/// The value types a partition map hands out (partitions, slices, lists, layouts, planned partitions): texts,
/// equality, bounds and enumerators, on the Udemy fall-back day in Los Angeles.
/// </summary>
public class PartitionValuesTest
{
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    private static readonly PartitionMap Hourly = PartitionMap.For(LosAngeles, PartitionGranularity.Hour);

    private static LocalPartition HourOf(int day, int hour) =>
        Hourly.Partition(new LocalPartitionKey(new LocalDateTime(2024, 11, day, hour, 0), PartitionGranularity.Hour));

    [Fact]
    public void LocalPartition_ToString_NamesKeyKindIntervalsAndSources()
    {
        var regular = HourOf(3, 0);
        Assert.Equal("2024-11-03T00 regular 2024-11-03T07:00:00Z/2024-11-03T08:00:00Z <- 2024-11-03T07", regular.ToString());
        var merged = HourOf(3, 1);
        Assert.Equal("2024-11-03T01 merged 2024-11-03T08:00:00Z/2024-11-03T10:00:00Z <- 2024-11-03T08 2024-11-03T09", merged.ToString());
        var kolkata = PartitionMap.For(DateTimeZoneProviders.Tzdb["Asia/Kolkata"], PartitionGranularity.Hour)
            .Partition(new LocalPartitionKey(new LocalDateTime(2024, 1, 15, 0, 0), PartitionGranularity.Hour));
        Assert.Equal("2024-01-15T00 partial 2024-01-14T18:30:00Z/2024-01-14T19:30:00Z <- 2024-01-14T18(cut) 2024-01-14T19(cut)", kolkata.ToString());
        var skipped = Hourly.Partition(new LocalPartitionKey(new LocalDateTime(2024, 3, 10, 2, 0), PartitionGranularity.Hour));
        Assert.Equal("2024-03-10T02 skipped", skipped.ToString());
    }

    [Fact]
    public void LocalPartition_Equality_ComparesKeyKindIntervalsAndSources()
    {
        var a = HourOf(3, 1);
        Assert.True(a == HourOf(3, 1));
        Assert.False(a != HourOf(3, 1));
        Assert.Equal(a.GetHashCode(), HourOf(3, 1).GetHashCode());
        Assert.True(a != HourOf(3, 2));
        Assert.True(a.Equals((object)HourOf(3, 1)));
        Assert.False(a.Equals((object)a.Key));
        // The same hour read through a whole day's list (the explicit form) equals the single look-up (the uniform form).
        var list = Hourly.PartitionsOf(new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 4));
        Assert.Equal(a, list[1]);
        Assert.Equal(HourOf(3, 0), list[0]);
        Assert.NotEqual(list[0], list[1]);
    }

    [Fact]
    public void SourceSlice_TextAndEquality()
    {
        var kolkata = PartitionMap.For(DateTimeZoneProviders.Tzdb["Asia/Kolkata"], PartitionGranularity.Hour)
            .Partition(new LocalPartitionKey(new LocalDateTime(2024, 1, 15, 0, 0), PartitionGranularity.Hour));
        var first = kolkata.Sources[0];
        Assert.Equal("2024-01-14T18 [2024-01-14T18:30:00Z, 2024-01-14T19:00:00Z) cut", first.ToString());
        Assert.Equal(new Interval(Instant.FromUtc(2024, 1, 14, 18, 30), Instant.FromUtc(2024, 1, 14, 19, 0)), first.Interval);
        Assert.False(first.IsWhole);
        var whole = HourOf(3, 0).Sources[0];
        Assert.Equal("2024-11-03T07 [2024-11-03T07:00:00Z, 2024-11-03T08:00:00Z) whole", whole.ToString());
        Assert.True(first == kolkata.Sources[0]);
        Assert.False(first != kolkata.Sources[0]);
        Assert.True(first != kolkata.Sources[1]);
        Assert.Equal(first.GetHashCode(), kolkata.Sources[0].GetHashCode());
        Assert.True(first.Equals((object)kolkata.Sources[0]));
        Assert.False(first.Equals((object)first.Interval));
    }

    [Fact]
    public void Lists_BoundsEnumeratorsAndArrays()
    {
        var merged = HourOf(3, 1);
        var intervals = merged.Intervals;
        Assert.Single(intervals);
        Assert.False(intervals.IsEmpty);
        Assert.Throws<ArgumentOutOfRangeException>(() => intervals[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => intervals[-1]);
        var sources = merged.Sources;
        Assert.Equal(2, sources.Count);
        Assert.False(sources.IsEmpty);
        Assert.Throws<ArgumentOutOfRangeException>(() => sources[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => sources[-1]);
        Assert.Equal([sources[0], sources[1]], sources.ToArray());
        var e = sources.GetEnumerator();
        Assert.True(e.MoveNext() && e.MoveNext());
        Assert.Equal(sources[1], e.Current);
        Assert.False(e.MoveNext());
        e.Reset();
        Assert.True(e.MoveNext());
        Assert.Equal(sources[0], e.Current);
        e.Dispose();
        var ie = intervals.GetEnumerator();
        Assert.True(ie.MoveNext());
        Assert.False(ie.MoveNext());
        ie.Reset();
        Assert.True(ie.MoveNext());
        Assert.Equal(intervals[0], ie.Current);
        Assert.Equal(intervals.ToArray(), ((IEnumerable)intervals).Cast<Interval>());
        Assert.Equal(sources.ToArray(), ((IEnumerable)sources).Cast<SourceSlice>());
        var skipped = Hourly.Partition(new LocalPartitionKey(new LocalDateTime(2024, 3, 10, 2, 0), PartitionGranularity.Hour));
        Assert.True(skipped.Intervals.IsEmpty);
        Assert.True(skipped.Sources.IsEmpty);
        Assert.Empty(skipped.Intervals.ToArray());
        Assert.Empty(skipped.Sources.ToArray());
    }

    [Fact]
    public void PartitionsOf_BoundsAndEnumerator()
    {
        var list = Hourly.PartitionsOf(new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 5));
        Assert.Equal(48, list.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[48]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
        var byIndex = Enumerable.Range(0, list.Count).Select(i => list[i]).ToArray();
        Assert.Equal(byIndex, list.ToArray());
        Assert.Equal(byIndex, ((IEnumerable)list).Cast<LocalPartition>());
        var e = list.GetEnumerator();
        Assert.True(e.MoveNext() && e.MoveNext() && e.MoveNext());
        Assert.Equal(byIndex[2], e.Current);
        e.Reset();
        Assert.True(e.MoveNext());
        Assert.Equal(byIndex[0], e.Current);
        e.Dispose();
        Assert.Empty(Hourly.PartitionsOf(new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 3)));
    }

    [Fact]
    public void SourceLayout_CreateValidatesAndCompares()
    {
        foreach (int bad in new[] { 0, -60, 7, 1441, 2880 })
        {
            Assert.Equal("stepMinutes", Assert.Throws<ArgumentOutOfRangeException>(() => SourceLayout.Create(DateTimeZone.Utc, bad)).ParamName);
        }
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => SourceLayout.Create(null!, 60)).ParamName);
        Assert.Equal(1, SourceLayout.Create(DateTimeZone.Utc, 1).StepMinutes);
        Assert.Equal(1440, SourceLayout.Create(DateTimeZone.Utc, 1440).StepMinutes);
        var la = SourceLayout.Create(LosAngeles, 60);
        Assert.NotSame(SourceLayout.UtcHourly, la);
        Assert.True(la.Equals(SourceLayout.Create(LosAngeles, 60)));
        Assert.True(la.Equals((object)SourceLayout.Create(LosAngeles, 60)));
        Assert.Equal(la.GetHashCode(), SourceLayout.Create(LosAngeles, 60).GetHashCode());
        Assert.False(la.Equals(SourceLayout.Create(LosAngeles, 30)));
        Assert.False(la.Equals(SourceLayout.UtcHourly));
        Assert.False(la.Equals(null));
        Assert.Equal("America/Los_Angeles every 60 minutes", la.ToString());
        Assert.Same(LosAngeles, la.Zone);
    }

    [Fact]
    public void PlannedPartition_ToString_SaysStatusAndWhenReady()
    {
        var plan = RegistrationPlan.Create(Hourly, new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 4),
            new FakeClock(Instant.FromUtc(2024, 11, 3, 10, 0)), new RegistrationOptions("s3://b"));
        Assert.Equal($"2024-11-03T00 Ready at {Instant.FromUtc(2024, 11, 3, 8, 0)}", plan.Partitions[0].ToString());
        var spring = RegistrationPlan.Create(Hourly, new LocalDate(2024, 3, 10), new LocalDate(2024, 3, 11),
            new FakeClock(Instant.FromUtc(2024, 3, 12, 0, 0)), new RegistrationOptions("s3://b"));
        Assert.Null(spring.Partitions[2].ReadyAt);
        Assert.Equal("2024-03-10T02 Skipped", spring.Partitions[2].ToString());
        Assert.Equal($"2024-11-03T02 Waiting at {Instant.FromUtc(2024, 11, 3, 11, 0)}", plan.Partitions[2].ToString());
        Assert.Equal(plan.Partitions[2].Partition.Key, plan.Partitions[2].Key);
    }

    [Fact]
    public void PartitionMap_BadArguments_ThrowNamingThem()
    {
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => PartitionMap.For(null!, PartitionGranularity.Hour)).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => PartitionMap.For(LosAngeles, PartitionGranularity.Hour, null!)).ParamName);
        var undefined = Assert.Throws<ArgumentOutOfRangeException>(() => PartitionMap.For(LosAngeles, (PartitionGranularity)7));
        Assert.Equal("granularity", undefined.ParamName);
        Assert.Contains("The granularity must be Hour or Day.", undefined.Message, StringComparison.Ordinal);
        var dayKey = new LocalPartitionKey(new LocalDateTime(2024, 11, 3, 0, 0), PartitionGranularity.Day);
        var wrongKey = Assert.Throws<ArgumentException>(() => Hourly.Partition(dayKey));
        Assert.Equal("key", wrongKey.ParamName);
        Assert.StartsWith("The key 2024-11-03 is a Day key; this map has Hour partitions.", wrongKey.Message, StringComparison.Ordinal);
        var backwards = Assert.Throws<ArgumentException>(() => Hourly.PartitionsOf(new LocalDate(2024, 11, 4), new LocalDate(2024, 11, 3)));
        Assert.Equal("to", backwards.ParamName);
        Assert.StartsWith("The range end 2024-11-03 is before its start 2024-11-04.", backwards.Message, StringComparison.Ordinal);
        var huge = Assert.Throws<ArgumentOutOfRangeException>(() => Hourly.PartitionsOf(new LocalDate(-9000, 1, 1), new LocalDate(9000, 1, 1)));
        Assert.Equal("to", huge.ParamName);
        Assert.Contains("more than 100,000,000 partitions", huge.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UTC", 1969, 12, 31, 23, 30, "1969-12-31T23", "1969-12-31")]
    [InlineData("America/Los_Angeles", 1969, 12, 31, 3, 0, "1969-12-30T19", "1969-12-30")]
    [InlineData("UTC", 1, 1, 1, 0, 0, "0001-01-01T00", "0001-01-01")]
    [InlineData("Asia/Kolkata", 1969, 6, 1, 0, 15, "1969-06-01T05", "1969-06-01")]
    public void KeyOf_BeforeTheEpoch_FloorsTowardsThePast(string zoneId, int y, int mo, int d, int h, int mi, string hourKey, string dayKey)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var instant = Instant.FromUtc(y, mo, d, h, mi);
        Assert.Equal(hourKey, PartitionMap.For(zone, PartitionGranularity.Hour).KeyOf(instant).ToString());
        Assert.Equal(dayKey, PartitionMap.For(zone, PartitionGranularity.Day).KeyOf(instant).ToString());
        Assert.Equal(instant.InZone(zone).LocalDateTime.ToString("uuuu-MM-dd'T'HH", null), hourKey);
    }
}

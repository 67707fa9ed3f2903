using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Partitioning;
using Interval = NodaTime.Interval;

namespace UpStats.Time.Tests.Partitioning;

// Udemy's PT Hive view and the partition-mapping rules, for every tzdb zone.
public partial class PartitionMapTest
{
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    private static PartitionMap Hourly(string zone) => PartitionMap.For(DateTimeZoneProviders.Tzdb[zone], PartitionGranularity.Hour);

    private static Dictionary<string, LocalPartition> HoursOf(string zone, LocalDate date) =>
        Hourly(zone).PartitionsOf(date, date.PlusDays(1)).ToDictionary(p => p.Key.ToString());

    private static Interval Utc(int y, int mo, int d, int h, int m, int y2, int mo2, int d2, int h2, int m2) =>
        new(Instant.FromUtc(y, mo, d, h, m), Instant.FromUtc(y2, mo2, d2, h2, m2));

    [Fact]
    public void PartitionsOf_UdemySpringForward_Pt0200IsSkipped()
    {
        var day = HoursOf("America/Los_Angeles", new LocalDate(2024, 3, 10));
        Assert.Equal(24, day.Count);
        var two = day["2024-03-10T02"];
        Assert.Equal(PartitionKind.Skipped, two.Kind);
        Assert.True(two.Intervals.IsEmpty);
        Assert.True(two.Sources.IsEmpty);
        // The neighbours are plain UTC hours: 01:00 PST = 09Z, 03:00 PDT = 10Z.
        Assert.Equal(PartitionKind.Regular, day["2024-03-10T01"].Kind);
        Assert.Equal("2024-03-10T09", day["2024-03-10T01"].Sources[0].Key.ToString());
        Assert.Equal("2024-03-10T10", day["2024-03-10T03"].Sources[0].Key.ToString());
        Assert.Equal(23, day.Values.Count(p => p.Kind == PartitionKind.Regular));
    }

    [Fact]
    public void PartitionsOf_UdemyFallBack_Pt0100IsMergedFromUtc08And09()
    {
        var day = HoursOf("America/Los_Angeles", new LocalDate(2024, 11, 3));
        var one = day["2024-11-03T01"];
        Assert.Equal(PartitionKind.Merged, one.Kind);
        Assert.Equal([Utc(2024, 11, 3, 8, 0, 2024, 11, 3, 10, 0)], one.Intervals.ToArray());
        Assert.Equal(["2024-11-03T08", "2024-11-03T09"], one.Sources.ToArray().Select(s => s.Key.ToString()));
        Assert.All(one.Sources.ToArray(), s => Assert.True(s.IsWhole));
        Assert.Equal(Instant.FromUtc(2024, 11, 3, 9, 0), one.Sources[1].Start);
        Assert.Equal(23, day.Values.Count(p => p.Kind == PartitionKind.Regular));
    }

    [Fact]
    public void KeyOf_BothPassesOfTheFallBackHour_AreTheSamePtKey()
    {
        var map = Hourly("America/Los_Angeles");
        var first = map.KeyOf(Instant.FromUtc(2024, 11, 3, 8, 30));
        var second = map.KeyOf(Instant.FromUtc(2024, 11, 3, 9, 30));
        Assert.Equal(first, second);
        Assert.Equal("2024-11-03T01", second.ToString());
        Assert.Equal("2024-11-03T09", map.SourceKeyOf(Instant.FromUtc(2024, 11, 3, 9, 30)).ToString());
    }

    [Fact]
    public void PartitionsOf_Kolkata_EveryHourIsPartialFromTwoHalfUtcHours()
    {
        var day = HoursOf("Asia/Kolkata", new LocalDate(2024, 1, 15));
        var p = day["2024-01-15T10"]; // 10:00 IST = 04:30Z
        Assert.Equal(PartitionKind.Partial, p.Kind);
        Assert.Equal([Utc(2024, 1, 15, 4, 30, 2024, 1, 15, 5, 30)], p.Intervals.ToArray());
        Assert.Equal(["2024-01-15T04", "2024-01-15T05"], p.Sources.ToArray().Select(s => s.Key.ToString()));
        Assert.All(p.Sources.ToArray(), s => Assert.False(s.IsWhole));
        Assert.All(day.Values, x => Assert.Equal(PartitionKind.Partial, x.Kind));
    }

    [Fact]
    public void PartitionsOf_LordHowe30MinuteFallBack_HourOwnsNinetyMinutes()
    {
        // 2024-04-07 02:00 +11 → 01:30 +10:30 at 15:00Z: the local half hour 01:30–02:00 is read twice.
        var p = HoursOf("Australia/Lord_Howe", new LocalDate(2024, 4, 7))["2024-04-07T01"];
        Assert.Equal(PartitionKind.Partial, p.Kind);
        Assert.Equal([Utc(2024, 4, 6, 14, 0, 2024, 4, 6, 15, 30)], p.Intervals.ToArray());
    }

    [Fact]
    public void PartitionsOf_ApiaSkippedDay_HasTwentyFourSkippedLabels()
    {
        var day = Hourly("Pacific/Apia").PartitionsOf(new LocalDate(2011, 12, 30), new LocalDate(2011, 12, 31));
        Assert.Equal(24, day.Count);
        Assert.All(day, p => Assert.Equal(PartitionKind.Skipped, p.Kind));
        var daily = PartitionMap.For(DateTimeZoneProviders.Tzdb["Pacific/Apia"], PartitionGranularity.Day);
        Assert.Equal(PartitionKind.Skipped, daily.Partition(new LocalPartitionKey(new LocalDateTime(2011, 12, 30, 0, 0), PartitionGranularity.Day)).Kind);
    }

    [Fact]
    public void PartitionsOf_TrollTwoHourFallBack_RepeatedHoursOwnTwoIntervals()
    {
        // Antarctica/Troll 2024-10-27: 03:00 +02 → 01:00 +00 at 01:00Z; local 01:00 and 02:00 are read twice.
        var day = HoursOf("Antarctica/Troll", new LocalDate(2024, 10, 27));
        var one = day["2024-10-27T01"];
        Assert.Equal(PartitionKind.Merged, one.Kind);
        Assert.Equal([Utc(2024, 10, 26, 23, 0, 2024, 10, 27, 0, 0), Utc(2024, 10, 27, 1, 0, 2024, 10, 27, 2, 0)], one.Intervals.ToArray());
    }

    [Fact]
    public void PartitionsOf_SaoPauloDayWithoutMidnight_FirstHourIsSkipped()
    {
        var day = HoursOf("America/Sao_Paulo", new LocalDate(2018, 11, 4));
        Assert.Equal(PartitionKind.Skipped, day["2018-11-04T00"].Kind);
        Assert.Equal(Instant.FromUtc(2018, 11, 4, 3, 0), day["2018-11-04T01"].Intervals[0].Start);
    }

    [Fact]
    public void PartitionsOf_DayGranularity_FallBackDayIsMergedFrom25UtcHours()
    {
        var daily = PartitionMap.For(LosAngeles, PartitionGranularity.Day);
        var p = daily.PartitionsOf(new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 4)).Single();
        Assert.Equal("2024-11-03", p.Key.ToString());
        Assert.Equal(PartitionKind.Merged, p.Kind);
        Assert.Equal(25, p.Sources.Count);
    }

    [Fact]
    public void Partition_KeyOfOtherGranularity_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Hourly("UTC").Partition(new LocalPartitionKey(new LocalDateTime(2024, 1, 1, 0, 0), PartitionGranularity.Day)));
        Assert.Equal("key", ex.ParamName);
    }

    [Fact]
    public void PartitionsOf_EmptyRange_IsEmptyAndReversedRangeThrows()
    {
        var map = Hourly("UTC");
        Assert.Empty(map.PartitionsOf(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 1)));
        Assert.Throws<ArgumentException>(() => map.PartitionsOf(new LocalDate(2024, 1, 2), new LocalDate(2024, 1, 1)));
    }

    [Theory]
    [InlineData("America/Los_Angeles")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Asia/Kathmandu")]
    [InlineData("Pacific/Chatham")]
    [InlineData("America/St_Johns")]
    [InlineData("Antarctica/Troll")]
    [InlineData("Pacific/Apia")]
    [InlineData("America/Sao_Paulo")]
    [InlineData("Europe/Dublin")]
    [InlineData("Africa/Casablanca")]
    public void PartitionsOf_EveryTransitionDayOfTheOddShapes_FollowsEveryRule(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        int days = 0;
        foreach (var granularity in new[] { PartitionGranularity.Hour, PartitionGranularity.Day })
        {
            var map = PartitionMap.For(zone, granularity);
            foreach (var zi in zone.GetZoneIntervals(Generators.Start1970, Generators.End2037).Where(z => z.HasStart && z.Start > Generators.Start1970))
            {
                var local = zi.Start.InZone(zone).Date;
                foreach (var date in new[] { local.PlusDays(-1), local, local.PlusDays(1) })
                {
                    var problems = PartitionOracle.CheckDay(map, date);
                    Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
                    days++;
                }
            }
        }
        Assert.True(days > 0 || zoneId == "Asia/Kolkata");
    }

    [Property(MaxTest = 300)]
    public Property PartitionsOf_ALocalDateInAnyZone_FollowsEveryRule() =>
        Prop.ForAll(Arb.From(from zd in Generators.ZoneAndLocalDate from day in Gen.Elements(false, false, true) select (zd.Zone, zd.Date, day)), c =>
        {
            var map = PartitionMap.For(c.Zone, c.day ? PartitionGranularity.Day : PartitionGranularity.Hour);
            var problems = PartitionOracle.CheckDay(map, c.Date);
            return (problems.Count == 0).Label($"{c.Zone.Id} {c.Date} {map.Granularity}: {string.Join("; ", problems.Take(5))}");
        });

    [Property(MaxTest = 200)]
    public Property PartitionsOf_AnySourceLayout_SlicesTileTheOwnedInstants() =>
        Prop.ForAll(Arb.From(from zd in Generators.ZoneAndLocalDate from src in Generators.SourceLayoutParts select (zd.Zone, zd.Date, src)), c =>
        {
            var map = PartitionMap.For(c.Zone, PartitionGranularity.Hour, SourceLayout.Create(c.src.Zone, c.src.StepMinutes));
            var problems = PartitionOracle.CheckDay(map, c.Date);
            return (problems.Count == 0).Label($"{c.Zone.Id} {c.Date} over {map.Source}: {string.Join("; ", problems.Take(5))}");
        });

    [Property(MaxTest = 1000)]
    public Property KeyOf_AnyInstantInAnyZone_IsItsNodaTimeLocalHourAndDay() =>
        Prop.ForAll(Arb.From(Generators.ZoneAndInstant), c =>
        {
            var hour = PartitionMap.For(c.Zone, PartitionGranularity.Hour);
            var day = PartitionMap.For(c.Zone, PartitionGranularity.Day);
            var local = c.Instant.InZone(c.Zone).LocalDateTime;
            var utc = c.Instant.InUtc().LocalDateTime;
            bool ok = hour.KeyOf(c.Instant).ToString() == local.ToString("uuuu-MM-dd'T'HH", null)
                && day.KeyOf(c.Instant).ToString() == local.ToString("uuuu-MM-dd", null)
                && hour.SourceKeyOf(c.Instant).ToString() == utc.ToString("uuuu-MM-dd'T'HH", null);
            return ok.Label($"{c.Zone.Id} {c.Instant}: {hour.KeyOf(c.Instant)} vs {local}");
        });

    // Runs (computed on read) and precomputed partitions near transitions must agree: every element of a long
    // range, read by index and by enumeration, equals the partition computed alone by Partition(key).
    [Property(MaxTest = 40)]
    public Property PartitionsOf_ALongRange_EqualsEachPartitionComputedAlone() =>
        Prop.ForAll(Arb.From(from zd in Generators.ZoneAndLocalDate from days in Gen.Choose(1, 40) from day in Gen.Elements(false, true) select (zd.Zone, zd.Date, days, day)), c =>
        {
            var map = PartitionMap.For(c.Zone, c.day ? PartitionGranularity.Day : PartitionGranularity.Hour);
            var list = map.PartitionsOf(c.Date.PlusDays(-c.days / 2), c.Date.PlusDays(c.days - c.days / 2));
            var enumerated = new List<LocalPartition>();
            foreach (var p in list)
            {
                enumerated.Add(p);
            }
            var bad = Enumerable.Range(0, list.Count).Where(i => list[i] != enumerated[i] || list[i] != map.Partition(list[i].Key)).Take(3).ToList();
            return (enumerated.Count == list.Count && bad.Count == 0)
                .Label($"{c.Zone.Id} {c.Date} ±{c.days}: {string.Join("; ", bad.Select(i => $"{list[i]} vs {map.Partition(list[i].Key)}"))}");
        });
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Partitioning;
using Interval = NodaTime.Interval;

namespace UpStats.Time.Tests.Partitioning;

// A local range [from, to) of any zone as UTC: the intervals and the sources, against a brute-force walk with InZone.
// Covers gaps (the range gets shorter), overlaps (an edge inside a repeated hour makes two intervals), :30/:45
// offsets (sources cut at both ends), 30-minute DST (both passes of an overlap inside one UTC hour: one cut source),
// a skipped day (Apia 2011-12-30: empty), source layouts on a clock with DST.
public class LocalRangeTest
{
    private static readonly DateTimeZone La = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    [Property(MaxTest = 400)]
    public Property RangeOf_EqualsTheMinuteWalk_InEveryZone() =>
        Prop.ForAll(Arb.From(Generators.ZoneAndLocalRange), c =>
        {
            var range = PartitionMap.For(c.Zone, PartitionGranularity.Hour).RangeOf(c.From, c.To);
            var mismatch = Mismatch(range, DateTimeZone.Utc, 60);
            return (mismatch is null).Label($"{c.Zone.Id} [{c.From}, {c.To}): {mismatch}");
        });

    [Property(MaxTest = 150)]
    public Property RangeOf_AnySourceLayout_EqualsTheMinuteWalk() =>
        Prop.ForAll(Arb.From(from r in Generators.ZoneAndLocalRange from s in Generators.SourceLayoutParts select (r, s)), c =>
        {
            var layout = SourceLayout.Create(c.s.Zone, c.s.StepMinutes);
            var range = PartitionMap.For(c.r.Zone, PartitionGranularity.Day, layout).RangeOf(c.r.From, c.r.To);
            var mismatch = Mismatch(range, c.s.Zone, c.s.StepMinutes);
            return (mismatch is null).Label($"{c.r.Zone.Id} [{c.r.From}, {c.r.To}) over {layout}: {mismatch}");
        });

    [Fact]
    public void RangeOf_EveryZone_TheDayOfATransitionAndAnHourAcrossIt_EqualTheMinuteWalk()
    {
        var failures = new List<string>();
        int checkedRanges = 0;
        var random = new Random(12);
        foreach (var id in Generators.ZonesToWalk)
        {
            var zone = DateTimeZoneProviders.Tzdb[id];
            var map = PartitionMap.For(zone, PartitionGranularity.Hour);
            var transitions = zone.GetZoneIntervals(Generators.Start1970, Generators.End2037)
                .Where(z => z.HasStart && z.Start > Generators.Start1970).Select(z => z.Start).ToArray();
            var t = transitions.Length == 0 ? Instant.FromUtc(2024, 6, 1, 0, 0) : transitions[random.Next(transitions.Length)];
            var local = t.InZone(zone).LocalDateTime;
            var cases = new[]
            {
                (local.Date.AtMidnight(), local.Date.PlusDays(1).AtMidnight()),
                (local.PlusMinutes(-local.Minute - 90), local.PlusMinutes(-local.Minute + 90)),
            };
            foreach (var (from, to) in cases)
            {
                checkedRanges++;
                if (Mismatch(map.RangeOf(from, to), DateTimeZone.Utc, 60) is { } why)
                {
                    failures.Add($"{id} [{from}, {to}): {why}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.Equal(2 * Generators.ZonesToWalk.Count, checkedRanges);
    }

    [Fact]
    public void RangeOf_UdemyPacificDay_IsOneIntervalOf24WholeUtcHours()
    {
        var range = PartitionMap.For(La, PartitionGranularity.Hour).RangeOf(new LocalDate(2020, 4, 9), new LocalDate(2020, 4, 10));
        Assert.Equal([new Interval(Instant.FromUtc(2020, 4, 9, 7, 0), Instant.FromUtc(2020, 4, 10, 7, 0))], range.Intervals.ToArray());
        Assert.Equal(24, range.Sources.Count);
        Assert.Equal("2020-04-09T07", range.Sources[0].Key.ToString());
        Assert.Equal("2020-04-10T06", range.Sources[23].Key.ToString());
        Assert.All(range.Sources, s => Assert.True(s.IsWhole));
    }

    [Fact]
    public void RangeOf_EdgeInsideTheRepeatedHour_IsTwoIntervals()
    {
        var range = PartitionMap.For(La, PartitionGranularity.Hour).RangeOf(new LocalDateTime(2024, 11, 3, 1, 30), new LocalDateTime(2024, 11, 3, 2, 0));
        Assert.Equal(
            [new Interval(Instant.FromUtc(2024, 11, 3, 8, 30), Instant.FromUtc(2024, 11, 3, 9, 0)), new Interval(Instant.FromUtc(2024, 11, 3, 9, 30), Instant.FromUtc(2024, 11, 3, 10, 0))],
            range.Intervals.ToArray());
        Assert.Equal(["2024-11-03T08 cut", "2024-11-03T09 cut"], range.Sources.ToArray().Select(s => s.ToString()));
    }

    [Fact]
    public void RangeOf_LordHoweOverlapInsideOneUtcHour_ListsThatHourOnceAsCut()
    {
        // Lord Howe falls back 30 minutes at 02:00 local (+11 -> +10:30): 01:30-02:00 is read twice, 15:00-15:30Z and 15:30-16:00Z.
        var zone = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"];
        var range = PartitionMap.For(zone, PartitionGranularity.Hour).RangeOf(new LocalDateTime(2024, 4, 7, 1, 40), new LocalDateTime(2024, 4, 7, 1, 50));
        Assert.Equal(2, range.Intervals.Count);
        Assert.Equal(["2024-04-06T14 cut", "2024-04-06T15 cut"], range.Sources.ToArray().Select(s => s.ToString()));
    }

    [Fact]
    public void RangeOf_ApiaSkippedDay_IsEmpty()
    {
        var range = PartitionMap.For(DateTimeZoneProviders.Tzdb["Pacific/Apia"], PartitionGranularity.Hour).RangeOf(new LocalDate(2011, 12, 30), new LocalDate(2011, 12, 31));
        Assert.True(range.IsEmpty);
        Assert.Empty(range.Sources);
        Assert.Empty(range.Intervals);
    }

    [Fact]
    public void RangeOf_TenYears_KeepsAFewRunsAndEveryHour()
    {
        var range = PartitionMap.For(La, PartitionGranularity.Hour).RangeOf(new LocalDate(2015, 1, 1), new LocalDate(2025, 1, 1));
        Assert.Single(range.Intervals);
        Assert.Equal((int)(range.Intervals[0].Duration.TotalHours), range.Sources.Count);
        Assert.Equal(1, range.SourceRuns.Runs.Length);
        Assert.True(range.Contains(Instant.FromUtc(2020, 1, 1, 0, 0)));
        Assert.False(range.Contains(Instant.FromUtc(2025, 1, 1, 8, 0)));
    }

    [Fact]
    public void RangeOf_BadBounds_AreRefusedNamingTheArgument()
    {
        var map = PartitionMap.For(La, PartitionGranularity.Hour);
        Assert.Equal("to", Assert.Throws<ArgumentException>(() => map.RangeOf(new LocalDate(2024, 1, 2), new LocalDate(2024, 1, 1))).ParamName);
        Assert.Equal("to", Assert.Throws<ArgumentOutOfRangeException>(() => map.RangeOf(new LocalDateTime(2024, 1, 2, 0, 0), new LocalDate(9999, 12, 31).At(new LocalTime(1, 0)))).ParamName);
        Assert.True(map.RangeOf(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 1)).IsEmpty);
    }

    /// <summary>Null when the range equals the walk; otherwise what differs.</summary>
    private static string? Mismatch(LocalRange range, DateTimeZone sourceZone, int sourceStepMinutes)
    {
        var expected = RangeOracle.Walk(range.Zone, range.From, range.To, sourceZone, sourceStepMinutes);
        var actualSources = range.Sources.ToArray().Select(s => (s.Key.Label, s.IsWhole)).ToList();
        bool intervals = expected.Intervals.SequenceEqual(range.Intervals.ToArray());
        bool sources = expected.Sources.SequenceEqual(actualSources);
        bool enumeratorAgreesWithIndexer = range.Sources.Count == actualSources.Count
            && Enumerable.Range(0, range.Sources.Count).All(i => range.Sources[i].Key.Label == actualSources[i].Label);
        return intervals && sources && enumeratorAgreesWithIndexer ? null :
            $"intervals {string.Join(" ", range.Intervals.ToArray())} vs {string.Join(" ", expected.Intervals)}; "
            + $"sources {string.Join(" ", actualSources.Take(8))} vs {string.Join(" ", expected.Sources.Take(8))} ({actualSources.Count} vs {expected.Sources.Count})";
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Grid;

namespace UpStats.Time.Tests.Grid;

public class ZoneOffsetTableTest
{
    // The last-hit shortcut must never return the previous interval's offset: alternate between instants on
    // both sides of transitions, in and out of the table's 1800–2400 range.
    [Property(MaxTest = 300)]
    public Property OffsetAt_AlternatingInstants_EqualsNodaTime() =>
        Prop.ForAll(Arb.From(from zone in Generators.Zone
                             from instants in Gen.ListOf(Gen.OneOf(Generators.NearTransition(zone), Generators.Instant1970To2037,
                                 Gen.Elements(Instant.FromUtc(1700, 1, 1, 0, 0), Instant.FromUtc(2500, 6, 1, 0, 0), Instant.FromUtc(1800, 1, 1, 0, 0))))
                             select (zone, instants.ToArray())), c =>
        {
            var table = ZoneOffsetTable.For(c.zone);
            var wrong = c.Item2.Where(t => table.OffsetAt(t.ToUnixTimeTicks()) != c.zone.GetUtcOffset(t).Ticks).ToList();
            return (wrong.Count == 0).Label($"{c.zone.Id}: wrong offset at {string.Join(", ", wrong)}");
        });

    // The table's own edges (1800-01-01Z and one tick before 2400-01-01Z) fall in its first and last buckets, which a
    // look-up reaches only there; beyond the last tick NodaTime answers.
    [Theory]
    [InlineData("America/Los_Angeles")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("Europe/Dublin")]
    [InlineData("UTC")]
    public void OffsetAtAndFind_AtTheTablesEdges_EqualNodaTime(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var table = ZoneOffsetTable.For(zone);
        var end = Instant.FromUtc(2400, 1, 1, 0, 0);
        foreach (var instant in new[] { Instant.FromUtc(1800, 1, 1, 0, 0), end - Duration.FromDays(60), end - Duration.FromTicks(1), end })
        {
            long ticks = instant.ToUnixTimeTicks();
            long expected = zone.GetUtcOffset(instant).Ticks;

            var span = table.Find(ticks);

            Assert.Equal(expected, table.OffsetAt(ticks));
            Assert.Equal(expected, span.Offset);
            Assert.InRange(ticks, span.Start, span.End - 1);
        }
    }

    [Fact]
    public void OffsetAt_BothSidesOfTheFallBackInTurn_FollowsTheTransition()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
        var table = ZoneOffsetTable.For(zone);
        var before = Instant.FromUtc(2024, 11, 3, 8, 59);
        var after = Instant.FromUtc(2024, 11, 3, 9, 0);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(Offset.FromHours(-7).Ticks, table.OffsetAt(before.ToUnixTimeTicks()));
            Assert.Equal(Offset.FromHours(-8).Ticks, table.OffsetAt(after.ToUnixTimeTicks()));
        }
    }

    // The table covers 1800–2400: at its edges, at the transitions next to them and at every transition of a
    // zone's first and last table entries, Find gives NodaTime's zone interval (true bounds, not the table's
    // clamped ones) and OffsetAt NodaTime's offset, in every tzdb zone.
    [Fact]
    public void FindAndOffsetAt_TableEdgesAndEdgeTransitions_EqualNodaTimeInEveryZone()
    {
        var tableStart = Instant.FromUtc(1800, 1, 1, 0, 0);
        var tableEnd = Instant.FromUtc(2400, 1, 1, 0, 0);
        var tick = Duration.FromTicks(1);
        var problems = new List<string>();
        foreach (var id in Generators.ZonesToWalk)
        {
            var zone = DateTimeZoneProviders.Tzdb[id];
            var table = ZoneOffsetTable.For(zone);
            var intervals = zone.GetZoneIntervals(tableStart, tableEnd).ToList();
            var probes = new List<Instant> { tableStart - tick, tableStart, tableStart + tick, tableEnd - tick, tableEnd, tableEnd + tick };
            foreach (var zi in intervals.Take(3).Concat(intervals.TakeLast(3)))
            {
                if (zi.HasStart && zi.Start > tableStart)
                {
                    probes.AddRange([zi.Start - tick, zi.Start]);
                }
                if (zi.HasEnd && zi.End < tableEnd)
                {
                    probes.AddRange([zi.End - tick, zi.End]);
                }
            }
            foreach (var t in probes)
            {
                var zi = zone.GetZoneInterval(t);
                var expected = new OffsetSpan(zi.HasStart ? zi.Start.ToUnixTimeTicks() : long.MinValue, zi.HasEnd ? zi.End.ToUnixTimeTicks() : long.MaxValue, zi.WallOffset.Ticks);
                var found = table.Find(t.ToUnixTimeTicks());
                if (found != expected || table.OffsetAt(t.ToUnixTimeTicks()) != expected.Offset)
                {
                    problems.Add($"{id} at {t}: {found} vs {expected}");
                }
            }
        }
        Assert.Empty(problems);
    }
}

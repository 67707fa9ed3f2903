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
}

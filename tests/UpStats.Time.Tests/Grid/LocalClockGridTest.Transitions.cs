using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Grid;

namespace UpStats.Time.Tests.Grid;

// Exhaustive checks at every transition of every tzdb zone in 1970–2037, and the N-day grid.
// Cases covered: forward and backward jumps of any size (30 min Lord Howe, 2 h Troll, a whole skipped day
// in Apia), jumps at local midnight (Sao Paulo), negative DST (Dublin), several changes a year (Casablanca).
public partial class LocalClockGridTest
{
    [Theory]
    [InlineData(60)]
    [InlineData(30)]
    [InlineData(1440)]
    public void NextBoundaryAndBoundaryAtOrBefore_AtEveryTransitionOfEveryZone_MatchTheOracle(int stepMinutes)
    {
        int checkedTransitions = 0;
        foreach (var id in Generators.ZonesToWalk)
        {
            var zone = DateTimeZoneProviders.Tzdb[id];
            var grid = LocalClockGrid.EveryMinutes(zone, stepMinutes);
            foreach (var zi in zone.GetZoneIntervals(Generators.Start1970, Generators.End2037))
            {
                if (!zi.HasStart || zi.Start <= Generators.Start1970)
                {
                    continue;
                }
                var t = zi.Start;
                var oracle = GridOracle.BoundariesAround(grid, t);
                foreach (var probe in new[] { t - Duration.Epsilon, t, t + Duration.Epsilon, t - Duration.FromMinutes(30), t + Duration.FromMinutes(45) })
                {
                    Assert.True(oracle.First(b => b > probe) == grid.NextBoundary(probe), $"{id} step {stepMinutes}: NextBoundary({probe})");
                    Assert.True(oracle.Last(b => b <= probe) == grid.BoundaryAtOrBefore(probe), $"{id} step {stepMinutes}: BoundaryAtOrBefore({probe})");
                }
                checkedTransitions++;
            }
        }
        Assert.True(checkedTransitions > Generators.ScaledToZonesWalked(10_000), $"only {checkedTransitions} transitions checked");
    }

    [Property(MaxTest = 300)]
    public Property DayGrid_BoundariesAreTheAnchoredLocalMidnights_InEveryZone() =>
        Prop.ForAll(Arb.From(
            from zi in Generators.ZoneAndInstant
            from days in Gen.Choose(1, 40)
            from anchorOffset in Gen.Choose(-400, 400)
            select (zi.Zone, zi.Instant, days, anchorOffset)), c =>
        {
            var anchor = c.Instant.InUtc().Date.PlusDays(c.anchorOffset);
            var grid = LocalClockGrid.EveryDays(c.Zone, c.days, anchor);
            var local = c.Instant.InZone(c.Zone).LocalDateTime;
            var reach = Period.FromDays(2 * c.days + 2);
            var oracle = GridOracle.Boundaries(grid, local - reach, local + reach);
            var next = grid.NextBoundary(c.Instant);
            var floor = grid.BoundaryAtOrBefore(c.Instant);
            var label = grid.CellOf(c.Instant);
            bool labelOk = Period.Between(anchor.AtMidnight(), label, PeriodUnits.Days).Days % c.days == 0 && label.TimeOfDay == LocalTime.Midnight;
            return (next == oracle.First(b => b > c.Instant) && floor == oracle.Last(b => b <= c.Instant) && labelOk)
                .Label($"{c.Zone.Id} every {c.days} days from {anchor} at {c.Instant}: next {next}, floor {floor}, cell {label}");
        });
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Grid;

namespace UpStats.Time.Tests.Grid;

/// <summary><see cref="LocalClockGrid.FirstBoundaryOfLabelTicks"/>: the first boundary of a label, against the MapLocal oracle.</summary>
public class FirstBoundaryOfLabelTest
{
    [Property(MaxTest = 300)]
    public Property FirstBoundaryOfLabel_IsTheOraclesFirstBoundaryOfThatLabel_InEveryZone() =>
        Prop.ForAll(Arb.From(from zi in Generators.ZoneAndInstant from days in Gen.Elements(1, 1, 7) select (zi.Zone, zi.Instant, days)), c =>
        {
            var grid = LocalClockGrid.EveryDays(c.Zone, c.days, new LocalDate(1970, 1, 5));
            var label = grid.CellOf(c.Instant);
            var expected = GridOracle.Boundaries(grid, label, label).First();
            var actual = Instant.FromUnixTimeTicks(grid.FirstBoundaryOfLabelTicks(LocalClockGrid.LocalTicks(label)));
            return (actual == expected).Label($"{c.Zone.Id} label {label}: {actual} vs oracle {expected}");
        });

    [Fact]
    public void FirstBoundaryOfLabel_SaoPauloSkippedMidnight_IsTheJump()
    {
        var grid = LocalClockGrid.EveryDays(DateTimeZoneProviders.Tzdb["America/Sao_Paulo"], 1, new LocalDate(2018, 1, 1));
        long label = LocalClockGrid.LocalTicks(new LocalDateTime(2018, 11, 4, 0, 0));
        Assert.Equal(Instant.FromUtc(2018, 11, 4, 3, 0), Instant.FromUnixTimeTicks(grid.FirstBoundaryOfLabelTicks(label)));
    }
}

/// <summary><see cref="LocalClockGrid.BoundsTicks"/>: the one-look-up pair equals the two separate methods.</summary>
public class BoundsTicksTest
{
    [Property(MaxTest = 500)]
    public Property BoundsTicks_EqualsBoundaryAtOrBeforeAndNextBoundary_InEveryZone() =>
        Prop.ForAll(Arb.From(from zi in Generators.ZoneAndInstant from step in Generators.RunIntervalMinutes select (zi.Zone, zi.Instant, step)), c =>
        {
            var grid = c.step < 1440 ? LocalClockGrid.EveryMinutes(c.Zone, c.step) : LocalClockGrid.EveryDays(c.Zone, c.step / 1440, new LocalDate(2000, 1, 1));
            long t = c.Instant.ToUnixTimeTicks();
            var bounds = grid.BoundsTicks(t);
            return (bounds == (grid.BoundaryAtOrBeforeTicks(t), grid.NextBoundaryTicks(t))).Label($"{c.Zone.Id} step {c.step} at {c.Instant}");
        });
}

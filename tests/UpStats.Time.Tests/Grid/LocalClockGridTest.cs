using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Grid;

namespace UpStats.Time.Tests.Grid;

public partial class LocalClockGridTest
{
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    private static readonly DateTimeZone SaoPaulo = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];

    [Fact]
    public void NextBoundary_SpringForwardHour_JumpsFromOneToThreeAm()
    {
        var grid = LocalClockGrid.EveryMinutes(LosAngeles, 60);
        // 2024-03-10 01:00 PST = 09:00Z; the next label the clock reaches is 03:00 PDT = 10:00Z.
        Assert.Equal(Instant.FromUtc(2024, 3, 10, 10, 0), grid.NextBoundary(Instant.FromUtc(2024, 3, 10, 9, 0)));
    }

    [Fact]
    public void NextBoundary_FallBackHour_GivesTwoBoundariesForTheRepeatedLabel()
    {
        var grid = LocalClockGrid.EveryMinutes(LosAngeles, 60);
        var first = Instant.FromUtc(2024, 11, 3, 8, 0); // 01:00 PDT
        var second = grid.NextBoundary(first);
        Assert.Equal(Instant.FromUtc(2024, 11, 3, 9, 0), second); // 01:00 PST
        Assert.Equal(new LocalDateTime(2024, 11, 3, 1, 0), grid.CellOf(first));
        Assert.Equal(new LocalDateTime(2024, 11, 3, 1, 0), grid.CellOf(second));
    }

    [Fact]
    public void BoundaryAtOrBefore_SaoPauloDayWithoutMidnight_StartsAtTheJump()
    {
        var daily = LocalClockGrid.EveryMinutes(SaoPaulo, 1440);
        // 2018-11-04: 00:00 -03 jumped to 01:00 -02 at 03:00Z; the day starts at that instant.
        var noon = Instant.FromUtc(2018, 11, 4, 14, 0);
        Assert.Equal(Instant.FromUtc(2018, 11, 4, 3, 0), daily.BoundaryAtOrBefore(noon));
        Assert.Equal(new LocalDateTime(2018, 11, 4, 0, 0), daily.CellOf(noon));
    }

    [Fact]
    public void InstantsOf_FallBackHour_OwnsBothPasses()
    {
        var grid = LocalClockGrid.EveryMinutes(LosAngeles, 60);
        var owned = grid.InstantsOf(new LocalDateTime(2024, 11, 3, 1, 0));
        Assert.Equal([new NodaTime.Interval(Instant.FromUtc(2024, 11, 3, 8, 0), Instant.FromUtc(2024, 11, 3, 10, 0))], owned);
        Assert.Empty(grid.InstantsOf(new LocalDateTime(2024, 3, 10, 2, 0)));
    }

    [Fact]
    public void EveryDays_StepAboveAMillionDays_ThrowsInsteadOfOverflowing()
    {
        // int.MaxValue days is 1.9e21 ticks: the step used to wrap around a long silently.
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LocalClockGrid.EveryDays(DateTimeZone.Utc, int.MaxValue, new LocalDate(2024, 1, 1)));
        Assert.Equal("days", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalClockGrid.EveryDays(DateTimeZone.Utc, 1_000_001, new LocalDate(2024, 1, 1)));
        var widest = LocalClockGrid.EveryDays(DateTimeZone.Utc, 1_000_000, new LocalDate(2024, 1, 1));
        Assert.Equal(Instant.FromUtc(2024, 1, 1, 0, 0), widest.BoundaryAtOrBefore(Instant.FromUtc(2024, 6, 1, 0, 0)));
    }

    [Fact]
    public void EveryMinutes_StepNotDividingADay_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LocalClockGrid.EveryMinutes(DateTimeZone.Utc, 300 + 7));
        Assert.Equal("minutes", ex.ParamName);
    }

    [Property(MaxTest = 300)]
    public Property NextBoundary_EqualsTheMapLocalOracle_InEveryZone() =>
        Prop.ForAll(Arb.From(from zi in Generators.ZoneAndInstant from step in Generators.SubDayStepMinutes select (zi.Zone, zi.Instant, step)), c =>
        {
            var grid = LocalClockGrid.EveryMinutes(c.Zone, c.step);
            var oracle = GridOracle.BoundariesAround(grid, c.Instant);
            var expectedNext = oracle.First(b => b > c.Instant);
            var expectedFloor = oracle.Last(b => b <= c.Instant);
            return (grid.NextBoundary(c.Instant) == expectedNext && grid.BoundaryAtOrBefore(c.Instant) == expectedFloor)
                .Label($"{c.Zone.Id} step {c.step} at {c.Instant}: next {grid.NextBoundary(c.Instant)} vs {expectedNext}, floor {grid.BoundaryAtOrBefore(c.Instant)} vs {expectedFloor}");
        });

    [Property(MaxTest = 300)]
    public Property CellOf_IsTheLocalTimeFlooredToTheStep_InEveryZone() =>
        Prop.ForAll(Arb.From(from zi in Generators.ZoneAndInstant from step in Generators.SubDayStepMinutes select (zi.Zone, zi.Instant, step)), c =>
        {
            var grid = LocalClockGrid.EveryMinutes(c.Zone, c.step);
            var local = c.Instant.InZone(c.Zone).LocalDateTime;
            var label = grid.CellOf(c.Instant);
            var owned = grid.InstantsOf(label);
            return (label <= local && local < label.PlusMinutes(c.step) && grid.IsLabel(label) && owned.Any(i => i.Contains(c.Instant)))
                .Label($"{c.Zone.Id} step {c.step} at {c.Instant}: local {local}, label {label}");
        });
}

using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Grid;

namespace UpStats.Time.Tests.Grid;

// The public members one by one: argument validation, labels of day grids, equality, and the far past
// and future (outside ZoneOffsetTable's 1800–2400 table, where NodaTime answers directly).
public partial class LocalClockGridTest
{
    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(1441)]
    [InlineData(7)]
    [InlineData(2880)]
    public void EveryMinutes_InvalidStep_ThrowsNamingTheParameter(int minutes)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LocalClockGrid.EveryMinutes(DateTimeZone.Utc, minutes));
        Assert.Equal("minutes", ex.ParamName);
        Assert.Contains("divides 1,440", ex.Message);
    }

    [Fact]
    public void Factories_NullZone_ThrowArgumentNullException()
    {
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => LocalClockGrid.EveryMinutes(null!, 60)).ParamName);
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => LocalClockGrid.EveryDays(null!, 1, new LocalDate(2022, 1, 1))).ParamName);
    }

    [Fact]
    public void EveryDays_LessThanOneDay_ThrowsNamingTheParameter()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LocalClockGrid.EveryDays(DateTimeZone.Utc, 0, new LocalDate(2022, 1, 1)));
        Assert.Equal("days", ex.ParamName);
        Assert.Contains("at least one whole day", ex.Message);
    }

    [Fact]
    public void IsLabel_ThirtyDayGridFrom2022_IsEveryThirtiethMidnight()
    {
        var grid = LocalClockGrid.EveryDays(DateTimeZone.Utc, 30, new LocalDate(2022, 1, 1));
        Assert.True(grid.IsLabel(new LocalDateTime(2022, 1, 31, 0, 0)));
        Assert.True(grid.IsLabel(new LocalDateTime(2021, 12, 2, 0, 0)));
        Assert.False(grid.IsLabel(new LocalDateTime(2022, 1, 30, 0, 0)));
        Assert.False(grid.IsLabel(new LocalDateTime(2022, 1, 31, 0, 1)));
        Assert.Equal(new LocalDateTime(2022, 1, 31, 0, 0), grid.LabelAtOrBefore(new LocalDateTime(2022, 3, 1, 23, 59)));
        Assert.Equal(new LocalDateTime(2022, 3, 2, 0, 0), grid.NextLabel(new LocalDateTime(2022, 1, 31, 0, 0)));
        Assert.Equal(new LocalDate(2022, 1, 1), grid.Anchor);
        Assert.Equal(Period.FromDays(30), grid.Step);
    }

    [Fact]
    public void IsBoundary_FallBackDay_IsTrueForBothPassesOfOneAmOnly()
    {
        var grid = LocalClockGrid.EveryMinutes(LosAngeles, 60);
        Assert.True(grid.IsBoundary(Instant.FromUtc(2024, 11, 3, 8, 0)));
        Assert.True(grid.IsBoundary(Instant.FromUtc(2024, 11, 3, 9, 0)));
        Assert.False(grid.IsBoundary(Instant.FromUtc(2024, 11, 3, 9, 30)));
        Assert.False(grid.IsBoundary(Instant.FromUtc(2024, 11, 3, 9, 0) + Duration.FromNanoseconds(1)));
    }

    [Fact]
    public void InstantsOf_NotALabel_ThrowsNamingTheLabel()
    {
        var grid = LocalClockGrid.EveryMinutes(LosAngeles, 60);
        var ex = Assert.Throws<ArgumentException>(() => grid.InstantsOf(new LocalDateTime(2024, 11, 3, 1, 30)));
        Assert.Equal("label", ex.ParamName);
        Assert.Contains("2024-11-03T01:30:00 is not a label", ex.Message);
    }

    [Fact]
    public void InstantsOf_LabelWhoseCellEndsAfterTheYear9999_ThrowsNamingTheLabel()
    {
        // A 10-day step through 9999-12-30, the last accepted label: its cell would end on 10000-01-09. The cell
        // before it ends within the range.
        var grid = LocalClockGrid.EveryDays(DateTimeZone.Utc, 10, new LocalDate(9999, 12, 30));
        var label = new LocalDateTime(9999, 12, 30, 0, 0);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => grid.InstantsOf(label));

        Assert.Equal("label", ex.ParamName);
        Assert.Contains("falls outside the years 0001-9999", ex.Message, StringComparison.Ordinal);
        Assert.Equal([new NodaTime.Interval(Instant.FromUtc(9999, 12, 20, 0, 0), Instant.FromUtc(9999, 12, 30, 0, 0))], grid.InstantsOf(new LocalDateTime(9999, 12, 20, 0, 0)));
    }

    [Fact]
    public void InstantsOf_UtcMidnightOfTheEpoch_IsThatHour()
    {
        // The epoch is tick 0: the joining of adjacent ranges must not mistake it for a pending range.
        var grid = LocalClockGrid.EveryMinutes(DateTimeZone.Utc, 60);
        Assert.Equal([new NodaTime.Interval(Instant.FromUnixTimeTicks(0), Instant.FromUtc(1970, 1, 1, 1, 0))], grid.InstantsOf(new LocalDateTime(1970, 1, 1, 0, 0)));
    }

    [Fact]
    public void Equality_SameZoneStepAndOrigin_AreEqual()
    {
        var a = LocalClockGrid.EveryMinutes(LosAngeles, 60);
        Assert.Equal(a, LocalClockGrid.EveryMinutes(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], 60));
        Assert.Equal(a.GetHashCode(), LocalClockGrid.EveryMinutes(LosAngeles, 60).GetHashCode());
        Assert.NotEqual(a, LocalClockGrid.EveryMinutes(LosAngeles, 30));
        Assert.NotEqual(a, LocalClockGrid.EveryMinutes(SaoPaulo, 60));
        Assert.NotEqual(LocalClockGrid.EveryDays(LosAngeles, 7, new LocalDate(2024, 1, 1)), LocalClockGrid.EveryDays(LosAngeles, 7, new LocalDate(2024, 1, 2)));
        Assert.False(a.Equals(null));
        Assert.Equal("America/Los_Angeles every PT60M", a.ToString());
        Assert.Equal("UTC every P7D from 2024-01-01", LocalClockGrid.EveryDays(DateTimeZone.Utc, 7, new LocalDate(2024, 1, 1)).ToString());
    }

    [Property(MaxTest = 300)]
    public Property Boundaries_AnyYearFrom0002To9998_MatchTheOracle() =>
        Prop.ForAll(Arb.From(
            from zone in Generators.Zone
            from seconds in Gen.Choose(-61_000, 252_000).Select(k => k * 1_000_000L + 12_345)
            from step in Generators.SubDayStepMinutes
            select (zone, instant: Instant.FromUnixTimeSeconds(seconds), step)), c =>
        {
            var grid = LocalClockGrid.EveryMinutes(c.zone, c.step);
            var oracle = GridOracle.BoundariesAround(grid, c.instant);
            var local = c.instant.InZone(c.zone).LocalDateTime;
            return (grid.NextBoundary(c.instant) == oracle.First(b => b > c.instant)
                    && grid.BoundaryAtOrBefore(c.instant) == oracle.Last(b => b <= c.instant)
                    && grid.CellOf(c.instant) == grid.LabelAtOrBefore(local))
                .Label($"{c.zone.Id} step {c.step} at {c.instant}");
        });

    [Property(MaxTest = 1000)]
    public Property TickMath_FloorDivAndMod_RoundTowardsMinusInfinity(long value, PositiveInt divisor) =>
        (TickMath.FloorDiv(value, divisor.Get) == (long)BigInteger.Divide(value - TickMath.FloorMod(value, divisor.Get), divisor.Get)
         && TickMath.FloorMod(value, divisor.Get) >= 0 && TickMath.FloorMod(value, divisor.Get) < divisor.Get
         && (BigInteger)TickMath.FloorDiv(value, divisor.Get) * divisor.Get + TickMath.FloorMod(value, divisor.Get) == value
         && TickMath.FloorDiv(value, divisor.Get) == (long)Math.Floor((decimal)value / divisor.Get)).ToProperty();
}

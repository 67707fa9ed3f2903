using NodaTime;
using UpStats.Time.Grid;

namespace UpStats.Time.Tests.Grid;

/// <summary>
/// The accepted range's edges, one tick at a time, for instants and for local times: the first and last accepted
/// values pass with their own tick counts, one tick beyond either end is refused naming the parameter.
/// </summary>
public class InstantRangeTest
{
    private static readonly Duration OneTick = Duration.FromTicks(1);

    [Fact]
    public void Check_InstantAtEitherEnd_ReturnsItsTicks()
    {
        var first = Instant.FromUtc(1, 1, 1, 0, 0);
        var last = Instant.FromUtc(9999, 12, 30, 0, 0);

        Assert.Equal(first.ToUnixTimeTicks(), InstantRange.Check(first, "instant"));
        Assert.Equal(last.ToUnixTimeTicks(), InstantRange.Check(last, "instant"));
    }

    [Fact]
    public void Check_InstantOneTickBeyondEitherEnd_ThrowsNamingTheParameter()
    {
        var before = Instant.FromUtc(1, 1, 1, 0, 0) - OneTick;
        var after = Instant.FromUtc(9999, 12, 30, 0, 0) + OneTick;

        Assert.Equal("instant", Assert.Throws<ArgumentOutOfRangeException>(() => InstantRange.Check(before, "instant")).ParamName);
        Assert.Equal("instant", Assert.Throws<ArgumentOutOfRangeException>(() => InstantRange.Check(after, "instant")).ParamName);
    }

    [Fact]
    public void Check_LocalTimeAtEitherEnd_ReturnsItsTicks()
    {
        var first = new LocalDateTime(1, 1, 1, 0, 0);
        var last = new LocalDateTime(9999, 12, 30, 0, 0);

        Assert.Equal(first.InUtc().ToInstant().ToUnixTimeTicks(), InstantRange.Check(first, "local"));
        Assert.Equal(last.InUtc().ToInstant().ToUnixTimeTicks(), InstantRange.Check(last, "local"));
    }

    [Fact]
    public void Check_LocalTimeOneTickBeyondEitherEnd_ThrowsNamingTheParameterAndTheRange()
    {
        var before = new LocalDateTime(1, 1, 1, 0, 0).PlusTicks(-1); // the last tick of the year 0
        var after = new LocalDateTime(9999, 12, 30, 0, 0).PlusTicks(1);

        var early = Assert.Throws<ArgumentOutOfRangeException>(() => InstantRange.Check(before, "local"));
        var late = Assert.Throws<ArgumentOutOfRangeException>(() => InstantRange.Check(after, "local"));

        Assert.Equal("local", early.ParamName);
        Assert.Equal("local", late.ParamName);
        Assert.Contains(InstantRange.Text, late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LocalTimesNodaTimeHasAtItsLimits_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => InstantRange.Check(LocalDateTime.MinIsoValue, "local"));
        Assert.Throws<ArgumentOutOfRangeException>(() => InstantRange.Check(LocalDateTime.MaxIsoValue, "local"));
    }
}

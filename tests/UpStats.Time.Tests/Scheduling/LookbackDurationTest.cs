using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Scheduling;

namespace UpStats.Time.Tests.Scheduling;

public class LookbackDurationTest
{
    [Theory]
    [InlineData("30d", 30 * 24 * 3600_000L)]
    [InlineData("1h", 3600_000L)]
    [InlineData("15m", 15 * 60_000L)]
    [InlineData("10s", 10_000L)]
    [InlineData("500ms", 500L)]
    [InlineData("1d12h", 36 * 3600_000L)]
    [InlineData("1h 30m", 90 * 60_000L)]
    [InlineData("60D", 60 * 24 * 3600_000L)]
    [InlineData("0s", 0L)]
    [InlineData("1m1s1ms", 61_001L)]
    public void Parse_ParseDurationForms_GiveTheMilliseconds(string text, long milliseconds)
    {
        var result = LookbackDuration.Parse(text);
        Assert.True(result.Success, result.ErrorMessage);
        Assert.Equal(Duration.FromMilliseconds(milliseconds), result.Value.Duration);
    }

    [Theory]
    [InlineData("", 0, SchedulingMessages.EmptyLookback)]
    [InlineData("d", 0, SchedulingMessages.ExpectedNumber)]
    [InlineData("30", 2, SchedulingMessages.ExpectedLookbackUnit)]
    [InlineData("30x", 2, SchedulingMessages.ExpectedLookbackUnit)]
    [InlineData("1d-1h", 2, SchedulingMessages.ExpectedNumber)]
    [InlineData("30days", 2, SchedulingMessages.ExpectedLookbackUnit)]
    [InlineData("100001d", 0, SchedulingMessages.LookbackTooLarge)]
    [InlineData("99999d99999999h", 6, SchedulingMessages.LookbackTooLarge)]
    public void Parse_BadText_SaysWhereAndWhy(string text, int position, string reason)
    {
        var result = LookbackDuration.Parse(text);
        Assert.False(result.Success);
        Assert.Equal(position, result.Error.Position);
        Assert.Equal(reason, result.Error.Reason);
        Assert.Throws<FormatException>(() => LookbackDuration.ParseOrThrow(text));
    }

    [Property(MaxTest = 300)]
    public Property ToString_RoundTrips() =>
        Prop.ForAll(Arb.From(Generators.LookbackTicks), ticks =>
        {
            var lookback = LookbackDuration.FromDuration(Duration.FromTicks(ticks));
            return LookbackDuration.ParseOrThrow(lookback.ToString()) == lookback;
        });

    [Fact]
    public void FromDuration_NegativeOrSubTick_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LookbackDuration.FromDuration(Duration.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LookbackDuration.FromDuration(Duration.FromNanoseconds(50)));
    }
}

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

    [Theory]
    [InlineData("  1h  ", 3600_000L)]
    [InlineData("\t1h 30m\n", 90 * 60_000L)]
    [InlineData("1MS", 1L)]
    [InlineData("2H3M4S", (2 * 3600 + 3 * 60 + 4) * 1000L)]
    [InlineData("100000d", 100_000 * 86_400_000L)]
    [InlineData("99999d24h", 100_000 * 86_400_000L)]
    [InlineData("0d0h", 0L)]
    [InlineData("1 h", 3600_000L)]
    [InlineData("60 DAYS", 60 * 86_400_000L)]
    [InlineData("30days", 30 * 86_400_000L)]
    [InlineData("1 day 12 hours", 36 * 3600_000L)]
    [InlineData("30 Minutes", 30 * 60_000L)]
    [InlineData("1 second 500 milliseconds", 1500L)]
    [InlineData("0", 0L)]
    [InlineData(" 0 ", 0L)]
    public void Parse_WhitespaceCaseAndTheLimit_AreAccepted(string text, long milliseconds)
    {
        Assert.True(LookbackDuration.TryParse(text, out var lookback, out _));
        Assert.Equal(Duration.FromMilliseconds(milliseconds), lookback.Duration);
        Assert.Equal(lookback, LookbackDuration.Parse(text.AsSpan()).Value);
    }

    [Theory]
    [InlineData(" ", 1, SchedulingMessages.EmptyLookback)]
    [InlineData("99999999999999999s", 0, SchedulingMessages.NumberTooLarge)]
    [InlineData("1h 99999999999999999s", 3, SchedulingMessages.NumberTooLarge)]
    [InlineData("100000d1ms", 7, SchedulingMessages.LookbackTooLarge)]
    [InlineData("99999d25h", 6, SchedulingMessages.LookbackTooLarge)]
    [InlineData("1 x", 2, SchedulingMessages.ExpectedLookbackUnit)]
    [InlineData("1 minutess", 2, SchedulingMessages.ExpectedLookbackUnit)]
    [InlineData("0 0", 1, SchedulingMessages.ExpectedLookbackUnit)]
    [InlineData("1d 0", 4, SchedulingMessages.ExpectedLookbackUnit)]
    [InlineData("1mss", 1, SchedulingMessages.ExpectedLookbackUnit)]
    [InlineData("1xs", 1, SchedulingMessages.ExpectedLookbackUnit)]
    [InlineData("1h x", 3, SchedulingMessages.ExpectedNumber)]
    public void Parse_MoreBadText_SaysWhereAndWhy(string text, int position, string reason)
    {
        var result = LookbackDuration.Parse(text);
        Assert.Equal((position, reason), (result.Error.Position, result.Error.Reason));
        Assert.False(LookbackDuration.TryParse(text, out var lookback, out _));
        Assert.Equal(LookbackDuration.None, lookback);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException() =>
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => LookbackDuration.Parse((string)null!)).ParamName);

    [Fact]
    public void FromDuration_Limits_AreInclusive()
    {
        var max = Duration.FromDays(100_000);
        Assert.Equal(max, LookbackDuration.FromDuration(max).Duration);
        Assert.Equal(LookbackDuration.None, LookbackDuration.FromDuration(Duration.Zero));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => LookbackDuration.FromDuration(max + Duration.FromTicks(1)));
        Assert.Equal("duration", ex.ParamName);
        Assert.Equal("duration", Assert.Throws<ArgumentOutOfRangeException>(() => LookbackDuration.FromDuration(Duration.FromNanoseconds(150))).ParamName);
    }

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(86_400_000L + 2 * 3600_000L + 3 * 60_000L + 4_000L + 5L, "1d2h3m4s5ms")]
    [InlineData(86_400_000L, "1d")]
    [InlineData(59_999L, "59s999ms")]
    [InlineData(3600_000L + 1L, "1h1ms")]
    public void ToString_Milliseconds_UsesTheGrammarsUnits(long milliseconds, string expected) =>
        Assert.Equal(expected, LookbackDuration.FromDuration(Duration.FromMilliseconds(milliseconds)).ToString());

    [Fact]
    public void ToString_BelowAMillisecond_ShowsTheExactDuration()
    {
        var lookback = LookbackDuration.FromDuration(Duration.FromTicks(TimeSpan.TicksPerSecond + 1));
        Assert.Equal(Duration.FromTicks(TimeSpan.TicksPerSecond + 1).ToString(), lookback.ToString());
    }

    [Fact]
    public void Comparison_OrdersByLength()
    {
        var hour = LookbackDuration.ParseOrThrow("1h");
        var sixty = LookbackDuration.ParseOrThrow("60m");
        var day = LookbackDuration.ParseOrThrow("1d");
        Assert.True(hour == sixty);
        Assert.False(hour != sixty);
        Assert.True(hour != day);
        Assert.True(hour.Equals((object)sixty));
        Assert.False(hour.Equals((object)"1h"));
        Assert.Equal(hour.GetHashCode(), sixty.GetHashCode());
        Assert.True(hour < day);
        Assert.False(day < hour);
        Assert.False(hour < sixty);
        Assert.True(day > hour);
        Assert.False(hour > day);
        Assert.False(hour > sixty);
        Assert.True(hour <= sixty);
        Assert.True(hour <= day);
        Assert.False(day <= hour);
        Assert.True(hour >= sixty);
        Assert.True(day >= hour);
        Assert.False(hour >= day);
        Assert.Equal(0, hour.CompareTo(sixty));
        Assert.True(hour.CompareTo(day) < 0);
        Assert.True(day.CompareTo(hour) > 0);
    }
}

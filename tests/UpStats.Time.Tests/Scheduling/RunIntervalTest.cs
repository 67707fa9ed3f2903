using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Grid;
using UpStats.Time.Scheduling;

namespace UpStats.Time.Tests.Scheduling;

public class RunIntervalTest
{
    [Theory]
    [InlineData("1 MINUTE", 1)]
    [InlineData("5 MINUTES", 5)]
    [InlineData("5 minutes", 5)]
    [InlineData("1 minutes", 1)]
    [InlineData("2 HOURS", 120)]
    [InlineData("1 Hour", 60)]
    [InlineData("7 DAYS", 7 * 1440)]
    [InlineData("1 day", 1440)]
    [InlineData("30 DAYS", 30 * 1440)]
    [InlineData("24 HOURS", 1440)]
    [InlineData("48 HOURS", 2 * 1440)]
    [InlineData("1440 MINUTES", 1440)]
    [InlineData("90 MINUTES", 90)]
    [InlineData("5m", 5)]
    [InlineData("2h", 120)]
    [InlineData("7d", 7 * 1440)]
    [InlineData("15M", 15)]
    [InlineData("  5   MINUTES  ", 5)]
    public void Parse_UpsolverForms_GiveTheMinutes(string text, int minutes)
    {
        var result = RunInterval.Parse(text);
        Assert.True(result.Success, result.ErrorMessage);
        Assert.Equal(minutes, result.Value.TotalMinutes);
    }

    [Fact]
    public void Parse_FiveHours_IsRejectedBecauseItDoesNotDivideADay()
    {
        var result = RunInterval.Parse("5 HOURS");
        Assert.False(result.Success);
        Assert.Equal(0, result.Error.Position);
        Assert.StartsWith("5 HOURS (300 minutes) does not divide 24 hours", result.Error.Reason, StringComparison.Ordinal);
        Assert.Contains(SchedulingMessages.DoesNotDivideDay, result.Error.Reason, StringComparison.Ordinal);
        var ex = Assert.Throws<FormatException>(() => RunInterval.ParseOrThrow("5 HOURS"));
        Assert.Equal(result.ErrorMessage, ex.Message);
    }

    [Fact]
    public void Parse_ThirtySixHours_IsNeitherBelowADayNorWholeDays()
    {
        var result = RunInterval.Parse("36 HOURS");
        Assert.False(result.Success);
        Assert.StartsWith("36 HOURS (2160 minutes) is neither below a day nor whole days", result.Error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 0, SchedulingMessages.EmptyInterval)]
    [InlineData("   ", 3, SchedulingMessages.EmptyInterval)]
    [InlineData("MINUTES", 0, SchedulingMessages.ExpectedNumber)]
    [InlineData("-5 MINUTES", 0, SchedulingMessages.ExpectedNumber)]
    [InlineData("5", 1, SchedulingMessages.ExpectedIntervalUnit)]
    [InlineData("5 WEEKS", 2, SchedulingMessages.ExpectedIntervalUnit)]
    [InlineData("5 MINUTES AGO", 10, SchedulingMessages.UnexpectedText)]
    [InlineData("5.5 MINUTES", 1, SchedulingMessages.ExpectedIntervalUnit)]
    [InlineData("0 MINUTES", 0, SchedulingMessages.AtLeastOneMinute)]
    [InlineData("99999999999999 DAYS", 0, SchedulingMessages.NumberTooLarge)]
    [InlineData("1000001d", 0, SchedulingMessages.IntervalTooLarge)]
    public void Parse_BadText_SaysWhereAndWhy(string text, int position, string reason)
    {
        var result = RunInterval.Parse(text);
        Assert.False(result.Success);
        Assert.Equal(position, result.Error.Position);
        Assert.Equal(reason, result.Error.Reason);
        Assert.False(RunInterval.TryParse(text, out _, out _));
    }

    [Fact]
    public void Parse_EveryMinuteCountUpToTenDays_AcceptsExactlyTheDivisorsOfADayAndWholeDays()
    {
        for (int m = 0; m <= 10 * 1440; m++)
        {
            bool valid = m >= 1 && (m < 1440 ? 1440 % m == 0 : m % 1440 == 0);
            var result = RunInterval.Parse($"{m} MINUTES");
            Assert.True(valid == result.Success, $"{m} minutes: {result}");
            if (valid)
            {
                Assert.Equal(m, result.Value.TotalMinutes);
                Assert.Equal(m, RunInterval.FromMinutes(m).TotalMinutes);
            }
            else
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => RunInterval.FromMinutes(m));
            }
        }
    }

    [Property(MaxTest = 200)]
    public Property EveryValidSubDayInterval_DividesADay() =>
        Prop.ForAll(Arb.From(Gen.Choose(1, 1439)), m =>
            RunInterval.TryParse($"{m}m", out var interval, out _) == (1440 % m == 0)
            && (!RunInterval.TryParse($"{m}m", out interval, out _) || 1440 % interval.TotalMinutes == 0));

    [Property(MaxTest = 200)]
    public Property ToString_RoundTrips() =>
        Prop.ForAll(Arb.From(Generators.RunIntervalMinutes), m =>
        {
            var interval = RunInterval.FromMinutes(m);
            return RunInterval.ParseOrThrow(interval.ToString()) == interval;
        });

    [Fact]
    public void Default_IsUpsolversOneMinute()
    {
        Assert.Equal(1, default(RunInterval).TotalMinutes);
        Assert.Equal("1 MINUTE", RunInterval.OneMinute.ToString());
        Assert.Equal("7 DAYS", RunInterval.FromDays(7).ToString());
        Assert.Equal("2 HOURS", RunInterval.FromHours(2).ToString());
    }

    [Fact]
    public void GridFor_SubDayAndDays_UseTheSharedGrid()
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var anchor = new LocalDate(2022, 1, 1);
        Assert.Equal(LocalClockGrid.EveryMinutes(zone, 5), RunInterval.FromMinutes(5).GridFor(zone, anchor));
        Assert.Equal(LocalClockGrid.EveryDays(zone, 30, anchor), RunInterval.FromDays(30).GridFor(zone, anchor));
    }
}

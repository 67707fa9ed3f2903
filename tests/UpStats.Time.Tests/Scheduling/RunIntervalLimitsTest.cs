using NodaTime.Testing;
using UpStats.Time.Scheduling;

namespace UpStats.Time.Tests.Scheduling;

/// <summary>The edges of <see cref="RunInterval"/>, <see cref="TaskSchedule.Create"/> and <see cref="EventTimeAssigner"/>: limits, texts and argument checks.</summary>
public class RunIntervalLimitsTest
{
    [Fact]
    public void Period_OneDayIsWholeDaysHalfADayIsMinutes()
    {
        var day = RunInterval.FromMinutes(1440);
        Assert.True(day.IsWholeDays);
        Assert.Equal(1, day.Days);
        Assert.Equal(Period.FromDays(1), day.Period);
        var half = RunInterval.FromHours(12);
        Assert.False(half.IsWholeDays);
        Assert.Equal(Period.FromMinutes(720), half.Period);
        Assert.Equal(Duration.FromHours(12), half.NominalDuration);
    }

    [Fact]
    public void Factories_BrokenRule_ThrowNamingTheValueAsWritten()
    {
        var minutes = Assert.Throws<ArgumentOutOfRangeException>(() => RunInterval.FromMinutes(7));
        Assert.Equal("minutes", minutes.ParamName);
        Assert.StartsWith("7 minutes (7 minutes) does not divide 24 hours", minutes.Message, StringComparison.Ordinal);
        var hours = Assert.Throws<ArgumentOutOfRangeException>(() => RunInterval.FromHours(25));
        Assert.Equal("hours", hours.ParamName);
        Assert.StartsWith("25 hours (1500 minutes) is neither below a day nor whole days", hours.Message, StringComparison.Ordinal);
        var days = Assert.Throws<ArgumentOutOfRangeException>(() => RunInterval.FromDays(1_000_001));
        Assert.Equal("days", days.ParamName);
        Assert.Equal("days", Assert.Throws<ArgumentOutOfRangeException>(() => RunInterval.FromDays(0)).ParamName);
        Assert.Equal("hours", Assert.Throws<ArgumentOutOfRangeException>(() => RunInterval.FromHours(-1)).ParamName);
        Assert.Equal(1_000_000, RunInterval.FromDays(1_000_000).Days);
    }

    [Theory]
    [InlineData("1000000d", 1_000_000 * 1440)]
    [InlineData("1440000000 minutes", 1_000_000 * 1440)]
    [InlineData("24000000 HOURS", 1_000_000 * 1440)]
    public void Parse_TheLimit_IsAccepted(string text, int minutes) =>
        Assert.Equal(minutes, RunInterval.ParseOrThrow(text).TotalMinutes);

    [Theory]
    [InlineData("1440000001 minutes", SchedulingMessages.NumberTooLarge)]
    [InlineData("1000001 days", SchedulingMessages.IntervalTooLarge)]
    public void Parse_BeyondTheLimit_IsRejected(string text, string reason) =>
        Assert.Equal(reason, RunInterval.Parse(text).Error.Reason);

    [Theory]
    [InlineData("5h", "5h (300 minutes) does not divide")]
    [InlineData("5 h", "5 h (300 minutes) does not divide")]
    [InlineData("5  HOURS ", "5 HOURS (300 minutes) does not divide")]
    [InlineData("36hours", "36 hours (2160 minutes) is neither")]
    public void Parse_BrokenRule_NamesTheValueAsWritten(string text, string start) =>
        Assert.StartsWith(start, RunInterval.Parse(text).Error.Reason, StringComparison.Ordinal);

    [Fact]
    public void Parse_NullAndSpan()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => RunInterval.Parse((string)null!)).ParamName);
        Assert.Equal(RunInterval.FromMinutes(15), RunInterval.Parse("15m".AsSpan()).Value);
        Assert.True(RunInterval.TryParse(" 2 hours ", out var two, out _));
        Assert.Equal(120, two.TotalMinutes);
        Assert.False(RunInterval.TryParse("5 hours", out _, out _));
        Assert.True(RunInterval.FromMinutes(15) != RunInterval.FromMinutes(30));
        Assert.False(RunInterval.FromMinutes(15) != RunInterval.ParseOrThrow("15 minutes"));
    }

    [Fact]
    public void TaskSchedule_EndAtEqualsStart_IsEmptyAndEndBeforeStartSaysBoth()
    {
        var start = Instant.FromUtc(2022, 8, 4, 11, 0);
        var empty = TaskSchedule.Create(start, RunInterval.FromMinutes(5), endAt: start);
        Assert.Empty(empty.Tasks());
        var ex = Assert.Throws<ArgumentException>(() => TaskSchedule.Create(start, RunInterval.FromMinutes(5), endAt: start - Duration.FromTicks(1)));
        Assert.Equal("endAt", ex.ParamName);
        Assert.StartsWith($"END_AT ({start - Duration.FromTicks(1)}) is before START_FROM ({start}).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TaskSchedule_ToString_NamesEverySetting()
    {
        var start = Instant.FromUtc(2022, 8, 4, 11, 0);
        var bounded = TaskSchedule.Create(start, RunInterval.FromMinutes(5), endAt: start + Duration.FromHours(1),
            lookback: LookbackDuration.ParseOrThrow("30m"), zone: DateTimeZoneProviders.Tzdb["Europe/Berlin"]);
        Assert.Equal($"START_FROM = {start}, END_AT = {start + Duration.FromHours(1)}, RUN_INTERVAL = 5 MINUTES, lookback 30m, zone Europe/Berlin", bounded.ToString());
        var open = TaskSchedule.Create(start, RunInterval.FromMinutes(5), clock: new FakeClock(start));
        Assert.Equal($"START_FROM = {start}, END_AT = none, RUN_INTERVAL = 5 MINUTES, lookback 0s, zone UTC", open.ToString());
    }

    [Fact]
    public void TasksReading_EventBeforeTheStart_IsReadByTheTasksWhoseLookbackReachesIt()
    {
        var start = Instant.FromUtc(2022, 8, 4, 11, 0);
        var schedule = TaskSchedule.Create(start, RunInterval.FromMinutes(5), endAt: start + Duration.FromHours(1), lookback: LookbackDuration.ParseOrThrow("10m"));
        var early = schedule.TasksReading(start - Duration.FromMinutes(4));
        Assert.Equal([start, start + Duration.FromMinutes(5)], early.Select(t => t.Start));
        Assert.All(early, t => Assert.True(t.WindowContains(start - Duration.FromMinutes(4))));
        Assert.Empty(schedule.TasksReading(start - Duration.FromMinutes(11)));
        Assert.Empty(schedule.TasksReading(start + Duration.FromHours(1)));
        var last = schedule.TasksReading(start + Duration.FromHours(1) - Duration.FromTicks(1));
        Assert.Equal([start + Duration.FromMinutes(55)], last.Select(t => t.Start));
    }

    [Fact]
    public void EventTimeAssigner_NullClock_Throws() =>
        Assert.Equal("clock", Assert.Throws<ArgumentNullException>(() => new EventTimeAssigner(null!)).ParamName);
}

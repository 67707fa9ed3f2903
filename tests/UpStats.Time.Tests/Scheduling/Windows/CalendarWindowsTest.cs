using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Scheduling.Windows;
using Interval = NodaTime.Interval;

namespace UpStats.Time.Tests.Scheduling.Windows;

public class CalendarWindowsTest
{
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    [Fact]
    public void DayOf_SpringForwardInLosAngeles_Is23Hours()
    {
        var day = new CalendarWindows(LosAngeles).DayOf(Instant.FromUtc(2024, 3, 10, 20, 0));
        Assert.Equal(new LocalDate(2024, 3, 10), day.FirstDate);
        Assert.Equal(new Interval(Instant.FromUtc(2024, 3, 10, 8, 0), Instant.FromUtc(2024, 3, 11, 7, 0)), day.Interval);
    }

    [Fact]
    public void IsoWeekOf_ASunday_StartsTheMondayBefore()
    {
        var week = new CalendarWindows(LosAngeles).IsoWeekOf(Instant.FromUtc(2024, 11, 10, 20, 0)); // Sunday Nov 10
        Assert.Equal(new LocalDate(2024, 11, 4), week.FirstDate);
        Assert.Equal(new LocalDate(2024, 11, 11), week.EndDate);
        Assert.Equal(Duration.FromHours(7 * 24), week.End - week.Start);
    }

    [Fact]
    public void MonthOf_NovemberInLosAngeles_HasTheExtraHour()
    {
        var month = new CalendarWindows(LosAngeles).MonthOf(Instant.FromUtc(2024, 11, 15, 0, 0));
        Assert.Equal(new LocalDate(2024, 11, 1), month.FirstDate);
        Assert.Equal(Instant.FromUtc(2024, 11, 1, 7, 0), month.Start);
        Assert.Equal(Instant.FromUtc(2024, 12, 1, 8, 0), month.End);
        Assert.Equal(Duration.FromHours(30 * 24 + 1), month.End - month.Start);
    }

    [Fact]
    public void DayOf_SaoPauloDayWithoutMidnight_StartsAtTheJump()
    {
        var day = new CalendarWindows(DateTimeZoneProviders.Tzdb["America/Sao_Paulo"]).DayOf(Instant.FromUtc(2018, 11, 4, 14, 0));
        Assert.Equal(Instant.FromUtc(2018, 11, 4, 3, 0), day.Start);
        Assert.Equal(Duration.FromHours(23), day.End - day.Start);
    }

    [Property(MaxTest = 400)]
    public Property Windows_ContainTheInstant_AndStartOnItsLocalDayWeekAndMonth_InEveryZone() =>
        Prop.ForAll(Arb.From(Generators.ZoneAndInstant), c =>
        {
            var windows = new CalendarWindows(c.Zone);
            var date = c.Instant.InZone(c.Zone).Date;
            var day = windows.DayOf(c.Instant);
            var week = windows.IsoWeekOf(c.Instant);
            var month = windows.MonthOf(c.Instant);
            bool contain = day.Contains(c.Instant) && week.Contains(c.Instant) && month.Contains(c.Instant);
            bool labels = day.FirstDate == date
                && week.FirstDate == date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday))
                && month.FirstDate == date.With(DateAdjusters.StartOfMonth) && month.EndDate == month.FirstDate.PlusMonths(1);
            // The oracle: a window starts at the start of its first day (the jump when midnight, or the whole day, is skipped).
            bool starts = month.Start == StartOf(c.Zone, month.FirstDate)
                && month.End == StartOf(c.Zone, month.EndDate)
                // Days and weeks are grid cells: inside [start of first day, start of end day); a midnight read
                // twice splits them at the second pass, as it splits daily tasks.
                && day.Start >= StartOf(c.Zone, day.FirstDate) && day.End <= StartOf(c.Zone, day.EndDate)
                && week.Start >= StartOf(c.Zone, week.FirstDate) && week.End <= StartOf(c.Zone, week.EndDate);
            return (contain && labels && starts).Label($"{c.Zone.Id} {c.Instant}: day {day} week {week} month {month}");
        });

    /// <summary>
    /// The first instant whose local date is <paramref name="date"/> or later: NodaTime's start of day, or the jump
    /// when the whole day is skipped (Pacific/Kwajalein 1993-08-21, Pacific/Kanton 1994-12-31), where
    /// <c>AtStartOfDay</c> throws.
    /// </summary>
    private static Instant StartOf(DateTimeZone zone, LocalDate date)
    {
        var midnight = zone.MapLocal(date.AtMidnight());
        return midnight.Count == 0 && zone.MapLocal(date.PlusDays(1).AtMidnight().PlusTicks(-1)).Count == 0
            ? midnight.LateInterval.Start
            : zone.AtStartOfDay(date).ToInstant();
    }

    [Fact]
    public void DayOf_KwajaleinBeforeTheSkippedDay_EndsAtTheJump()
    {
        // 1993-08-21 never happened in Kwajalein: the clock went from Aug 20 24:00 (-12) to Aug 22 00:00 (+12).
        var kwajalein = DateTimeZoneProviders.Tzdb["Pacific/Kwajalein"];
        var day = new CalendarWindows(kwajalein).DayOf(Instant.FromUtc(1993, 8, 21, 6, 0));
        Assert.Equal(new LocalDate(1993, 8, 20), day.FirstDate);
        Assert.Equal(Instant.FromUtc(1993, 8, 21, 12, 0), day.End);
        Assert.Equal(new LocalDateTime(1993, 8, 22, 0, 0), day.End.InZone(kwajalein).LocalDateTime);
    }
}

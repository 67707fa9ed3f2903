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

    [Fact]
    public void DayOf_DayBeforeKwajaleinSkippedAWholeDay_EndsAtTheJump()
    {
        // Found by the property below in CI: Kwajalein went from -12 to +12 on 1993-08-21, a date that never happened.
        var zone = DateTimeZoneProviders.Tzdb["Pacific/Kwajalein"];
        var day = new CalendarWindows(zone).DayOf(Instant.FromUtc(1993, 8, 21, 6, 57, 50));
        Assert.Equal(new LocalDate(1993, 8, 20), day.FirstDate);
        Assert.Equal(Instant.FromUtc(1993, 8, 21, 12, 0), day.End);
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
            // NodaTime's oracle: a window starts at the start of its first day (the jump when midnight is skipped).
            bool starts = month.Start == StartOfDay(c.Zone, month.FirstDate)
                && month.End == StartOfDay(c.Zone, month.EndDate)
                // Days and weeks are grid cells: inside [start of first day, start of end day); a midnight read
                // twice splits them at the second pass, as it splits daily tasks.
                && day.Start >= StartOfDay(c.Zone, day.FirstDate) && day.End <= StartOfDay(c.Zone, day.EndDate)
                && week.Start >= StartOfDay(c.Zone, week.FirstDate) && week.End <= StartOfDay(c.Zone, week.EndDate);
            return (contain && labels && starts).Label($"{c.Zone.Id} {c.Instant}: day {day} week {week} month {month}");
        });

    /// <summary>
    /// NodaTime's start of a day, extended to days that never happen: AtStartOfDay throws for a date skipped
    /// whole (Pacific/Kwajalein 1993-08-21, Pacific/Apia 2011-12-30), whose midnight lies in a gap; the grid
    /// puts that label at the instant of the jump, as it does for any label in a gap.
    /// </summary>
    private static Instant StartOfDay(DateTimeZone zone, LocalDate date)
    {
        var mapping = zone.MapLocal(date.AtMidnight());
        return mapping.Count > 0 ? zone.AtStartOfDay(date).ToInstant() : mapping.LateInterval.Start;
    }
}

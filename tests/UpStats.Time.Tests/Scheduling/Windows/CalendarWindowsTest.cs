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
            // The oracle (NodaTime's MapLocal, not the grid): a window runs from the first instant that reads its first
            // midnight (or the jump over it) to just after the last instant that reads the tick before its end midnight.
            bool starts = day.Start == FirstReading(c.Zone, day.FirstDate) && day.End == AfterLastReading(c.Zone, day.EndDate)
                && week.Start == FirstReading(c.Zone, week.FirstDate) && week.End == AfterLastReading(c.Zone, week.EndDate)
                && month.Start == FirstReading(c.Zone, month.FirstDate) && month.End == AfterLastReading(c.Zone, month.EndDate);
            return (contain && labels && starts).Label($"{c.Zone.Id} {c.Instant}: day {day} week {week} month {month}");
        });

    /// <summary>The first instant at which the clock reads <paramref name="date"/>'s midnight, or the jump over it.</summary>
    private static Instant FirstReading(DateTimeZone zone, LocalDate date)
    {
        var midnight = zone.MapLocal(date.AtMidnight());
        return midnight.Count == 0 ? midnight.LateInterval.Start : midnight.First().ToInstant();
    }

    /// <summary>
    /// The end of the last instant whose local date is before <paramref name="end"/>: one tick after the last reading
    /// of the tick before its midnight, or the jump when that tick is skipped (a whole day skipped: Pacific/Kwajalein
    /// 1993-08-21, Pacific/Kanton 1994-12-31, where <c>AtStartOfDay</c> would throw).
    /// </summary>
    private static Instant AfterLastReading(DateTimeZone zone, LocalDate end)
    {
        var lastTick = zone.MapLocal(end.AtMidnight().PlusTicks(-1));
        return lastTick.Count == 0 ? lastTick.LateInterval.Start : lastTick.Last().ToInstant() + Duration.FromTicks(1);
    }

    [Fact]
    public void DayOf_NewfoundlandFallBackAcrossMidnight_SpansBothPassesOfTheDate()
    {
        // 1991-10-27 00:01 NDT (02:31Z) fell back to 1991-10-26 23:01 NST: Oct 26 is read until 03:30Z.
        var stJohns = DateTimeZoneProviders.Tzdb["America/St_Johns"];
        var t = Instant.FromUtc(1991, 10, 27, 2, 58);
        var day = new CalendarWindows(stJohns).DayOf(t);
        Assert.Equal(new LocalDate(1991, 10, 26), day.FirstDate);
        Assert.Equal(new LocalDate(1991, 10, 26), t.InZone(stJohns).Date);
        Assert.Equal(new Interval(Instant.FromUtc(1991, 10, 26, 2, 30), Instant.FromUtc(1991, 10, 27, 3, 30)), day.Interval);
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

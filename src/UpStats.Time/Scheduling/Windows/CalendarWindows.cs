using NodaTime;
using UpStats.Time.Grid;

namespace UpStats.Time.Scheduling.Windows;

/// <summary>
/// The local-calendar windows of a zone: the day, ISO week (Monday first) and month that contain an instant,
/// found by its local date (the cell of the zone's day <see cref="LocalClockGrid"/>, the same cells as daily
/// partitions), with DST handled by the grid: a window starts when the local clock first reads its first
/// midnight, or at the jump where that midnight is skipped.
/// </summary>
/// <remarks>
/// A window is the span of the instants whose local date lies in <c>[FirstDate, EndDate)</c>: from the first of them
/// to the end of the last. On ordinary and DST days that is simply "midnight to midnight" (23 or 25 hours). In
/// the rare zones that fall back across midnight (Canada/Newfoundland until 2011 went from 00:01 back to 23:01),
/// a date is read in two passes with a minute of the next date between them; the window then spans both passes,
/// so it also covers that minute and overlaps the next window there. Months take their first and next-first dates
/// from NodaTime date arithmetic; the grid turns dates into instants.
/// </remarks>
/// <example>
/// <code>
/// var windows = new CalendarWindows(DateTimeZoneProviders.Tzdb["Europe/Berlin"]);
/// CalendarWindow day = windows.DayOf(Instant.FromUtc(2024, 10, 27, 12, 0));  // the autumn DST Sunday
/// Instant start = day.Start;                                       // 2024-10-26T22:00:00Z (local midnight at UTC+2)
/// Instant end = day.End;                                           // 2024-10-27T23:00:00Z (the next one at UTC+1)
/// Duration length = day.Interval.Duration;                         // 25 hours
/// LocalDate monday = windows.IsoWeekOf(Instant.FromUtc(2024, 10, 27, 12, 0)).FirstDate;  // 2024-10-21
/// LocalDate first = windows.MonthOf(Instant.FromUtc(2024, 10, 27, 12, 0)).FirstDate;     // 2024-10-01
/// </code>
/// </example>
public sealed class CalendarWindows
{
    private readonly LocalClockGrid _days;

    /// <summary>The calendar windows of <paramref name="zone"/>.</summary>
    public CalendarWindows(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
        _days = LocalClockGrid.EveryMinutes(zone, 1440);
    }

    /// <summary>The zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The local day that contains <paramref name="instant"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> lies outside 0001-01-01T00:00Z to 9999-12-30T00:00Z, or the window ends after 9999.</exception>
    public CalendarWindow DayOf(Instant instant)
    {
        var date = LocalDateOf(instant);
        return Window(date, date.PlusDays(1), instant);
    }

    /// <summary>The ISO week (Monday to Sunday, local) that contains <paramref name="instant"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> lies outside 0001-01-01T00:00Z to 9999-12-30T00:00Z, or the window ends after 9999.</exception>
    public CalendarWindow IsoWeekOf(Instant instant)
    {
        var date = LocalDateOf(instant);
        var monday = date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        // The last week of 9999 may end in 10000, which NodaTime's calendar cannot hold.
        if (monday.Year == 9999 && date.Month == 12 && date.Day >= 25)
        {
            throw InstantRange.ResultOutOfRange(nameof(instant), instant);
        }
        return Window(monday, monday.PlusDays(7), instant);
    }

    /// <summary>The local month that contains <paramref name="instant"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> lies outside 0001-01-01T00:00Z to 9999-12-30T00:00Z, or the window ends after 9999.</exception>
    public CalendarWindow MonthOf(Instant instant)
    {
        var first = LocalDateOf(instant).With(DateAdjusters.StartOfMonth);
        if (first.Year == 9999 && first.Month == 12)
        {
            // December 9999 ends in 10000, which NodaTime's calendar cannot hold.
            throw InstantRange.ResultOutOfRange(nameof(instant), instant);
        }
        return Window(first, first.PlusMonths(1), instant);
    }

    private LocalDate LocalDateOf(Instant instant) =>
        LocalClockGrid.FromLocalTicks(_days.CellOfTicks(InstantRange.Check(instant, nameof(instant)))).Date;

    private CalendarWindow Window(LocalDate first, LocalDate end, Instant instant)
    {
        long localStart = LocalClockGrid.LocalTicks(first.AtMidnight());
        long localEnd = LocalClockGrid.LocalTicks(end.AtMidnight());
        long start = _days.FirstBoundaryOfLabelTicks(localStart);
        // The end of the last instant whose local date is before `end`: the grid's owned ranges of the dates, last one.
        long stop = start;
        foreach (var (_, e) in _days.OwnedTickRanges(localStart, localEnd))
        {
            stop = e;
        }
        return new CalendarWindow(first, end, Instant.FromUnixTimeTicks(InstantRange.CheckResult(start, nameof(instant), instant)),
            Instant.FromUnixTimeTicks(InstantRange.CheckResult(stop, nameof(instant), instant)));
    }
}

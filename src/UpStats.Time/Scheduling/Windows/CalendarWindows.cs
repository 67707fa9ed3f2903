using NodaTime;
using UpStats.Time.Grid;

namespace UpStats.Time.Scheduling.Windows;

/// <summary>
/// The local-calendar windows of a zone: the day, ISO week (Monday first) and month that contain an instant,
/// with DST handled by the zone's <see cref="LocalClockGrid"/> (the same boundaries as daily tasks and daily
/// partitions): a day starts at its local midnight, or at the jump where that midnight is skipped.
/// </summary>
/// <remarks>
/// Days and weeks are cells of a 1-day and a 7-day grid (anchored on a Monday). Months are not a fixed number
/// of days, so the month's first and next-first dates come from NodaTime date arithmetic and are turned into
/// instants by the day grid's boundary of that date.
/// </remarks>
public sealed class CalendarWindows
{
    // 1970-01-05 is a Monday: any Monday anchors the ISO-week grid.
    private static readonly LocalDate MondayAnchor = new(1970, 1, 5);

    private readonly LocalClockGrid _days;
    private readonly LocalClockGrid _weeks;

    /// <summary>The calendar windows of <paramref name="zone"/>.</summary>
    public CalendarWindows(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
        _days = LocalClockGrid.EveryDays(zone, 1, MondayAnchor);
        _weeks = LocalClockGrid.EveryDays(zone, 7, MondayAnchor);
    }

    /// <summary>The zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The local day that contains <paramref name="instant"/>.</summary>
    public CalendarWindow DayOf(Instant instant) => Cell(_days, instant, 1);

    /// <summary>The ISO week (Monday to Sunday, local) that contains <paramref name="instant"/>.</summary>
    public CalendarWindow IsoWeekOf(Instant instant) => Cell(_weeks, instant, 7);

    /// <summary>The local month that contains <paramref name="instant"/>.</summary>
    public CalendarWindow MonthOf(Instant instant)
    {
        long t = instant.ToUnixTimeTicks();
        var date = LocalClockGrid.FromLocalTicks(_days.CellOfTicks(t)).Date;
        var first = date.With(DateAdjusters.StartOfMonth);
        var next = first.PlusMonths(1);
        long start = _days.FirstBoundaryOfLabelTicks(LocalClockGrid.LocalTicks(first.AtMidnight()));
        long end = _days.FirstBoundaryOfLabelTicks(LocalClockGrid.LocalTicks(next.AtMidnight()));
        return new CalendarWindow(first, next, Instant.FromUnixTimeTicks(start), Instant.FromUnixTimeTicks(end));
    }

    private static CalendarWindow Cell(LocalClockGrid grid, Instant instant, int days)
    {
        long t = instant.ToUnixTimeTicks();
        var first = LocalClockGrid.FromLocalTicks(grid.CellOfTicks(t)).Date;
        return new CalendarWindow(first, first.PlusDays(days),
            Instant.FromUnixTimeTicks(grid.BoundaryAtOrBeforeTicks(t)), Instant.FromUnixTimeTicks(grid.NextBoundaryTicks(t)));
    }
}

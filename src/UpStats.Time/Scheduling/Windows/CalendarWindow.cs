using NodaTime;

namespace UpStats.Time.Scheduling.Windows;

/// <summary>
/// A window of a zone's local calendar: the local dates <c>[FirstDate, EndDate)</c> and the instants they own,
/// <c>[Start, End)</c>. A local day is 23 or 25 hours long on a DST day, and starts at the jump where its
/// midnight is skipped.
/// </summary>
public readonly struct CalendarWindow : IEquatable<CalendarWindow>
{
    internal CalendarWindow(LocalDate firstDate, LocalDate endDate, Instant start, Instant end)
    {
        FirstDate = firstDate;
        EndDate = endDate;
        Start = start;
        End = end;
    }

    /// <summary>The window's first local date: the day, the Monday of the ISO week, or the first of the month.</summary>
    public LocalDate FirstDate { get; }

    /// <summary>The local date after the window (exclusive).</summary>
    public LocalDate EndDate { get; }

    /// <summary>The first instant of the window.</summary>
    public Instant Start { get; }

    /// <summary>The end of the window, exclusive.</summary>
    public Instant End { get; }

    /// <summary>The window as an interval <c>[Start, End)</c>.</summary>
    public Interval Interval => new(Start, End);

    /// <summary>Whether <paramref name="instant"/> lies in <c>[Start, End)</c>.</summary>
    public bool Contains(Instant instant) => instant >= Start && instant < End;

    /// <inheritdoc/>
    public bool Equals(CalendarWindow other) =>
        FirstDate == other.FirstDate && EndDate == other.EndDate && Start == other.Start && End == other.End;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CalendarWindow other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(FirstDate, EndDate, Start, End);

    /// <inheritdoc/>
    public override string ToString() => $"[{FirstDate:uuuu-MM-dd}, {EndDate:uuuu-MM-dd}) = [{Start}, {End})";

    /// <summary>Whether two windows are equal.</summary>
    public static bool operator ==(CalendarWindow left, CalendarWindow right) => left.Equals(right);

    /// <summary>Whether two windows differ.</summary>
    public static bool operator !=(CalendarWindow left, CalendarWindow right) => !left.Equals(right);
}

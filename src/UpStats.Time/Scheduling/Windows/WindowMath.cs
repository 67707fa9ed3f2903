using NodaTime;
using UpStats.Time.Grid;

namespace UpStats.Time.Scheduling.Windows;

/// <summary>
/// Fixed-length window arithmetic on the UTC timeline as plain functions: the tumbling window of an instant,
/// and every sliding window that contains one. Windows are half-open <c>[start, start + size)</c> and aligned to
/// <c>offset + k·step</c> for every whole k, negative ones included: the floor-modulo arithmetic is right before
/// 1970, where C#'s <c>%</c> would round towards zero and put an instant in the window after its own.
/// </summary>
/// <remarks>
/// These windows are exact durations (a "day" is 24 hours). For windows that follow a zone's local calendar
/// (a local day is 23 or 25 hours on DST days) use <see cref="CalendarWindows"/> or a <see cref="TaskSchedule"/>.
/// </remarks>
/// <example>
/// <code>
/// Instant t = Instant.FromUtc(2024, 11, 3, 9, 37);
/// Interval quarter = WindowMath.TumblingWindow(t, Duration.FromMinutes(15));  // 2024-11-03T09:30:00Z/2024-11-03T09:45:00Z
/// foreach (Interval w in WindowMath.SlidingWindowsContaining(t, Duration.FromHours(1), Duration.FromMinutes(20)))
///     Console.WriteLine(w);
/// // 2024-11-03T08:40:00Z/2024-11-03T09:40:00Z
/// // 2024-11-03T09:00:00Z/2024-11-03T10:00:00Z
/// // 2024-11-03T09:20:00Z/2024-11-03T10:20:00Z
/// </code>
/// </example>
public static class WindowMath
{
    /// <summary>The start of the tumbling window of <paramref name="size"/> (aligned to <paramref name="offset"/>) that contains <paramref name="instant"/>.</summary>
    /// <param name="instant">The timestamp.</param>
    /// <param name="size">The window length: positive, a whole number of ticks.</param>
    /// <param name="offset">Shifts the windows: starts are <c>offset + k·size</c> from the Unix epoch.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not positive or not whole ticks.</exception>
    public static Instant TumblingStart(Instant instant, Duration size, Duration offset = default) =>
        Instant.FromUnixTimeTicks(TumblingStartTicks(instant.ToUnixTimeTicks(), PositiveTicks(size, nameof(size)), WholeTicks(offset, nameof(offset))));

    /// <summary>The tumbling window <c>[start, start + size)</c> that contains <paramref name="instant"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not positive or not whole ticks.</exception>
    public static Interval TumblingWindow(Instant instant, Duration size, Duration offset = default)
    {
        var start = TumblingStart(instant, size, offset);
        return new Interval(start, start + size);
    }

    /// <summary>
    /// Every sliding window of <paramref name="size"/> advanced by <paramref name="slide"/> that contains
    /// <paramref name="instant"/>, oldest first: the windows <c>[s, s + size)</c> with <c>s = offset + k·slide</c> and
    /// <c>instant − size &lt; s ≤ instant</c>. There are about size / slide of them (exactly that many when slide divides size).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> or <paramref name="slide"/> is not positive or not whole ticks,
    /// or <paramref name="slide"/> is so short that more than <see cref="int.MaxValue"/> windows contain an instant.</exception>
    public static ReadOnlyValueList<Interval> SlidingWindowsContaining(Instant instant, Duration size, Duration slide, Duration offset = default)
    {
        long sizeTicks = PositiveTicks(size, nameof(size));
        long slideTicks = PositiveTicks(slide, nameof(slide));
        long t = instant.ToUnixTimeTicks();
        long last = TumblingStartTicks(t, slideTicks, WholeTicks(offset, nameof(offset)));
        // Starts s = last − k·slide for k ≥ 0 while s > t − size, i.e. k·slide < last − t + size.
        // When the slide is longer than the size there may be none (count 0).
        long count = Math.Max(0, TickMath.FloorDiv(last - t + sizeTicks - 1, slideTicks) + 1);
        if (count > int.MaxValue)
        {
            // The list is indexed by int: cutting it short would silently drop the newest windows.
            throw new ArgumentOutOfRangeException(nameof(slide), slide, "More than 2,147,483,647 windows would contain the instant: the slide is too short for the size.");
        }
        return IntervalSeries.Of(last - (count - 1) * slideTicks, sizeTicks, slideTicks, (int)count);
    }

    /// <summary>The tumbling start in ticks: the largest <c>offset + k·size ≤ ticks</c>.</summary>
    internal static long TumblingStartTicks(long ticks, long sizeTicks, long offsetTicks) =>
        TickMath.FloorToGrid(ticks, offsetTicks, sizeTicks);

    private static long PositiveTicks(Duration d, string name)
    {
        long ticks = WholeTicks(d, name);
        return ticks > 0 ? ticks : throw new ArgumentOutOfRangeException(name, d, "A window size or slide must be positive.");
    }

    // The length of NodaTime's timeline in ticks (about 20,000 years, well inside a long): no window size, slide or
    // offset needs more, and below it the floor arithmetic on ticks cannot overflow.
    private static readonly Duration MaxSpan = Instant.MaxValue - Instant.MinValue;

    private static long WholeTicks(Duration d, string name)
    {
        if (d > MaxSpan || d < -MaxSpan)
        {
            // Checked here: BclCompatibleTicks would throw OverflowException, and a huge value could wrap the tick arithmetic.
            throw new ArgumentOutOfRangeException(name, d, "A window size, slide or offset must be shorter than NodaTime's whole timeline (about 20,000 years).");
        }
        long ticks = d.BclCompatibleTicks;
        return Duration.FromTicks(ticks) == d ? ticks : throw new ArgumentOutOfRangeException(name, d, "Window arithmetic works in whole ticks (100 ns).");
    }
}

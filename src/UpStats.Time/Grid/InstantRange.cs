using NodaTime;

namespace UpStats.Time.Grid;

/// <summary>
/// The instants (and local times) the grid, windows, schedules, partition maps and path layouts accept:
/// 0001-01-01T00:00:00Z to 9999-12-30T00:00:00Z: the years 0001–9999 less a day at the top, so that the local time
/// of any of them in any zone east of UTC (offsets are within ±18 hours), the hour or day cell holding it and the
/// boundaries around it stay representable, by NodaTime and by a four-digit year. (A zone west of UTC reads the first
/// hours of 0001-01-01Z in the year 0: there the computed result is checked, see <see cref="CheckResult"/>.)
/// Outside it the entry points throw
/// <see cref="ArgumentOutOfRangeException"/> naming their parameter and this range, instead of whatever NodaTime
/// throws deep inside (its <c>ticks</c> or <c>daysSinceEpoch</c> range errors, or <see cref="OverflowException"/>).
/// </summary>
internal static class InstantRange
{
    /// <summary>The first accepted tick count: 0001-01-01T00:00 (as an instant in UTC, or as a local time).</summary>
    internal static readonly long MinTicks = Instant.FromUtc(1, 1, 1, 0, 0).ToUnixTimeTicks();

    /// <summary>The last accepted tick count: 9999-12-30T00:00.</summary>
    internal static readonly long MaxTicks = Instant.FromUtc(9999, 12, 30, 0, 0).ToUnixTimeTicks();

    /// <summary>The range in words, for messages.</summary>
    internal const string Text = "0001-01-01T00:00:00Z and 9999-12-30T00:00:00Z";

    /// <summary>The ticks of <paramref name="instant"/>, or an error naming <paramref name="paramName"/> when it is outside the range.</summary>
    internal static long Check(Instant instant, string paramName)
    {
        long ticks = instant.ToUnixTimeTicks();
        return ticks >= MinTicks && ticks <= MaxTicks ? ticks : throw OutOfRange(paramName, instant);
    }

    /// <summary>The local ticks of <paramref name="local"/>, or an error naming <paramref name="paramName"/> when it is outside the range.</summary>
    internal static long Check(LocalDateTime local, string paramName)
    {
        // Every local time NodaTime has (years -9998 to 9999) has a tick count, so the range check is enough.
        long ticks = LocalClockGrid.LocalTicks(local);
        return ticks >= MinTicks && ticks <= MaxTicks ? ticks : throw OutOfRange(paramName, local);
    }

    /// <summary>
    /// Checks a computed tick count (a boundary, a window's end): an error naming the input
    /// <paramref name="paramName"/> when the result falls outside the years 0001–9999.
    /// </summary>
    /// <remarks>Generic, so that a struct input is boxed only when the error is built: <c>KeyOf</c> stays 0 B.</remarks>
    internal static long CheckResult<T>(long ticks, string paramName, T input) =>
        ticks >= FirstResultTicks && ticks < LastResultTicks ? ticks : throw ResultOutOfRange(paramName, input!);

    // A result (a boundary, a cell's label, a window's end) may lie anywhere in the years 0001–9999.
    private static readonly long FirstResultTicks = Instant.FromUtc(1, 1, 1, 0, 0).ToUnixTimeTicks();
    private static readonly long LastResultTicks = Instant.FromUtc(9999, 12, 31, 0, 0).ToUnixTimeTicks() + TimeSpan.TicksPerDay;

    internal static ArgumentOutOfRangeException OutOfRange(string paramName, object value) =>
        new(paramName, value, $"{value} is not between {Text}, the range in which every local time, grid cell and boundary is representable.");

    internal static ArgumentOutOfRangeException ResultOutOfRange(string paramName, object value) =>
        new(paramName, value, $"The result for {value} falls outside the years 0001-9999 (arguments must lie between {Text}).");
}

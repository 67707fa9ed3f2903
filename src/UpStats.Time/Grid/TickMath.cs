namespace UpStats.Time.Grid;

/// <summary>
/// Integer arithmetic on ticks (100 ns) that rounds towards negative infinity, so that grids, tumbling
/// windows and epoch conversions stay right before 1970 where C#'s <c>/</c> and <c>%</c> truncate towards zero.
/// </summary>
internal static class TickMath
{
    internal const long TicksPerMinute = TimeSpan.TicksPerMinute;
    internal const long TicksPerDay = TimeSpan.TicksPerDay;

    /// <summary>Floor division: the largest q with q * divisor ≤ value (divisor &gt; 0).</summary>
    internal static long FloorDiv(long value, long divisor)
    {
        long q = value / divisor;
        return (value % divisor < 0) ? q - 1 : q;
    }

    /// <summary>Floor modulo: a result in [0, divisor) (divisor &gt; 0).</summary>
    internal static long FloorMod(long value, long divisor)
    {
        long r = value % divisor;
        return r < 0 ? r + divisor : r;
    }

    /// <summary>The largest value ≤ <paramref name="value"/> congruent to <paramref name="origin"/> modulo <paramref name="period"/>.</summary>
    internal static long FloorToGrid(long value, long origin, long period) => value - FloorMod(value - origin, period);
}

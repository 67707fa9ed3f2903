using System.Runtime.CompilerServices;
using UpStats.Time.Grid;

namespace UpStats.Time.Partitioning;

/// <summary>How much of a label a partition key shows.</summary>
internal enum KeyPrecision : byte
{
    Hour = 0,
    Day = 1,
    Minute = 2,
}

/// <summary>
/// Formats partition keys (<c>yyyy-MM-dd</c>, <c>yyyy-MM-ddTHH</c>, <c>yyyy-MM-ddTHH:mm</c>) straight from local
/// ticks, without building a <see cref="NodaTime.LocalDateTime"/> or a string: the per-event hot path.
/// </summary>
/// <remarks>
/// Layout (hour precision), fixed offsets for years 0–9999:
/// <code>
/// 0123456789012
/// yyyy-MM-ddTHH
/// </code>
/// </remarks>
internal static class KeyText
{
    internal static int Length(KeyPrecision precision, int year)
    {
        int baseLength = precision switch
        {
            KeyPrecision.Day => 10,
            KeyPrecision.Hour => 13,
            _ => 16,
        };
        // Years outside 0000–9999 (NodaTime allows -9998) carry a sign.
        return year is >= 0 and <= 9999 ? baseLength : baseLength + 1;
    }

    /// <summary>Civil date and hour/minute of a local tick count (days from 1970-01-01, proleptic Gregorian).</summary>
    internal static void Split(long localTicks, out int year, out int month, out int day, out int hour, out int minute)
    {
        long days = TickMath.FloorDiv(localTicks, TickMath.TicksPerDay);
        long ticksOfDay = localTicks - days * TickMath.TicksPerDay;
        int minuteOfDay = (int)(ticksOfDay / TickMath.TicksPerMinute);
        hour = minuteOfDay / 60;
        minute = minuteOfDay % 60;
        // Howard Hinnant's civil_from_days: eras of 400 years starting 0000-03-01.
        long z = days + 719468;
        long era = TickMath.FloorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        day = (int)(doy - (153 * mp + 2) / 5 + 1);
        month = (int)(mp < 10 ? mp + 3 : mp - 9);
        year = (int)(yoe + era * 400 + (month <= 2 ? 1 : 0));
    }

    internal static bool TryFormat(long localTicks, KeyPrecision precision, Span<char> destination, out int charsWritten)
    {
        Split(localTicks, out int year, out int month, out int day, out int hour, out int minute);
        int length = Length(precision, year);
        if (destination.Length < length)
        {
            charsWritten = 0;
            return false;
        }
        int i = 0;
        if (year is < 0 or > 9999)
        {
            destination[i++] = year < 0 ? '-' : '+';
            year = Math.Abs(year);
        }
        i = Write4(destination, i, year);
        destination[i++] = '-';
        i = Write2(destination, i, month);
        destination[i++] = '-';
        i = Write2(destination, i, day);
        if (precision != KeyPrecision.Day)
        {
            destination[i++] = 'T';
            i = Write2(destination, i, hour);
            if (precision == KeyPrecision.Minute)
            {
                destination[i++] = ':';
                i = Write2(destination, i, minute);
            }
        }
        charsWritten = i;
        return true;
    }

    internal static bool TryFormat(long localTicks, KeyPrecision precision, Span<byte> destination, out int bytesWritten)
    {
        Split(localTicks, out int year, out int month, out int day, out int hour, out int minute);
        int length = Length(precision, year);
        if (destination.Length < length)
        {
            bytesWritten = 0;
            return false;
        }
        int i = 0;
        if (year is < 0 or > 9999)
        {
            destination[i++] = year < 0 ? (byte)'-' : (byte)'+';
            year = Math.Abs(year);
        }
        i = Write4(destination, i, year);
        destination[i++] = (byte)'-';
        i = Write2(destination, i, month);
        destination[i++] = (byte)'-';
        i = Write2(destination, i, day);
        if (precision != KeyPrecision.Day)
        {
            destination[i++] = (byte)'T';
            i = Write2(destination, i, hour);
            if (precision == KeyPrecision.Minute)
            {
                destination[i++] = (byte)':';
                i = Write2(destination, i, minute);
            }
        }
        bytesWritten = i;
        return true;
    }

    internal static string Format(long localTicks, KeyPrecision precision)
    {
        Span<char> buffer = stackalloc char[24];
        TryFormat(localTicks, precision, buffer, out int written);
        return new string(buffer[..written]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Write2(Span<char> d, int i, int value)
    {
        d[i] = (char)('0' + value / 10);
        d[i + 1] = (char)('0' + value % 10);
        return i + 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Write4(Span<char> d, int i, int value)
    {
        i = Write2(d, i, value / 100);
        return Write2(d, i, value % 100);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Write2(Span<byte> d, int i, int value)
    {
        d[i] = (byte)('0' + value / 10);
        d[i + 1] = (byte)('0' + value % 10);
        return i + 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Write4(Span<byte> d, int i, int value)
    {
        i = Write2(d, i, value / 100);
        return Write2(d, i, value % 100);
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using UpStats.Time.Grid;
using UpStats.Time.Parsing;

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
    /// <remarks>Every division is by a constant, so the JIT turns it into a multiply: no hardware divide on the hot path.</remarks>
    internal static void Split(long localTicks, out int year, out int month, out int day, out int hour, out int minute)
    {
        long days = localTicks / TickMath.TicksPerDay;
        long ticksOfDay = localTicks - days * TickMath.TicksPerDay;
        if (ticksOfDay < 0)
        {
            days--;
            ticksOfDay += TickMath.TicksPerDay;
        }
        int minuteOfDay = (int)(ticksOfDay / TickMath.TicksPerMinute);
        hour = minuteOfDay / 60;
        minute = minuteOfDay - hour * 60;
        CivilCalendar.CivilFromDays((int)days, out year, out month, out day);
    }

    /// <summary>
    /// Writes the key as UTF-16 (<c>char</c>) or UTF-8 (<c>byte</c>): one method for both, generic over the code unit
    /// as the runtime's own number formatting is, and the JIT compiles a separate, fully specialised copy for each.
    /// </summary>
    internal static bool TryFormat<TChar>(long localTicks, KeyPrecision precision, Span<TChar> destination, out int written)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        Split(localTicks, out int year, out int month, out int day, out int hour, out int minute);
        int length = Length(precision, year);
        if (destination.Length < length)
        {
            written = 0;
            return false;
        }
        int i = 0;
        if (year is < 0 or > 9999)
        {
            destination[i++] = TChar.CreateTruncating(year < 0 ? '-' : '+');
            year = Math.Abs(year);
        }
        i = Write4(destination, i, year);
        destination[i++] = TChar.CreateTruncating('-');
        i = Write2(destination, i, month);
        destination[i++] = TChar.CreateTruncating('-');
        i = Write2(destination, i, day);
        if (precision != KeyPrecision.Day)
        {
            destination[i++] = TChar.CreateTruncating('T');
            i = Write2(destination, i, hour);
            if (precision == KeyPrecision.Minute)
            {
                destination[i++] = TChar.CreateTruncating(':');
                i = Write2(destination, i, minute);
            }
        }
        written = i;
        return true;
    }

    internal static string Format(long localTicks, KeyPrecision precision)
    {
        Span<char> buffer = stackalloc char[24];
        TryFormat(localTicks, precision, buffer, out int written);
        return new string(buffer[..written]);
    }

    // "00" … "99": one look-up per two digits instead of a divide and a modulo.
    private static ReadOnlySpan<byte> Pairs => "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Write2<TChar>(Span<TChar> d, int i, int value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        d[i] = TChar.CreateTruncating(Pairs[2 * value]);
        d[i + 1] = TChar.CreateTruncating(Pairs[2 * value + 1]);
        return i + 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Write4<TChar>(Span<TChar> d, int i, int value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        i = Write2(d, i, value / 100);
        return Write2(d, i, value % 100);
    }
}

using System.Runtime.CompilerServices;

namespace UpStats.Time.Parsing;

/// <summary>
/// Proleptic Gregorian arithmetic on plain integers for the parser's hot path: NodaTime's <c>LocalDate</c>
/// validates and converts the same way, but through constructors and calendar objects that cost more than the
/// whole fixed-width parse. Nothing here branches on the data: a column of random dates would mispredict.
/// </summary>
internal static class CivilCalendar
{
    internal const long SecondsPerDay = 86_400;

    /// <summary>0001-01-01T00:00:00Z in Unix epoch seconds: the first instant a timestamp may name.</summary>
    internal const long MinEpochSeconds = -62_135_596_800;

    /// <summary>0001-01-01 in days from 1970-01-01.</summary>
    internal const int MinEpochDays = -719_162;

    // y % 25 == 0 exactly when y * (the inverse of 25 mod 2^32) <= (2^32 - 1) / 25 (Lemire's divisibility test).
    private const uint InverseOf25 = 0xC28F_5C29;
    private const uint MaxMultipleOf25 = uint.MaxValue / 25;

    /// <summary>True for Gregorian leap years (year 1–9999).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsLeapYear(uint year)
    {
        // Divisible by 4 and (not by 100, or by 400). Among multiples of 4, "by 100" is "by 25", and then
        // "by 400" is "by 16": so test the low 2 bits, or the low 4 when the year is a multiple of 25.
        uint mask = year * InverseOf25 <= MaxMultipleOf25 ? 15u : 3u;
        return (year & mask) == 0;
    }

    /// <summary>The number of days of <paramref name="month"/> (1–12) in <paramref name="year"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint DaysInMonth(uint year, uint month)
    {
        // 31 for Jan, Mar, May, Jul, Aug, Oct, Dec; 30 otherwise: bit 0 of month flips after July.
        uint notFebruary = 30u + ((month ^ (month >> 3)) & 1u);
        uint february = IsLeapYear(year) ? 29u : 28u;
        return month == 2 ? february : notFebruary;
    }

    /// <summary>
    /// Days from 1970-01-01 to the given date (year 1–9999, month 1–12, valid day), after Neri and Schneider,
    /// "Euclidean affine functions and their application to calendar algorithms" (2022): years count from March,
    /// so that the leap day ends its year, and every division is by a constant (a multiplication and a shift).
    /// Measured against the era-based form of Hinnant's <c>days_from_civil</c> it replaces: same results for
    /// every date of 0001–9999 (see the tests), no data-dependent branch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long DaysFromCivil(uint year, uint month, uint day)
    {
        uint january = month <= 2 ? 1u : 0u; // January and February belong to the previous March-based year
        uint y = year - january;
        uint m = month + 12 * january;
        uint century = y / 100;
        uint daysBeforeYear = 1461 * y / 4 - century + century / 4;
        uint daysBeforeMonth = (979 * m - 2919) / 32;
        // 719,468 = the days from 0000-03-01 to 1970-01-01.
        return (long)(daysBeforeYear + daysBeforeMonth + day - 1) - 719_468;
    }

    // 82 eras of 400 years (146,097 days each) added to every day number keep the arithmetic below unsigned for
    // every day NodaTime represents (from -9998-01-01), and are taken off the year again at the end.
    private const int ShiftEras = 82;

    /// <summary>
    /// The civil date of a day number (days from 1970-01-01), for every day from -9998-01-01 to 9999-12-31: the
    /// inverse of <see cref="DaysFromCivil"/>, after the same paper (Neri and Schneider 2022). Every division is by a
    /// constant and nothing branches on the data, so it needs no cache: partition keys of random instants used to
    /// go through a shared per-day cache of Hinnant's <c>civil_from_days</c>, whose writes made threads slow each other.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void CivilFromDays(int days, out int year, out int month, out int day)
    {
        // Days from 0000-03-01, shifted by whole eras to be non-negative.
        uint n = (uint)(days + 719_468 + 146_097 * ShiftEras);
        uint n1 = 4 * n + 3;
        uint century = n1 / 146_097;
        uint dayOfCentury = n1 % 146_097 / 4;
        // Year of the century and day of the (March-based) year from one 64-bit product.
        ulong p2 = 2_939_745UL * (4 * dayOfCentury + 3);
        uint yearOfCentury = (uint)(p2 >> 32);
        uint dayOfYear = (uint)p2 / 2_939_745 / 4;
        // Month (March = 3 … February = 14) and day of the month from one multiply-add.
        uint n3 = 2_141 * dayOfYear + 197_913;
        uint marchBasedMonth = n3 >> 16;
        uint dayOfMonth = (n3 & 0xFFFF) / 2_141;
        uint january = dayOfYear >= 306 ? 1u : 0u; // January and February end the March-based year
        year = (int)(100 * century + yearOfCentury + january) - 400 * ShiftEras;
        month = (int)(marchBasedMonth - 12 * january);
        day = (int)dayOfMonth + 1;
    }
}

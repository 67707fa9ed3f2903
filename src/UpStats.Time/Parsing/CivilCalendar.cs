using System.Runtime.CompilerServices;

namespace UpStats.Time.Parsing;

/// <summary>
/// Proleptic Gregorian arithmetic on plain integers for the parser's hot path: NodaTime's <c>LocalDate</c>
/// validates and converts the same way, but through constructors and calendar objects that cost more than the
/// whole fixed-width parse.
/// </summary>
internal static class CivilCalendar
{
    internal const long SecondsPerDay = 86_400;

    /// <summary>True for Gregorian leap years (year 1–9999).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsLeapYear(uint year) =>
        // Divisible by 4 and (not by 100, or by 400); "by 400" is "by 16" once "by 100" holds.
        (year % 100 != 0) ? (year & 3) == 0 : (year & 15) == 0;

    /// <summary>The number of days of <paramref name="month"/> (1–12) in <paramref name="year"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint DaysInMonth(uint year, uint month)
    {
        if (month == 2)
        {
            return IsLeapYear(year) ? 29u : 28u;
        }
        // 31 for Jan, Mar, May, Jul, Aug, Oct, Dec; 30 otherwise: bit 0 of month flips after July.
        return 30u + ((month ^ (month >> 3)) & 1u);
    }

    /// <summary>
    /// Days from 1970-01-01 to the given date (year 1–9999, month 1–12, valid day): Howard Hinnant's
    /// <c>days_from_civil</c>, which counts years from March so that the leap day is the last day of its year.
    /// All intermediate values are non-negative, so unsigned division by constants (multiplications) suffices.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long DaysFromCivil(uint year, uint month, uint day)
    {
        uint y = month <= 2 ? year - 1 : year;
        uint era = y / 400;
        uint yearOfEra = y - era * 400;
        uint monthFromMarch = month > 2 ? month - 3 : month + 9;
        uint dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;
        uint dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return (long)era * 146_097 + dayOfEra - 719_468;
    }
}

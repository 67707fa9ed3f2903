using System.Globalization;
using System.Text.RegularExpressions;

namespace UpStats.Time.Tests.Parsing;

/// <summary>
/// An independent reading of the offset-timestamp grammar for the properties: a regular expression for the shape and
/// NodaTime's ISO calendar for the ranges. Slow and obviously right, which is what an oracle should be.
/// </summary>
internal static partial class TimestampOracle
{
    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:[.,]([0-9]{1,9}))?(?:[Zz]|([+-])([0-9]{2})(?::?([0-9]{2}))?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();

    /// <summary>Epoch seconds (floored) when the text is valid and not before 0001-01-01T00:00:00Z, else null.</summary>
    public static long? EpochSeconds(string text)
    {
        var m = Grammar().Match(text);
        if (!m.Success)
        {
            return null;
        }
        int N(int group) => m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        int year = N(1), month = N(2), day = N(3), hour = N(4), minute = N(5), second = N(6);
        int offsetHours = N(9), offsetMinutes = N(10);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || offsetMinutes > 59 || offsetHours * 60 + offsetMinutes > 18 * 60)
        {
            return null;
        }
        int offset = (offsetHours * 3600 + offsetMinutes * 60) * (m.Groups[8].Value == "-" ? -1 : 1);
        long seconds = new LocalDateTime(year, month, day, hour, minute, second).InUtc().ToInstant().ToUnixTimeSeconds() - offset;
        // 0001-01-01 with a positive offset names an instant in year 0: outside the range, as the year 0000 is.
        return seconds < Generators.FirstEpochSeconds ? null : seconds;
    }
}

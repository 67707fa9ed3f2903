using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace UpStats.Time.Fuzz;

/// <summary>
/// Independent readings of the library's grammars, slow and plain. The timestamp oracle lets NodaTime's own
/// <see cref="OffsetDateTimePattern"/> decide: a regular expression only picks which pattern spells the
/// input's shape (separator, fraction digits, offset form), NodaTime validates the calendar and ranges.
/// </summary>
internal static partial class Oracles
{
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?<sep>[Tt ])[0-9]{2}:[0-9]{2}:[0-9]{2}(?:(?<fsep>[.,])(?<frac>[0-9]{1,9}))?(?<off>[Zz]|[+-][0-9]{2}(?::[0-9]{2}|[0-9]{2})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampShape();

    /// <summary>NodaTime's reading of <paramref name="text"/> under the offset-timestamp grammar, or null when it is not valid.</summary>
    public static Instant? Timestamp(string text)
    {
        var m = TimestampShape().Match(text);
        if (!m.Success || text.StartsWith("0000", StringComparison.Ordinal))
        {
            return null; // the grammar: years 0001–9999 (NodaTime would take year 0 as 1 BC)
        }
        string off = m.Groups["off"].Value;
        string offsetPattern = off is "Z" or "z" ? $"'{off}'" : off.Length == 3 ? "o<+HH>" : off.Contains(':') ? "o<+HH:mm>" : "o<+HHmm>";
        string fraction = m.Groups["frac"].Success ? $"'{m.Groups["fsep"].Value}'{new string('f', m.Groups["frac"].Length)}" : "";
        string sep = m.Groups["sep"].Value == " " ? " " : $"'{m.Groups["sep"].Value}'";
        var pattern = OffsetDateTimePattern.CreateWithInvariantCulture($"uuuu'-'MM'-'dd{sep}HH':'mm':'ss{fraction}{offsetPattern}");
        var result = pattern.Parse(text);
        if (!result.Success)
        {
            return null;
        }
        try
        {
            var instant = result.Value.ToInstant();
            // 0001-01-01 early with a positive offset reads as an instant in the year 0: outside the years the
            // grammar allows, so the parser rejects it (at the offset) as it does past Instant.MaxValue.
            return instant < FirstInstant ? null : instant;
        }
        catch (OverflowException)
        {
            return null; // 9999-12-31 with a negative offset: past Instant.MaxValue for NodaTime as for us
        }
    }

    private static readonly Instant FirstInstant = Instant.FromUtc(1, 1, 1, 0, 0);

    [GeneratedRegex(@"^\s*(?<n>[0-9]+)\s*(?<unit>[A-Za-z]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex IntervalShape();

    /// <summary>The run interval in minutes by the run-interval rules, or null when the text is not a valid interval.</summary>
    public static long? RunIntervalMinutes(string text)
    {
        var m = IntervalShape().Match(text);
        if (!m.Success)
        {
            return null;
        }
        long perUnit = m.Groups["unit"].Value.ToUpperInvariant() switch
        {
            "M" or "MINUTE" or "MINUTES" => 1,
            "H" or "HOUR" or "HOURS" => 60,
            "D" or "DAY" or "DAYS" => 1440,
            _ => 0,
        };
        var minutes = BigInteger.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) * perUnit;
        if (minutes < 1 || minutes > 1_000_000L * 1440)
        {
            return null;
        }
        long value = (long)minutes;
        bool valid = value < 1440 ? 1440 % value == 0 : value % 1440 == 0;
        return valid ? value : null;
    }
}

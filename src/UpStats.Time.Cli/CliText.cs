using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;
using UpStats.Time.Parsing;

namespace UpStats.Time.Cli;

/// <summary>Text shapes shared by every command: the printed instant format and the option-value readers.</summary>
internal static class CliText
{
    // yyyy-MM-ddTHH:mm:ss[.f…]Z: the fraction only when non-zero, without trailing zeros (the ";FFFFFFFFF" specifier).
    private static readonly InstantPattern UtcPattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF'Z'");

    /// <summary>Formats an instant as every command prints it: UTC, the fraction only when non-zero.</summary>
    public static string FormatInstant(Instant instant) => UtcPattern.Format(instant);

    /// <summary>Epoch seconds, floored (so 1969-12-31T23:59:59.5Z is -1).</summary>
    public static long EpochSeconds(Instant instant) => instant.ToUnixTimeSeconds();

    /// <summary>Reads a tzdb zone id or throws a usage error naming the option.</summary>
    public static DateTimeZone ReadZone(string? id, string option)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new CliUsageException($"{option}: a time zone id is required (for example America/Los_Angeles).");
        }
        // NodaTime's text cursor takes U+0000 as the end of the text, so "UTC-11\0…" would be read as UTC-11
        // (found by fuzz/run.sh cli-args): an id holding one is no id.
        return (id.Contains('\0', StringComparison.Ordinal) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id))
            ?? throw new CliUsageException($"{option}: unknown time zone '{id}' (use a tzdb id such as America/Los_Angeles or UTC).");
    }

    /// <summary>Reads an optional tzdb zone id: UTC when the option was not given.</summary>
    public static DateTimeZone ReadZoneOrUtc(string? id, string option) => id is null ? DateTimeZone.Utc : ReadZone(id, option);

    /// <summary>Reads a local date <c>yyyy-MM-dd</c> or throws a usage error naming the option.</summary>
    public static LocalDate ReadDate(string? text, string option) =>
        TryReadDate(text, out var date) ? date : throw new CliUsageException($"{option}: '{text}' is not a date in the form yyyy-MM-dd.");

    private static bool TryReadDate(string? text, out LocalDate date)
    {
        var result = LocalDatePattern.Iso.Parse(text ?? "");
        // NodaTime's text cursor treats U+0000 as the end of the text, so "2024-11-03\0" would parse:
        // insist that the value reads back as exactly what was given (found by fuzz/run.sh cli-args).
        date = result.Success ? result.Value : default;
        return result.Success && LocalDatePattern.Iso.Format(result.Value) == text;
    }

    /// <summary>Invariant integer text.</summary>
    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads an instant for any option that takes one (<c>--now</c>, <c>--start-from</c>, <c>--end-at</c>, …), so that
    /// every option accepts what <c>upstats-time parse</c> accepts: an offset timestamp (<c>Z</c>/<c>z</c>,
    /// <c>±hh:mm</c>, <c>±hhmm</c>, <c>±hh</c>; <c>T</c> or a space; a fraction). One without an offset is read in
    /// <paramref name="zone"/> leniently (a time in a gap moves forward, an ambiguous one takes the earlier instant),
    /// and a bare date <c>yyyy-MM-dd</c> is the start of that local day.
    /// </summary>
    public static Instant ReadInstant(string? text, DateTimeZone zone, string option)
    {
        string trimmed = (text ?? "").Trim();
        if (OffsetTimestamp.TryParse(trimmed, zone, Resolvers.LenientResolver, out Instant instant, out var error))
        {
            return instant;
        }
        if (TryReadDate(trimmed, out var date))
        {
            return zone.AtStartOfDay(date).ToInstant();
        }
        throw new CliUsageException($"{option}: '{text}' is not a timestamp such as 2022-08-04T11:03:00Z or 2015-10-11T00:26:51+0100 "
            + $"(without an offset it is read in the zone), nor a date: {error.Message}.");
    }

    /// <summary>
    /// The text with control characters shown as <c>\uXXXX</c>, so that echoing a user's input or a file's line
    /// to a terminal can never send it escape sequences.
    /// </summary>
    public static string Printable(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u0000', '\u001F') && !text.AsSpan().ContainsAnyInRange('\u007F', '\u009F'))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            if (char.IsControl(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}

/// <summary>The clock for <c>--now</c>: always the same instant.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}

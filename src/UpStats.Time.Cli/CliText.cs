using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace UpStats.Time.Cli;

/// <summary>Text shapes shared by every command: SPEC.md's instant format and option-value readers.</summary>
internal static class CliText
{
    // yyyy-MM-ddTHH:mm:ss[.f…]Z: the fraction only when non-zero, without trailing zeros (the ";FFFFFFFFF" specifier).
    private static readonly InstantPattern UtcPattern = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF'Z'");

    /// <summary>Formats an instant as SPEC.md's command-line contract requires.</summary>
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
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
            ?? throw new CliUsageException($"{option}: unknown time zone '{id}' (use a tzdb id such as America/Los_Angeles or UTC).");
    }

    /// <summary>Reads a local date <c>yyyy-MM-dd</c> or throws a usage error naming the option.</summary>
    public static LocalDate ReadDate(string? text, string option)
    {
        var result = LocalDatePattern.Iso.Parse(text ?? "");
        // NodaTime's text cursor treats U+0000 as the end of the text, so "2024-11-03\0" would parse:
        // insist that the value reads back as exactly what was given (found by fuzz/run.sh cli-args).
        if (!result.Success || LocalDatePattern.Iso.Format(result.Value) != text)
        {
            throw new CliUsageException($"{option}: '{text}' is not a date in the form yyyy-MM-dd.");
        }
        return result.Value;
    }

    /// <summary>Invariant integer text.</summary>
    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}

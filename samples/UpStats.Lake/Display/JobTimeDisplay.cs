using NodaTime;
using NodaTime.Text;

namespace UpStats.Lake.Display;

/// <summary>
/// The front end's rule: times are stored as UTC epoch seconds and shown in the reader's zone (any tzdb id),
/// with the offset in force at that instant, so both sides of a DST change read correctly.
/// </summary>
internal static class JobTimeDisplay
{
    private static readonly InstantPattern Utc = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'");
    private static readonly ZonedDateTimePattern Local = ZonedDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss o<g> '('x')'", null);

    /// <summary>The stored value as UTC: <c>2015-10-10T23:26:51Z</c>.</summary>
    public static string FormatUtc(long epochSeconds) => Utc.Format(Instant.FromUnixTimeSeconds(epochSeconds));

    /// <summary>The stored value in <paramref name="zone"/>: <c>2015-10-11 01:26:51 +02 (CEST)</c>.</summary>
    public static string FormatLocal(long epochSeconds, DateTimeZone zone) =>
        Local.Format(Instant.FromUnixTimeSeconds(epochSeconds).InZone(zone));

    /// <summary>Reads a tzdb zone id, or null when unknown.</summary>
    public static DateTimeZone? FindZone(string id) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
}

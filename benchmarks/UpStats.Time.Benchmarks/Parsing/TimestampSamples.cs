using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace UpStats.Time.Benchmarks.Parsing;

/// <summary>
/// Realistic inputs for the parsing benchmarks: distinct timestamps (2000–2030, offsets in whole quarter hours
/// within ±14:00 so every baseline can read them), so that no benchmark parses one value from a warm cache line.
/// </summary>
internal static class TimestampSamples
{
    /// <summary>The values as strings, formatted with <paramref name="nodaPattern"/>.</summary>
    public static string[] Strings(int count, string nodaPattern, int seed = 42)
    {
        var random = new Random(seed);
        var pattern = OffsetDateTimePattern.CreateWithInvariantCulture(nodaPattern);
        var start = Instant.FromUtc(2000, 1, 1, 0, 0);
        var values = new string[count];
        for (int i = 0; i < count; i++)
        {
            var instant = start + Duration.FromSeconds(random.NextInt64(0, 30L * 365 * 86400)) + Duration.FromMilliseconds(random.Next(0, 1000));
            var offset = Offset.FromSeconds(random.Next(-56, 57) * 15 * 60);
            values[i] = pattern.Format(instant.WithOffset(offset));
        }
        return values;
    }

    public static byte[][] Utf8(string[] values) => values.Select(Encoding.UTF8.GetBytes).ToArray();

    /// <summary>Fails the run early when two ways of parsing disagree: a fast wrong answer is not a result.</summary>
    public static void Check(string what, long expected, long actual)
    {
        if (expected != actual)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{what}: checksum {actual}, expected {expected}"));
        }
    }
}

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

    /// <summary>
    /// Values in every form of the grammar, mixed row by row: 'T', 't' or a space; no fraction or 1–9 digits after
    /// '.' or ','; 'Z', 'z', ±hh:mm, ±hhmm or ±hh: each row in one of these 60 patterns, drawn uniformly (so 15% of the
    /// rows have a fixed-width form).
    /// </summary>
    public static string[] Mixed(int count, int seed = 7)
    {
        var random = new Random(seed);
        string[] offsets = ["Z", "z", "+HH:mm", "+HHmm", "+HH"];
        var patterns = new List<OffsetDateTimePattern>();
        foreach (string separator in (string[])["'T'", "'t'", "' '"])
        {
            foreach (string offset in offsets)
            {
                string o = offset is "Z" or "z" ? $"'{offset}'" : $"o<{offset}>";
                patterns.Add(OffsetDateTimePattern.CreateWithInvariantCulture($"uuuu'-'MM'-'dd{separator}HH':'mm':'ss{o}"));
                patterns.Add(OffsetDateTimePattern.CreateWithInvariantCulture($"uuuu'-'MM'-'dd{separator}HH':'mm':'ss'.'fff{o}"));
                patterns.Add(OffsetDateTimePattern.CreateWithInvariantCulture($"uuuu'-'MM'-'dd{separator}HH':'mm':'ss','fffffffff{o}"));
                patterns.Add(OffsetDateTimePattern.CreateWithInvariantCulture($"uuuu'-'MM'-'dd{separator}HH':'mm':'ss'.'f{o}"));
            }
        }
        var start = Instant.FromUtc(2000, 1, 1, 0, 0);
        var values = new string[count];
        for (int i = 0; i < count; i++)
        {
            var instant = start + Duration.FromSeconds(random.NextInt64(0, 30L * 365 * 86400)) + Duration.FromMilliseconds(random.Next(0, 1000));
            var pattern = patterns[random.Next(patterns.Count)];
            // ±hh needs whole hours and Z needs UTC: pick the offset to suit the form.
            string text = pattern.PatternText;
            var offset = text.EndsWith("'Z'", StringComparison.Ordinal) || text.EndsWith("'z'", StringComparison.Ordinal) ? Offset.Zero
                : text.EndsWith("<+HH>", StringComparison.Ordinal) ? Offset.FromHours(random.Next(-14, 15))
                : Offset.FromSeconds(random.Next(-56, 57) * 15 * 60);
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

using System.Globalization;
using System.Text;

namespace DuckDbFunctions;

/// <summary>
/// Writes JSON-lines event files like an UpStats export: <c>{"id":…,"date_created":"…"}</c> with offset timestamps
/// in several forms around Los Angeles' 2024 fall-back night, a few malformed values and a few JSON nulls.
/// </summary>
internal static class EventFiles
{
    // What a scraper's export gets wrong: each fails with its own position and reason.
    private static readonly string[] Malformed =
    [
        "2024-11-03T25:10:00-07:00",   // hour out of range
        "2024-11-03 01:30:00",         // no offset
        "2024-02-30T00:00:00Z",        // no such day
        "",                            // empty
        "yesterday",                   // not a timestamp
        "2024-11-03T01:30:00+0800 ",   // trailing space
        "2024-11-03T01:30:00.1234567891Z", // ten fraction digits
    ];

    private static readonly string[] Offsets = ["Z", "-07:00", "-0800", "+01:00", "+0530", "-03", "z"];

    /// <summary>Writes <paramref name="files"/> files of <paramref name="rowsPerFile"/> lines into <paramref name="directory"/>.</summary>
    public static void Write(string directory, int files, int rowsPerFile, int seed)
    {
        var random = new Random(seed);
        // 2024-11-02T12:00Z to 2024-11-04T12:00Z: both sides of 2024-11-03T09:00Z, when PT's clock falls back.
        long from = new DateTimeOffset(2024, 11, 2, 12, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        int id = 0;
        for (int f = 0; f < files; f++)
        {
            var text = new StringBuilder();
            for (int r = 0; r < rowsPerFile; r++, id++)
            {
                int kind = random.Next(100);
                string value = kind switch
                {
                    < 3 => "null",
                    < 8 => Quote(Malformed[random.Next(Malformed.Length)]),
                    _ => Quote(Timestamp(from + random.Next(48 * 3600), Offsets[random.Next(Offsets.Length)], random)),
                };
                text.Append(CultureInfo.InvariantCulture, $"{{\"id\":{id},\"date_created\":{value}}}\n");
            }
            File.WriteAllText(Path.Combine(directory, $"events-{f:D2}.jsonl"), text.ToString());
        }
    }

    private static string Quote(string s) => "\"" + s + "\"";

    // The instant written in the given offset form, sometimes with a fraction or a space instead of 'T'.
    private static string Timestamp(long epochSeconds, string form, Random random)
    {
        int minutes = form switch
        {
            "Z" or "z" => 0,
            _ => (form[0] == '-' ? -1 : 1) * (int.Parse(form[1..3], CultureInfo.InvariantCulture) * 60
                 + (form.Length > 3 ? int.Parse(form[^2..], CultureInfo.InvariantCulture) : 0)),
        };
        var local = DateTimeOffset.FromUnixTimeSeconds(epochSeconds).ToOffset(TimeSpan.FromMinutes(minutes));
        string separator = random.Next(10) == 0 ? " " : "T";
        string fraction = random.Next(4) == 0 ? "." + random.Next(1000).ToString("D3", CultureInfo.InvariantCulture) : "";
        return local.ToString($"yyyy-MM-dd'{separator}'HH:mm:ss", CultureInfo.InvariantCulture) + fraction + form;
    }
}

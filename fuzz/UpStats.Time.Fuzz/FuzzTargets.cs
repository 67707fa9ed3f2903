using System.Text;
using NodaTime;
using NodaTime.Text;
using UpStats.Time.Cli;

namespace UpStats.Time.Fuzz;

/// <summary>
/// The fuzz targets: each takes the fuzzer's bytes, drives one text entry point, and checks an oracle.
/// Any exception escaping a target is a finding: an unexpected exception type, or an
/// <see cref="OracleMismatchException"/> when our answer differs from the oracle's.
/// </summary>
internal static class FuzzTargets
{
    /// <summary>The targets by name, as fuzz/run.sh and the replay mode call them.</summary>
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["cli-args"] = CliArguments,
    };

    /// <summary>
    /// Zone ids and dates as the CLI reads them: either a value equal to NodaTime's own reading, or a
    /// <see cref="CliUsageException"/> (exit 2 with one line); never anything else.
    /// </summary>
    private static void CliArguments(byte[] data)
    {
        string text = Encoding.UTF8.GetString(data);
        try
        {
            var zone = CliText.ReadZone(text, "--zone");
            Check(zone.Id == text && DateTimeZoneProviders.Tzdb.GetZoneOrNull(text) == zone, $"zone '{text}' read as {zone.Id}");
        }
        catch (CliUsageException ex)
        {
            Check(DateTimeZoneProviders.Tzdb.GetZoneOrNull(text) is null || string.IsNullOrWhiteSpace(text), $"valid zone '{text}' rejected: {ex.Message}");
        }
        try
        {
            var date = CliText.ReadDate(text, "--from");
            Check(LocalDatePattern.Iso.Format(date) == text, $"date '{text}' read as {date}");
        }
        catch (CliUsageException ex)
        {
            // Oracle: a date is valid when NodaTime's ISO pattern reads it and writes it back unchanged.
            var oracle = LocalDatePattern.Iso.Parse(text);
            Check(!oracle.Success || LocalDatePattern.Iso.Format(oracle.Value) != text, $"valid date '{text}' rejected: {ex.Message}");
        }
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new OracleMismatchException(what);
        }
    }
}

/// <summary>Our answer differs from the oracle's: a finding, like a crash.</summary>
internal sealed class OracleMismatchException(string message) : Exception(message);

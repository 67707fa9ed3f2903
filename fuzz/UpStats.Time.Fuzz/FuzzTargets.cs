using System.Text;
using NodaTime;
using NodaTime.Text;
using System.Globalization;
using UpStats.Time.Cli;
using UpStats.Time.Parsing;
using UpStats.Time.Scheduling;

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
        ["parse-utf8"] = ParseUtf8,
        ["parse-utf16"] = ParseUtf16,
        ["run-interval"] = RunIntervalText,
        ["lookback"] = LookbackText,
    };

    /// <summary>
    /// The UTF-8 parser: accepts exactly what NodaTime's pattern for the input's shape accepts, with the same
    /// instant; a failure's position is inside [0, length]; the epoch-seconds path agrees (floored).
    /// </summary>
    private static void ParseUtf8(byte[] data)
    {
        bool ok = OffsetTimestamp.TryParse(data, out Instant value, out ParseError error);
        string? text = StrictUtf8(data);
        Instant? expected = text is null ? null : Oracles.Timestamp(text);
        Check(ok == expected.HasValue, $"utf8 '{text}': parser {(ok ? "accepted " + value : "rejected: " + error)}, NodaTime {(expected.HasValue ? "accepted " + expected : "rejected")}");
        if (ok)
        {
            Check(value == expected, $"utf8 '{text}': {value} but NodaTime says {expected}");
            Check(OffsetTimestamp.TryParseEpochSeconds(data, out long seconds, out _) && seconds == value.ToUnixTimeSeconds(), $"utf8 '{text}': epoch seconds disagree");
        }
        else
        {
            Check(error.Position >= 0 && error.Position <= data.Length && error.Reason.Length > 0, $"utf8: error {error} outside [0, {data.Length}]");
        }
    }

    /// <summary>The UTF-16 parser: the same oracle, and the same answer as the UTF-8 parser on the same text.</summary>
    private static void ParseUtf16(byte[] data)
    {
        string text = Encoding.UTF8.GetString(data);
        bool ok = OffsetTimestamp.TryParse(text.AsSpan(), out Instant value, out ParseError error);
        Instant? expected = Oracles.Timestamp(text);
        Check(ok == expected.HasValue, $"utf16 '{text}': parser {(ok ? "accepted " + value : "rejected: " + error)}, NodaTime {(expected.HasValue ? "accepted " + expected : "rejected")}");
        bool ok8 = OffsetTimestamp.TryParse(Encoding.UTF8.GetBytes(text), out Instant value8, out _);
        Check(ok8 == ok && (!ok || value8 == value), $"utf16 '{text}': UTF-8 and UTF-16 paths disagree");
        if (ok)
        {
            Check(value == expected, $"utf16 '{text}': {value} but NodaTime says {expected}");
        }
        else
        {
            Check(error.Position >= 0 && error.Position <= text.Length && error.Reason.Length > 0, $"utf16: error {error} outside [0, {text.Length}]");
        }
    }

    /// <summary>RUN_INTERVAL text: valid exactly when the run-interval rules say so, with the same number of minutes; round-trips through ToString.</summary>
    private static void RunIntervalText(byte[] data)
    {
        string text = Encoding.UTF8.GetString(data);
        var result = RunInterval.Parse(text);
        long? expected = Oracles.RunIntervalMinutes(text);
        Check(result.Success == expected.HasValue, $"interval '{text}': parser {(result.Success ? "accepted" : "rejected: " + result.ErrorMessage)}, oracle {expected?.ToString(CultureInfo.InvariantCulture) ?? "rejects"}");
        if (result.Success)
        {
            Check(result.Value.TotalMinutes == expected, $"interval '{text}': {result.Value.TotalMinutes} minutes, oracle {expected}");
            Check(RunInterval.Parse(result.Value.ToString()).Value == result.Value, $"interval '{text}' does not round-trip via '{result.Value}'");
        }
        else
        {
            Check(result.Error.Position >= 0 && result.Error.Position <= text.Length, $"interval '{text}': position {result.Error.Position}");
        }
        CheckUtf8Twin(data, text, result, RunInterval.Parse(data), "interval");
    }

    /// <summary>PARSE_DURATION text: never an unexpected exception, positions inside the text, and a value that round-trips through ToString.</summary>
    private static void LookbackText(byte[] data)
    {
        string text = Encoding.UTF8.GetString(data);
        var result = LookbackDuration.Parse(text);
        if (result.Success)
        {
            var again = LookbackDuration.Parse(result.Value.ToString());
            Check(again.Success && again.Value == result.Value, $"lookback '{text}' does not round-trip via '{result.Value}'");
            Check(result.Value.Duration >= Duration.Zero, $"lookback '{text}' is negative");
        }
        else
        {
            Check(result.Error.Position >= 0 && result.Error.Position <= text.Length, $"lookback '{text}': position {result.Error.Position}");
        }
        CheckUtf8Twin(data, text, result, LookbackDuration.Parse(data), "lookback");
    }

    /// <summary>
    /// The UTF-8 overload on the raw bytes is the same parser: valid UTF-8 gives the same value or the same error (its
    /// position counted in bytes), invalid UTF-8 fails as such instead of being read as U+FFFD.
    /// </summary>
    private static void CheckUtf8Twin<T>(byte[] data, string text, UpStats.Time.Parsing.ParseResult<T> fromText, UpStats.Time.Parsing.ParseResult<T> fromUtf8, string what)
        where T : notnull, IEquatable<T>
    {
        if (StrictUtf8(data) is null)
        {
            Check(!fromUtf8.Success && fromUtf8.Error.Code == ParseErrorCode.InvalidCharacter, $"{what} {Convert.ToHexString(data)}: invalid UTF-8 gave {fromUtf8}");
            return;
        }
        int bytes = fromText.Success ? 0 : Encoding.UTF8.GetByteCount(text.AsSpan(0, Math.Min(fromText.Error.Position, text.Length)));
        Check(fromUtf8.Success == fromText.Success && (!fromText.Success || fromUtf8.Value.Equals(fromText.Value))
            && fromUtf8.Error.Code == fromText.Error.Code && fromUtf8.Error.Reason == fromText.Error.Reason && fromUtf8.Error.Position == bytes,
            $"{what} '{text}': UTF-8 gave {fromUtf8}, the string {fromText} (byte position {bytes})");
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static string? StrictUtf8(byte[] data)
    {
        try
        {
            return Strict.GetString(data);
        }
        catch (DecoderFallbackException)
        {
            return null; // not UTF-8 at all: the parser must reject it, as the oracle does
        }
    }

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
            // NodaTime reads a fixed offset such as UTC+00 as the zone UTC: the same zone, under its own id. Zones
            // are compared by id: a fixed offset outside NodaTime's cache (UTC-17) is a new object at every call.
            Check(!text.Contains('\0', StringComparison.Ordinal) && DateTimeZoneProviders.Tzdb.GetZoneOrNull(text)?.Id == zone.Id, $"zone '{text}' read as {zone.Id}");
        }
        catch (CliUsageException ex)
        {
            Check(DateTimeZoneProviders.Tzdb.GetZoneOrNull(text) is null || string.IsNullOrWhiteSpace(text) || text.Contains('\0', StringComparison.Ordinal),
                $"valid zone '{text}' rejected: {ex.Message}");
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

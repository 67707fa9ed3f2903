// TEMPORARY stand-in with the signatures of UpStats.Time.Parsing (OffsetTimestampColumn, OffsetTimestamp,
// RowError, ParseError), backed by NodaTime's own patterns, until the library's parser lands on main.
// Delete this folder and switch the usings to UpStats.Time.Parsing then.
using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace UpStats.Lake.Interim;

internal readonly record struct ParseError(int Position, string Reason)
{
    public string Message => string.Create(CultureInfo.InvariantCulture, $"{Reason} at position {Position}");
}

internal readonly record struct RowError(int Row, ParseError Error);

internal readonly record struct ColumnParseResult(int Rows, int Failed, int Consumed);

internal static class OffsetTimestamp
{
    private static readonly OffsetDateTimePattern[] Patterns =
    [
        .. new[] { "o<+HHmm>", "o<+HH:mm>", "o<+HH>", "'Z'", "'z'" }
            .SelectMany(offset => new[] { "'T'", "'t'", "' '" }.Select(sep => OffsetDateTimePattern.CreateWithInvariantCulture($"uuuu'-'MM'-'dd{sep}HH':'mm':'ss;FFFFFFFFF{offset}"))),
    ];

    public static bool TryParseEpochSeconds(ReadOnlySpan<byte> utf8, out long value, out ParseError error)
    {
        var text = Encoding.UTF8.GetString(utf8);
        foreach (var pattern in Patterns)
        {
            var result = pattern.Parse(text);
            if (result.Success)
            {
                value = result.Value.ToInstant().ToUnixTimeSeconds();
                error = default;
                return true;
            }
        }
        value = 0;
        error = new ParseError(0, text.Length == 0 ? "The value is empty" : "Not a timestamp");
        return false;
    }
}

internal static class OffsetTimestampColumn
{
    public static ColumnParseResult ParseEpochSeconds(ReadOnlySpan<byte> utf8Lines, Span<long> destination, Span<RowError> errors)
    {
        int row = 0, failed = 0, position = 0;
        while (row < destination.Length && position < utf8Lines.Length)
        {
            var rest = utf8Lines[position..];
            var newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            if (OffsetTimestamp.TryParseEpochSeconds(line, out var seconds, out var error))
            {
                destination[row] = seconds;
            }
            else
            {
                errors[failed++] = new RowError(row, error);
                destination[row] = 0;
            }
            row++;
            position += newline < 0 ? rest.Length : newline + 1;
        }
        return new ColumnParseResult(row, failed, position);
    }
}

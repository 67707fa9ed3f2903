using NodaTime;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using UpStats.Time.Grid;
using UpStats.Time.Parsing;
using UpStats.Time.Partitioning;

namespace UpStats.Time.Rendering;

/// <summary>
/// The folder layout of a partitioned table, such as <c>year={yyyy}/month={MM}/day={dd}/hour={HH}</c>: literal
/// text with the tokens <c>{yyyy}</c>, <c>{MM}</c>, <c>{dd}</c>, <c>{HH}</c>, <c>{mm}</c> filled from a label.
/// Segments of the form <c>name=value</c> are Hive-style partition columns (<see cref="Columns"/>).
/// </summary>
/// <example>
/// <code>
/// PathTemplate template = PathTemplate.ParseOrThrow("dt={yyyy}-{MM}-{dd}/hr={HH}");
/// string folder = template.Format(new LocalDateTime(2024, 11, 3, 1, 0));  // "dt=2024-11-03/hr=01"
/// IReadOnlyList&lt;string&gt; columns = template.Columns;                // ["dt", "hr"]
/// bool parsed = PathTemplate.TryParse("year={yy}", out _);         // false: unknown token
/// int position = PathTemplate.Parse("year={yy}").Error.Position;   // 5
/// </code>
/// </example>
public sealed class PathTemplate : IEquatable<PathTemplate>
{
    private enum Token : byte
    {
        Literal,
        Year,
        Month,
        Day,
        Hour,
        Minute,
    }

    private readonly (Token Token, string Text)[] _parts;
    // For each Hive-style segment: its column name and the parts that make its value.
    private readonly (string Column, (Token Token, string Text)[] Parts)[] _columns;

    private PathTemplate(string text, (Token, string)[] parts, (string, (Token, string)[])[] columns)
    {
        Text = text;
        _parts = parts;
        _columns = columns;
        Columns = columns.Select(c => c.Item1).ToArray();
    }

    /// <summary>Kafka Connect's hourly layout, <c>year={yyyy}/month={MM}/day={dd}/hour={HH}</c>: the default for sources and hourly partitions.</summary>
    public static PathTemplate Hourly { get; } = ParseOrThrow("year={yyyy}/month={MM}/day={dd}/hour={HH}");

    /// <summary><c>year={yyyy}/month={MM}/day={dd}</c>: the default for daily partitions.</summary>
    public static PathTemplate Daily { get; } = ParseOrThrow("year={yyyy}/month={MM}/day={dd}");

    /// <summary>The template text.</summary>
    public string Text { get; }

    /// <summary>The partition columns named by the template's <c>name=…</c> segments, in order (<c>year, month, day, hour</c>).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Reads a template, e.g. <c>dt={yyyy}-{MM}-{dd}/hr={HH}</c>.</summary>
    /// <param name="text">The template text.</param>
    /// <returns>The template, or where and why the text is invalid (an unknown token, an unclosed brace, an empty template,
    /// a control character or an unpaired surrogate); no exception.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ParseResult<PathTemplate> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ParseText(text);
    }

    /// <summary>Reads a template, throwing on failure.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a valid template (the message says where and why).</exception>
    public static PathTemplate ParseOrThrow(string text) => Parse(text).GetValueOrThrow();

    /// <summary>Tries to read a template; never throws.</summary>
    /// <param name="text">The template text (null is not a template).</param>
    /// <param name="template">The template, when the text is valid.</param>
    /// <returns>Whether <paramref name="text"/> is a valid template.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PathTemplate? template)
    {
        if (text is not null && ParseText(text).TryGetValue(out var parsed))
        {
            template = parsed;
            return true;
        }
        template = null;
        return false;
    }

    private static ParseResult<PathTemplate> ParseText(string text)
    {
        if (text.Length == 0)
        {
            return ParseResult<PathTemplate>.ForError(0, ParseErrorCode.Empty, "A path template must not be empty", text);
        }
        var parts = new List<(Token, string)>();
        var literal = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            // A folder name cannot hold a control character (U+0000 ends a path on POSIX) or an unpaired
            // surrogate (no UTF-8 form, so no object-store key): reject them here rather than write broken paths.
            if (char.IsControl(c))
            {
                return ParseResult<PathTemplate>.ForError(i, ParseErrorCode.InvalidCharacter, string.Create(CultureInfo.InvariantCulture, $"A path template must not contain the control character U+{(int)c:X4}"), text);
            }
            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return ParseResult<PathTemplate>.ForError(i, ParseErrorCode.InvalidCharacter, "A path template must not contain an unpaired surrogate", text);
                }
                literal.Append(c).Append(text[++i]);
                continue;
            }
            if (c == '}')
            {
                return ParseResult<PathTemplate>.ForError(i, ParseErrorCode.UnbalancedPattern, "Unexpected '}'", text);
            }
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            int close = text.IndexOf('}', i);
            if (close < 0)
            {
                return ParseResult<PathTemplate>.ForError(i, ParseErrorCode.UnbalancedPattern, "This '{' is not closed", text);
            }
            var name = text[(i + 1)..close];
            Token token = name switch
            {
                "yyyy" => Token.Year,
                "MM" => Token.Month,
                "dd" => Token.Day,
                "HH" => Token.Hour,
                "mm" => Token.Minute,
                _ => Token.Literal,
            };
            if (token == Token.Literal)
            {
                return ParseResult<PathTemplate>.ForError(i, ParseErrorCode.UnknownPatternField, $"Unknown token '{{{name}}}' (use {{yyyy}}, {{MM}}, {{dd}}, {{HH}} or {{mm}})", text);
            }
            if (literal.Length > 0)
            {
                parts.Add((Token.Literal, literal.ToString()));
                literal.Clear();
            }
            parts.Add((token, ""));
            i = close;
        }
        if (literal.Length > 0)
        {
            parts.Add((Token.Literal, literal.ToString()));
        }
        return ParseResult<PathTemplate>.ForValue(new PathTemplate(text, parts.ToArray(), HiveColumns(text)));
    }

    /// <summary>The relative folder of the partition labelled <paramref name="label"/>, e.g. <c>year=2024/month=11/day=03/hour=01</c>.</summary>
    public string Format(LocalDateTime label) => Fill(_parts, label);

    /// <summary>The folder of a source partition.</summary>
    public string Format(SourcePartitionKey key) => Format(key.Label);

    /// <summary>The folder of a local partition.</summary>
    public string Format(LocalPartitionKey key) => Format(key.Label);

    /// <summary>The Hive partition values of <paramref name="label"/>: each column with its text (<c>year=2024, month=11, …</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> PartitionValues(LocalDateTime label) =>
        _columns.Select(c => new KeyValuePair<string, string>(c.Column, Fill(c.Parts, label))).ToArray();

    /// <inheritdoc/>
    public bool Equals(PathTemplate? other) => other is not null && Text == other.Text;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PathTemplate);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>The template text.</summary>
    public override string ToString() => Text;

    private static (string, (Token, string)[])[] HiveColumns(string text)
    {
        var columns = new List<(string, (Token, string)[])>();
        foreach (var segment in text.Split('/'))
        {
            int eq = segment.IndexOf('=');
            if (eq <= 0 || segment[..eq].Contains('{'))
            {
                continue;
            }
            // The value part is itself a template (validated with the whole text above).
            var valueText = segment[(eq + 1)..];
            var valueParts = valueText.Length > 0 && TryParse(valueText, out var value) ? value._parts : [];
            columns.Add((segment[..eq], valueParts));
        }
        return columns.ToArray();
    }

    private static string Fill((Token Token, string Text)[] parts, LocalDateTime label)
    {
        KeyText.Split(LocalClockGrid.LocalTicks(label), out int year, out int month, out int day, out int hour, out int minute);
        var text = new StringBuilder(32);
        foreach (var (token, literal) in parts)
        {
            _ = token switch
            {
                Token.Year => text.Append(year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)),
                Token.Month => text.Append(Two(month)),
                Token.Day => text.Append(Two(day)),
                Token.Hour => text.Append(Two(hour)),
                Token.Minute => text.Append(Two(minute)),
                _ => text.Append(literal),
            };
        }
        return text.ToString();
    }

    private static string Two(int value) => value.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
}

using NodaTime;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using UpStats.Time.Grid;
using UpStats.Time.Partitioning;

namespace UpStats.Time.Rendering;

/// <summary>
/// The folder layout of a partitioned table, such as <c>year={yyyy}/month={MM}/day={dd}/hour={HH}</c>: literal
/// text with the tokens <c>{yyyy}</c>, <c>{MM}</c>, <c>{dd}</c>, <c>{HH}</c>, <c>{mm}</c> filled from a label.
/// Segments of the form <c>name=value</c> are Hive-style partition columns (<see cref="Columns"/>).
/// </summary>
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
    public static PathTemplate Hourly { get; } = Parse("year={yyyy}/month={MM}/day={dd}/hour={HH}");

    /// <summary><c>year={yyyy}/month={MM}/day={dd}</c>: the default for daily partitions.</summary>
    public static PathTemplate Daily { get; } = Parse("year={yyyy}/month={MM}/day={dd}");

    /// <summary>The template text.</summary>
    public string Text { get; }

    /// <summary>The partition columns named by the template's <c>name=…</c> segments, in order (<c>year, month, day, hour</c>).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Reads a template.</summary>
    /// <exception cref="FormatException">An unknown token, an unclosed brace, or an empty template; the message says where.</exception>
    public static PathTemplate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var template, out var error) ? template : throw new FormatException(error);
    }

    /// <summary>Reads a template without throwing.</summary>
    /// <param name="text">The template text.</param>
    /// <param name="template">The template, when the text is valid.</param>
    /// <param name="error">Where and why the text is invalid, otherwise <c>null</c>.</param>
    public static bool TryParse(string text, [NotNullWhen(true)] out PathTemplate? template, [NotNullWhen(false)] out string? error)
    {
        template = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "A path template must not be empty.";
            return false;
        }
        var parts = new List<(Token, string)>();
        var literal = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '}')
            {
                error = $"Unexpected '}}' at position {i} of the path template '{text}'.";
                return false;
            }
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            int close = text.IndexOf('}', i);
            if (close < 0)
            {
                error = $"The '{{' at position {i} of the path template '{text}' is not closed.";
                return false;
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
                error = $"Unknown token '{{{name}}}' at position {i} of the path template '{text}' (use {{yyyy}}, {{MM}}, {{dd}}, {{HH}} or {{mm}}).";
                return false;
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
        template = new PathTemplate(text, parts.ToArray(), HiveColumns(text));
        error = null;
        return true;
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
            var valueParts = valueText.Length > 0 && TryParse(valueText, out var value, out _) ? value._parts : [];
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

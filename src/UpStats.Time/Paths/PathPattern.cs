using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using NodaTime;
using UpStats.Time.Grid;
using UpStats.Time.Parsing;

namespace UpStats.Time.Paths;

/// <summary>
/// A path pattern: how a storage layout spells time in its folder names, such as Kafka Connect's
/// <c>'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH</c> or Upsolver's <c>yyyy/MM/dd/HH/mm</c>. One pattern serves
/// both ways: a local time to a folder (<see cref="Format(LocalDateTime)"/>) and a path back to its local time
/// (<see cref="TryReadLocal(ReadOnlySpan{byte}, out LocalDateTime, out int, out ParseError)"/>).
/// </summary>
/// <remarks>
/// <para>
/// The letters are those of Java's <c>DateTimeFormatter</c>, as Upsolver's <c>DATE_PATTERN</c> and Kafka
/// Connect's <c>path.format</c> take them: <c>yyyy</c> (or <c>YYYY</c>), <c>MM</c>, <c>dd</c>, <c>HH</c> and
/// <c>mm</c>. Text in single quotes (<c>''</c> for a quote) and every character that is not an ASCII letter stand
/// for themselves; any other letter is an error, so a typo like <c>yy</c> or <c>hh</c> fails at once instead of
/// writing or reading the wrong folders. <c>YYYY</c> is read as the calendar year, as Joda-Time (which Kafka
/// Connect formats with) reads it; Java's week-based year would put 2024-12-30 in the folder of 2025.
/// </para>
/// <para>
/// A pattern containing <c>{</c> is read in the brace spelling, <c>year={yyyy}/month={MM}</c>: there the tokens
/// <c>{yyyy}</c>, <c>{YYYY}</c>, <c>{MM}</c>, <c>{dd}</c>, <c>{HH}</c>, <c>{mm}</c> are the fields and everything
/// else is literal. Both spellings make the same pattern.
/// </para>
/// <para>
/// A pattern must hold a year, and its fields run down from the year without a gap (<c>yyyy/dd</c> is an
/// error): then every folder is one stretch of local time, from its smallest field (<see cref="Unit"/>).
/// A field may appear twice (<c>yyyy/yyyyMMdd</c>); a path matches only when both copies agree.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// PathPattern kafka = PathPattern.ParseOrThrow("'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH");
/// string folder = kafka.Format(new LocalDateTime(2024, 11, 3, 8, 0));   // "year=2024/month=11/day=03/hour=08"
/// IReadOnlyList&lt;string&gt; columns = kafka.Columns;                     // ["year", "month", "day", "hour"]
/// PathPattern braces = PathPattern.ParseOrThrow("dt={yyyy}-{MM}-{dd}/hr={HH}");
/// string daily = braces.Format(new LocalDateTime(2024, 11, 3, 1, 0));    // "dt=2024-11-03/hr=01"
/// bool read = kafka.TryReadLocal("year=2024/month=11/day=03/hour=08/part-0.json", out LocalDateTime local, out int used, out _);
/// // true: local is 2024-11-03T08:00, used is 33 (the rest is the file name)
/// int position = PathPattern.Parse("yy/MM").Error.Position;             // 0: 'yy' is not supported
/// </code>
/// </example>
public sealed class PathPattern : IEquatable<PathPattern>
{
    private readonly Part[] _parts;
    // For each Hive-style segment: its column name and the parts that make its value.
    private readonly (string Column, Part[] Parts)[] _columns;

    private PathPattern(string text, Part[] parts, (string, Part[])[] columns)
    {
        Text = text;
        _parts = parts;
        _columns = columns;
        Columns = columns.Select(c => c.Item1).ToArray();
        Unit = parts.Where(p => p.Field != PathField.None).Max(p => p.Field);
    }

    /// <summary>Kafka Connect's hourly layout, <c>'year='yyyy/'month='MM/'day='dd/'hour='HH</c>: the default for sources and hourly partitions.</summary>
    public static PathPattern Hourly { get; } = ParseOrThrow("'year='yyyy/'month='MM/'day='dd/'hour='HH");

    /// <summary><c>'year='yyyy/'month='MM/'day='dd</c>: the default for daily partitions.</summary>
    public static PathPattern Daily { get; } = ParseOrThrow("'year='yyyy/'month='MM/'day='dd");

    /// <summary>The pattern text, as given.</summary>
    public string Text { get; }

    /// <summary>The partition columns named by the pattern's <c>name=…</c> segments, in order (<c>year, month, day, hour</c>).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The pattern's smallest field: one folder holds one of these on the local clock (an hour for <c>…/HH</c>).</summary>
    public PathField Unit { get; }

    /// <summary>Reads a pattern, e.g. <c>'year'=YYYY/'month'=MM</c>, <c>yyyy/MM/dd/HH/mm</c> or <c>dt={yyyy}-{MM}-{dd}</c>.</summary>
    /// <param name="text">The pattern text.</param>
    /// <returns>The pattern, or where and why the text is invalid (an unsupported letter, an unclosed quote or brace, a
    /// missing year, a gap between fields, a control character or an unpaired surrogate); no exception.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ParseResult<PathPattern> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ParseText(text);
    }

    /// <summary>Reads a pattern from characters; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The pattern text.</param>
    /// <returns>The pattern, or where and why the text is invalid; no exception.</returns>
    public static ParseResult<PathPattern> Parse(ReadOnlySpan<char> text) => ParseText(text.ToString());

    /// <summary>Reads a pattern from UTF-8 bytes; see <see cref="Parse(string)"/>. Error positions count bytes.</summary>
    /// <param name="utf8">The UTF-8 pattern text (invalid UTF-8 fails with <see cref="ParseErrorCode.InvalidCharacter"/>).</param>
    /// <returns>The pattern, or where and why the text is invalid; no exception.</returns>
    public static ParseResult<PathPattern> Parse(ReadOnlySpan<byte> utf8) => Utf8Text.Parse<PathPattern>(utf8, TryParse);

    /// <summary>Reads a pattern, throwing on failure.</summary>
    /// <param name="text">The pattern text; see <see cref="Parse(string)"/>.</param>
    /// <returns>The pattern.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a valid pattern (the message says where and why).</exception>
    public static PathPattern ParseOrThrow(string text) => Parse(text).GetValueOrThrow();

    /// <summary>Tries to read a pattern; never throws. See <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The pattern text.</param>
    /// <param name="value">The pattern, or null on failure.</param>
    /// <param name="error">Where and why the text is invalid, or <c>default</c> on success.</param>
    /// <returns>Whether <paramref name="text"/> is a valid pattern.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out PathPattern? value, out ParseError error)
    {
        var result = ParseText(text.ToString());
        error = result.Error;
        return result.TryGetValue(out value);
    }

    /// <summary>Tries to read a pattern from UTF-8 bytes; never throws. Error positions count bytes.</summary>
    /// <param name="utf8">The UTF-8 pattern text (invalid UTF-8 fails with <see cref="ParseErrorCode.InvalidCharacter"/>).</param>
    /// <param name="value">The pattern, or null on failure.</param>
    /// <param name="error">Where and why the text is invalid, or <c>default</c> on success.</param>
    /// <returns>Whether <paramref name="utf8"/> is a valid pattern.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out PathPattern? value, out ParseError error) =>
        Utf8Text.TryParse(utf8, TryParse, out value, out error);

    /// <summary>The folder of the local time <paramref name="local"/>, e.g. <c>year=2024/month=11/day=03/hour=01</c> (fields below the pattern's unit are ignored).</summary>
    public string Format(LocalDateTime local) => Fill(_parts, local);

    /// <summary>The Hive partition values of <paramref name="label"/>: each column with its text (<c>year=2024, month=11, …</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> PartitionValues(LocalDateTime label) =>
        _columns.Select(c => new KeyValuePair<string, string>(c.Column, Fill(c.Parts, label))).ToArray();

    /// <summary>
    /// Reads the pattern at the start of a UTF-8 path: every literal must match and every field be exactly its
    /// number of ASCII digits, and the values must form a real date and time. Fields the pattern lacks take their
    /// smallest value (month 01, day 01, 00:00). What follows the pattern (a file name) is not looked at.
    /// </summary>
    /// <param name="utf8">The path, or the part of it where the pattern starts.</param>
    /// <param name="local">The local time read; <c>default</c> on failure.</param>
    /// <param name="bytesConsumed">How many bytes the pattern took; 0 on failure.</param>
    /// <param name="error">Where (a byte index) and why the path did not match; <c>default</c> on success.</param>
    /// <returns>Whether the path matched. Never allocates.</returns>
    public bool TryReadLocal(ReadOnlySpan<byte> utf8, out LocalDateTime local, out int bytesConsumed, out ParseError error)
    {
        bool ok = TryMatch(utf8, out long ticks, out bytesConsumed, out error);
        local = ok ? LocalClockGrid.FromLocalTicks(ticks) : default;
        return ok;
    }

    /// <summary>Reads the pattern at the start of a UTF-16 path; see <see cref="TryReadLocal(ReadOnlySpan{byte}, out LocalDateTime, out int, out ParseError)"/>.</summary>
    /// <param name="text">The path, or the part of it where the pattern starts.</param>
    /// <param name="local">The local time read; <c>default</c> on failure.</param>
    /// <param name="charsConsumed">How many chars the pattern took; 0 on failure.</param>
    /// <param name="error">Where (a char index) and why the path did not match; <c>default</c> on success.</param>
    /// <returns>Whether the path matched. Never allocates.</returns>
    public bool TryReadLocal(ReadOnlySpan<char> text, out LocalDateTime local, out int charsConsumed, out ParseError error)
    {
        bool ok = TryMatch(text, out long ticks, out charsConsumed, out error);
        local = ok ? LocalClockGrid.FromLocalTicks(ticks) : default;
        return ok;
    }

    /// <inheritdoc/>
    public bool Equals(PathPattern? other) => other is not null && Text == other.Text;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PathPattern);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>The pattern text.</summary>
    public override string ToString() => Text;

    // ---- matching (the event-time hot path) ----

    /// <summary>
    /// The core of both <c>TryReadLocal</c> overloads, generic over the code unit so that UTF-8 and UTF-16 share one
    /// implementation; the JIT compiles one specialised copy per type. Local time comes out as ticks since
    /// 1970-01-01T00:00 on the local clock.
    /// </summary>
    internal bool TryMatch<T>(ReadOnlySpan<T> path, out long localTicks, out int consumed, out ParseError error)
        where T : unmanaged, IBinaryInteger<T>
    {
        // Values by field (index = PathField); 0 for fields the pattern lacks: month and day then default to 1.
        Span<uint> values = stackalloc uint[6];
        uint seen = 0;
        int dayAt = -1;
        int p = 0;
        foreach (var part in _parts)
        {
            if (part.Field == PathField.None)
            {
                var literal = Literal<T>(part);
                int n = Math.Min(literal.Length, path.Length - p);
                int same = path.Slice(p, n).CommonPrefixLength(literal);
                if (same < literal.Length)
                {
                    return Fail(p + same, same == n ? ParseErrorCode.EndsEarly : ParseErrorCode.ExpectedLiteral, same == n ? PathErrorReasons.EndsEarly : PathErrorReasons.LiteralMismatch, out localTicks, out consumed, out error);
                }
                p += literal.Length;
                continue;
            }
            int width = part.Field == PathField.Year ? 4 : 2;
            uint value = 0;
            for (int k = 0; k < width; k++)
            {
                if (p + k >= path.Length)
                {
                    return Fail(path.Length, ParseErrorCode.EndsEarly, PathErrorReasons.EndsEarly, out localTicks, out consumed, out error);
                }
                // One unsigned compare per digit: anything below '0' wraps around, so only ASCII 0-9 pass.
                uint digit = uint.CreateTruncating(path[p + k]) - '0';
                if (digit > 9)
                {
                    return Fail(p + k, ParseErrorCode.ExpectedDigit, PathErrorReasons.ExpectedDigits(part.Field), out localTicks, out consumed, out error);
                }
                value = (value * 10) + digit;
            }
            // Out-of-range fields share the timestamp parser's codes and reasons.
            var code = part.Field switch
            {
                PathField.Year when value == 0 => ParseErrorCode.YearOutOfRange,
                PathField.Month when value is < 1 or > 12 => ParseErrorCode.MonthOutOfRange,
                PathField.Day when value is < 1 or > 31 => ParseErrorCode.DayOutOfRange,
                PathField.Hour when value > 23 => ParseErrorCode.HourOutOfRange,
                PathField.Minute when value > 59 => ParseErrorCode.MinuteOutOfRange,
                _ => ParseErrorCode.None,
            };
            if (code != ParseErrorCode.None)
            {
                return Fail(p, code, null, out localTicks, out consumed, out error);
            }
            int f = (int)part.Field;
            uint bit = 1u << f;
            if ((seen & bit) != 0 && values[f] != value)
            {
                return Fail(p, ParseErrorCode.FieldsDisagree, PathErrorReasons.FieldsDisagree, out localTicks, out consumed, out error);
            }
            seen |= bit;
            values[f] = value;
            if (part.Field == PathField.Day)
            {
                dayAt = p;
            }
            p += width;
        }
        uint year = values[(int)PathField.Year];
        uint month = Math.Max(values[(int)PathField.Month], 1);
        uint day = Math.Max(values[(int)PathField.Day], 1);
        uint hour = values[(int)PathField.Hour];
        uint minute = values[(int)PathField.Minute];
        // The day is checked against its month once both are known (02-29 of a common year does not match).
        if (day > CivilCalendar.DaysInMonth(year, month))
        {
            return Fail(dayAt, ParseErrorCode.DayOutOfRange, null, out localTicks, out consumed, out error);
        }
        localTicks = (CivilCalendar.DaysFromCivil(year, month, day) * TickMath.TicksPerDay) + (hour * TimeSpan.TicksPerHour) + (minute * TickMath.TicksPerMinute);
        consumed = p;
        error = default;
        return true;
    }

    private static bool Fail(int position, ParseErrorCode code, string? reason, out long localTicks, out int consumed, out ParseError error)
    {
        localTicks = 0;
        consumed = 0;
        error = new ParseError(position, code, reason);
        return false;
    }

    private static ReadOnlySpan<T> Literal<T>(Part part)
        where T : unmanaged
    {
        // typeof(T) is a JIT-time constant: each specialisation keeps one branch.
        return typeof(T) == typeof(byte)
            ? MemoryMarshal.Cast<byte, T>(part.Utf8)
            : MemoryMarshal.Cast<char, T>(part.Text.AsSpan());
    }

    // ---- parsing the pattern ----

    private static ParseResult<PathPattern> ParseText(string text)
    {
        if (text.Length == 0)
        {
            return ParseResult<PathPattern>.ForError(0, ParseErrorCode.Empty, "A path pattern must not be empty", text);
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            // Without this, "   " would fail later as a pattern without a year: true, but not the problem to fix.
            return ParseResult<PathPattern>.ForError(0, ParseErrorCode.Empty, "A path pattern must not be only white space", text);
        }
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            // A folder name cannot hold a control character (U+0000 ends a path on POSIX) or an unpaired
            // surrogate (no UTF-8 form, so no object-store key): reject them here rather than write broken paths.
            if (char.IsControl(c))
            {
                return ParseResult<PathPattern>.ForError(i, ParseErrorCode.InvalidCharacter, string.Create(CultureInfo.InvariantCulture, $"A path pattern must not contain the control character U+{(int)c:X4}"), text);
            }
            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return ParseResult<PathPattern>.ForError(i, ParseErrorCode.InvalidCharacter, "A path pattern must not contain an unpaired surrogate", text);
                }
                i++;
            }
        }
        var parts = new List<(PathField Field, string Text, int Position)>();
        var error = text.Contains('{') ? ReadBraces(text, parts) : ReadLetters(text, parts);
        if (error is { } e)
        {
            return ParseResult<PathPattern>.ForError(e.Position, e.Code, e.Reason, text);
        }
        // Fields must run down from the year without a gap, so that a folder is one stretch of local time.
        var fields = parts.Where(p => p.Field != PathField.None).ToList();
        if (!fields.Any(f => f.Field == PathField.Year))
        {
            return ParseResult<PathPattern>.ForError(text.Length, ParseErrorCode.MissingPatternField, "A path pattern must contain a year (yyyy)", text);
        }
        foreach (var f in fields)
        {
            var above = f.Field - 1;
            if (above > PathField.None && !fields.Any(g => g.Field == above))
            {
                return ParseResult<PathPattern>.ForError(f.Position, ParseErrorCode.MissingPatternField, $"{Letters(f.Field)} needs {Letters(above)}: a pattern's fields run down from the year without a gap (yyyy, MM, dd, HH, mm)", text);
            }
        }
        var merged = new List<Part>();
        foreach (var (field, literal, _) in parts)
        {
            if (field == PathField.None && merged.Count > 0 && merged[^1].Field == PathField.None)
            {
                merged[^1] = new Part(PathField.None, merged[^1].Text + literal);
            }
            else if (field != PathField.None || literal.Length > 0)
            {
                merged.Add(new Part(field, literal));
            }
        }
        var array = merged.ToArray();
        return ParseResult<PathPattern>.ForValue(new PathPattern(text, array, HiveColumns(array)));
    }

    /// <summary>The brace spelling: <c>{yyyy}</c>-style tokens, everything else literal.</summary>
    private static ParseError? ReadBraces(string text, List<(PathField, string, int)> parts)
    {
        var literal = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '}')
            {
                return new ParseError(i, ParseErrorCode.UnbalancedPattern, "Unexpected '}'");
            }
            if (c != '{')
            {
                literal.Append(c);
                continue;
            }
            int close = text.IndexOf('}', i);
            if (close < 0)
            {
                return new ParseError(i, ParseErrorCode.UnbalancedPattern, "This '{' is not closed");
            }
            var name = text[(i + 1)..close];
            var field = name switch
            {
                "yyyy" or "YYYY" => PathField.Year,
                "MM" => PathField.Month,
                "dd" => PathField.Day,
                "HH" => PathField.Hour,
                "mm" => PathField.Minute,
                _ => PathField.None,
            };
            if (field == PathField.None)
            {
                return new ParseError(i, ParseErrorCode.UnknownPatternField, $"Unknown token '{{{name}}}' (use {{yyyy}}, {{MM}}, {{dd}}, {{HH}} or {{mm}})");
            }
            parts.Add((PathField.None, literal.ToString(), i));
            literal.Clear();
            parts.Add((field, "", i));
            i = close;
        }
        parts.Add((PathField.None, literal.ToString(), text.Length));
        return null;
    }

    /// <summary>Java's <c>DateTimeFormatter</c> spelling: letter runs are fields, quoted text and non-letters literal.</summary>
    private static ParseError? ReadLetters(string text, List<(PathField, string, int)> parts)
    {
        var literal = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    literal.Append('\'');
                    i += 2;
                    continue;
                }
                int j = i + 1;
                while (true)
                {
                    if (j >= text.Length)
                    {
                        return new ParseError(i, ParseErrorCode.UnbalancedPattern, "This quote is not closed (write '' for a quote character)");
                    }
                    if (text[j] == '\'')
                    {
                        if (j + 1 < text.Length && text[j + 1] == '\'')
                        {
                            literal.Append('\'');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    literal.Append(text[j]);
                    j++;
                }
                i = j + 1;
                continue;
            }
            if (char.IsAsciiLetter(c))
            {
                int end = i;
                while (end < text.Length && text[end] == c)
                {
                    end++;
                }
                var field = (c, end - i) switch
                {
                    ('y', 4) or ('Y', 4) => PathField.Year,
                    ('M', 2) => PathField.Month,
                    ('d', 2) => PathField.Day,
                    ('H', 2) => PathField.Hour,
                    ('m', 2) => PathField.Minute,
                    _ => PathField.None,
                };
                if (field == PathField.None)
                {
                    return new ParseError(i, ParseErrorCode.UnknownPatternField, $"'{text[i..end]}' is not supported: use yyyy (or YYYY), MM, dd, HH and mm, and put literal letters in single quotes ('year=')");
                }
                parts.Add((PathField.None, literal.ToString(), i));
                literal.Clear();
                parts.Add((field, "", i));
                i = end;
                continue;
            }
            if (c is '[' or ']' or '#' or '}')
            {
                // Java reserves these (optional sections, future use): quoting them keeps the pattern's meaning the same in both.
                return new ParseError(i, ParseErrorCode.InvalidCharacter, $"'{c}' is reserved in a date pattern: put it in single quotes ('{c}')");
            }
            literal.Append(c);
            i++;
        }
        parts.Add((PathField.None, literal.ToString(), text.Length));
        return null;
    }

    private static string Letters(PathField field) => field switch
    {
        PathField.Year => "yyyy",
        PathField.Month => "MM",
        PathField.Day => "dd",
        PathField.Hour => "HH",
        _ => "mm",
    };

    private static (string, Part[])[] HiveColumns(Part[] parts)
    {
        // Split the parts at '/' (inside literals), then take each segment whose leading literal holds a '='
        // after at least one character: name=value, the value being the rest of the segment.
        var columns = new List<(string, Part[])>();
        var segment = new List<Part>();
        void Close()
        {
            if (segment.Count > 0 && segment[0].Field == PathField.None)
            {
                int eq = segment[0].Text.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    var value = new List<Part>();
                    if (eq + 1 < segment[0].Text.Length)
                    {
                        value.Add(new Part(PathField.None, segment[0].Text[(eq + 1)..]));
                    }
                    value.AddRange(segment.Skip(1));
                    columns.Add((segment[0].Text[..eq], value.ToArray()));
                }
            }
            segment.Clear();
        }
        foreach (var part in parts)
        {
            if (part.Field != PathField.None)
            {
                segment.Add(part);
                continue;
            }
            var pieces = part.Text.Split('/');
            for (int k = 0; k < pieces.Length; k++)
            {
                if (k > 0)
                {
                    Close();
                }
                if (pieces[k].Length > 0)
                {
                    segment.Add(new Part(PathField.None, pieces[k]));
                }
            }
        }
        Close();
        return columns.ToArray();
    }

    private static string Fill(Part[] parts, LocalDateTime local)
    {
        var text = new StringBuilder(32);
        foreach (var part in parts)
        {
            _ = part.Field switch
            {
                PathField.Year => text.Append(local.Year.ToString("D4", CultureInfo.InvariantCulture)),
                PathField.Month => text.Append(Two(local.Month)),
                PathField.Day => text.Append(Two(local.Day)),
                PathField.Hour => text.Append(Two(local.Hour)),
                PathField.Minute => text.Append(Two(local.Minute)),
                _ => text.Append(part.Text),
            };
        }
        return text.ToString();
    }

    private static string Two(int value) => value.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>A literal (with its UTF-8 bytes, for matching UTF-8 paths) or a field.</summary>
    private sealed class Part(PathField field, string text)
    {
        public PathField Field { get; } = field;

        public string Text { get; } = text;

        public byte[] Utf8 { get; } = Encoding.UTF8.GetBytes(text);
    }
}

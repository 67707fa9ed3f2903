using System.Globalization;
using System.Text;

namespace UpStats.Time.Parsing;

/// <summary>
/// Why and where a timestamp was rejected: the 0-based <see cref="Position"/> of the first offending character
/// (or of the first character of an out-of-range field, or the value's length when it ends early) and a
/// stable <see cref="Code"/> with its <see cref="Reason"/> in plain words.
/// </summary>
/// <remarks>
/// A plain value: the <c>Try</c> methods return one without allocating. A message string is only built when
/// asked for (<see cref="Message"/>, <see cref="ToMessage(ReadOnlySpan{char})"/>), as NodaTime builds its
/// <c>ParseResult</c> exception only on demand. For UTF-8 input the position counts bytes; as every character a
/// timestamp may contain is ASCII, it equals the UTF-16 position of the same text.
/// </remarks>
public readonly struct ParseError : IEquatable<ParseError>
{
    // The reason when it carries the input's own numbers (run intervals); otherwise the code's constant text.
    private readonly string? _detail;

    internal ParseError(int position, ParseErrorCode code, string? detail = null)
    {
        Position = position;
        Code = code;
        _detail = detail;
    }

    /// <summary>The same error at another position (a UTF-8 entry point turns a character index into a byte index).</summary>
    internal ParseError At(int position) => new(position, Code, _detail);

    /// <summary>The 0-based index (bytes for UTF-8, chars for UTF-16) of the offending character or field.</summary>
    public int Position { get; }

    /// <summary>Why the value was rejected, as a stable code (<see cref="ParseErrorCode.None"/> for <c>default</c>).</summary>
    public ParseErrorCode Code { get; }

    /// <summary>
    /// Why the value was rejected, in plain words (e.g. <c>Month must be between 01 and 12</c>); empty for
    /// <c>default</c>. The words may be improved between versions: match on <see cref="Code"/>, show this.
    /// </summary>
    public string Reason => _detail ?? ParseErrorReasons.Of(Code);

    /// <summary>The reason and the position, e.g. <c>Month must be between 01 and 12 at position 5</c>.</summary>
    public string Message => string.Create(CultureInfo.InvariantCulture, $"{Reason} at position {Position}");

    /// <summary>
    /// The message with the value echoed and a <c>^</c> before the offending character, e.g.
    /// <c>Month must be between 01 and 12 at position 5: '2015-^13-11T00:26:51+0100'</c>. This is the text of the
    /// <see cref="FormatException"/> the throwing methods raise.
    /// </summary>
    /// <param name="text">The value that was parsed.</param>
    public string ToMessage(ReadOnlySpan<char> text)
    {
        int at = Math.Clamp(Position, 0, text.Length);
        return Marked(text[..at], text[at..]);
    }

    /// <summary>The message with the UTF-8 value echoed and marked; see <see cref="ToMessage(ReadOnlySpan{char})"/>.</summary>
    /// <param name="utf8">The value that was parsed.</param>
    public string ToMessage(ReadOnlySpan<byte> utf8)
    {
        // Everything before the error position is ASCII (any other byte is itself an error), so byte and char
        // positions agree and the decoded text can be marked at the same index.
        int at = Math.Clamp(Position, 0, utf8.Length);
        return Marked(Encoding.UTF8.GetString(utf8[..at]), Encoding.UTF8.GetString(utf8[at..]));
    }

    // The one layout of a marked message, for both encodings: the text before the position, '^', the rest.
    private string Marked(ReadOnlySpan<char> before, ReadOnlySpan<char> after) =>
        string.Create(CultureInfo.InvariantCulture, $"{Message}: '{before}^{after}'");

    /// <summary>Returns <see cref="Message"/>.</summary>
    public override string ToString() => Message;

    /// <inheritdoc/>
    public bool Equals(ParseError other) => Position == other.Position && Code == other.Code && Reason == other.Reason;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ParseError other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Position, Code, Reason);

    /// <summary>Equality of position, code and reason.</summary>
    public static bool operator ==(ParseError left, ParseError right) => left.Equals(right);

    /// <summary>Inequality of position, code or reason.</summary>
    public static bool operator !=(ParseError left, ParseError right) => !left.Equals(right);
}

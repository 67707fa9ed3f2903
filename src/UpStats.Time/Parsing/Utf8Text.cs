using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Unicode;

namespace UpStats.Time.Parsing;

/// <summary>
/// The UTF-8 entry points of the text types whose grammar is written over characters (run intervals, lookbacks,
/// path patterns): the bytes are decoded strictly, the character parser runs, and an error's position is turned
/// back into a byte index. One place does it, so every type reads UTF-8 by the same rules: invalid UTF-8 is an
/// error at its first byte (never a silent U+FFFD), and a position counts bytes as the timestamp parser's does.
/// </summary>
/// <remarks>
/// These texts are short configuration values, not a hot path: decoding into a stack buffer (a pooled one when
/// long) costs far less than the value's own parse, and keeps the grammar in one place per type.
/// </remarks>
internal static class Utf8Text
{
    internal const string InvalidUtf8 = "The text is not valid UTF-8";

    private const int StackChars = 256;

    /// <summary>A character parser with the <c>TryParse</c> shape.</summary>
    internal delegate bool CharParser<T>(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out T value, out ParseError error);

    /// <summary>Decodes <paramref name="utf8"/> and runs <paramref name="parse"/>; the error's position counts bytes.</summary>
    internal static bool TryParse<T>(ReadOnlySpan<byte> utf8, CharParser<T> parse, [MaybeNullWhen(false)] out T value, out ParseError error)
    {
        char[]? rented = null;
        // Never more UTF-16 code units than UTF-8 bytes.
        Span<char> chars = utf8.Length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            if (Utf8.ToUtf16(utf8, chars, out int read, out int written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                value = default!;
                error = new ParseError(read, ParseErrorCode.InvalidCharacter, InvalidUtf8);
                return false;
            }
            var text = chars[..written];
            if (parse(text, out value, out error))
            {
                return true;
            }
            int at = Math.Clamp(error.Position, 0, text.Length);
            error = error.At(Encoding.UTF8.GetByteCount(text[..at]));
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The <c>Parse(ReadOnlySpan&lt;byte&gt;)</c> of a type whose <c>TryParse</c> over characters is <paramref name="parse"/>.</summary>
    internal static ParseResult<T> Parse<T>(ReadOnlySpan<byte> utf8, CharParser<T> parse)
        where T : notnull, IEquatable<T> =>
        TryParse(utf8, parse, out var value, out var error) ? ParseResult<T>.ForValue(value) : ParseResult<T>.ForError(error, utf8);
}

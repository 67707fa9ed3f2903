using System.Diagnostics.CodeAnalysis;

namespace UpStats.Time.Parsing;

/// <summary>
/// The outcome of parsing a text (a timestamp, a run interval, a lookback, a path pattern): the value, or the
/// <see cref="ParseError"/> saying where and why the text failed. Every text type's <c>Parse</c> returns one.
/// Like NodaTime's <c>ParseResult&lt;T&gt;</c>, a failure costs no exception unless
/// <see cref="GetValueOrThrow"/> is asked for one.
/// </summary>
/// <remarks>
/// <c>default(ParseResult&lt;T&gt;)</c> is not a success: nothing was parsed, so <see cref="Success"/> is false, the
/// <see cref="Error"/> has the code <see cref="ParseErrorCode.None"/> and a reason saying so, and
/// <see cref="GetValueOrThrow"/> throws <see cref="InvalidOperationException"/> (a misuse, not bad text).
/// </remarks>
/// <typeparam name="T">The parsed type (for example <see cref="NodaTime.Instant"/>, <see cref="Scheduling.RunInterval"/>, <see cref="Scheduling.LookbackDuration"/> or <see cref="Paths.PathPattern"/>).</typeparam>
/// <example>
/// <code>
/// ParseResult&lt;RunInterval&gt; result = RunInterval.Parse("7 MINUTES");
/// bool success = result.Success;                   // false
/// int position = result.Error.Position;            // 0
/// string? message = result.ErrorMessage;           // "7 MINUTES (7 minutes) does not divide 24 hours (1,440 minutes) evenly: … at position 0: '^7 MINUTES'"
/// // result.Value and result.GetValueOrThrow() would throw a FormatException with that message
/// bool parsed = RunInterval.Parse("15m").TryGetValue(out RunInterval interval);  // true; interval.ToString() is "15 MINUTES"
/// </code>
/// </example>
public readonly struct ParseResult<T> : IEquatable<ParseResult<T>>
    where T : notnull, IEquatable<T>
{
    private const string NotParsedReason = "Nothing was parsed: this is default(ParseResult<T>), not the result of a Parse method";

    // default (null for a class) on failure.
    private readonly T _value;
    private readonly ParseError _error;
    // The text that failed, for the message: a string, or the UTF-8 bytes (whose positions count bytes). Null on success.
    private readonly object? _input;
    // False only in default(ParseResult<T>): every result a Parse method returns was built by ForValue or ForError.
    private readonly bool _parsed;

    private ParseResult(T value, ParseError error, object? input)
    {
        _value = value;
        _error = error;
        _input = input;
        _parsed = true;
    }

    internal static ParseResult<T> ForValue(T value) => new(value, default, null);

    internal static ParseResult<T> ForError(int position, ParseErrorCode code, string reason, string input) => new(default!, new ParseError(position, code, reason), input);

    internal static ParseResult<T> ForError(ParseError error, string input) => new(default!, error, input);

    internal static ParseResult<T> ForError(ParseError error, ReadOnlySpan<byte> utf8) => new(default!, error, utf8.ToArray());

    /// <summary>Whether the text parsed (false for <c>default(ParseResult&lt;T&gt;)</c>).</summary>
    public bool Success => _parsed && _input is null;

    /// <summary>The parsed value.</summary>
    /// <exception cref="FormatException">The text did not parse (the message says where and why).</exception>
    /// <exception cref="InvalidOperationException">This is <c>default(ParseResult&lt;T&gt;)</c>: nothing was parsed.</exception>
    public T Value => GetValueOrThrow();

    /// <summary>
    /// Where (0-based index of the first offending character, the input length when the text ends early; bytes for
    /// UTF-8 input) and why the text failed; <c>default</c> on success.
    /// </summary>
    public ParseError Error => _parsed ? _error : new ParseError(0, ParseErrorCode.None, NotParsedReason);

    /// <summary>
    /// The whole failure message, <see cref="ParseError.ToMessage(ReadOnlySpan{char})"/>: the reason, the position
    /// and the input with a <c>^</c> before the offending character; <c>null</c> on success.
    /// </summary>
    public string? ErrorMessage => _input switch
    {
        string text => _error.ToMessage(text),
        byte[] utf8 => _error.ToMessage(utf8),
        _ => _parsed ? null : NotParsedReason,
    };

    /// <summary>The value, or a <see cref="FormatException"/> carrying <see cref="ErrorMessage"/>.</summary>
    /// <exception cref="FormatException">The text did not parse.</exception>
    /// <exception cref="InvalidOperationException">This is <c>default(ParseResult&lt;T&gt;)</c>: nothing was parsed.</exception>
    public T GetValueOrThrow() => Success ? _value : throw Failure();

    /// <summary>Gets the value when the text parsed.</summary>
    /// <param name="value">The value, or <c>default</c> on failure.</param>
    /// <returns>Whether the text parsed.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return Success;
    }

    /// <inheritdoc/>
    public bool Equals(ParseResult<T> other) =>
        _parsed == other._parsed && EqualityComparer<T>.Default.Equals(_value, other._value) && _error.Equals(other._error) && ErrorMessage == other.ErrorMessage;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ParseResult<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_parsed, _value, _error, ErrorMessage);

    /// <inheritdoc/>
    public override string ToString() => Success ? $"{_value}" : ErrorMessage!;

    /// <summary>Whether two results are equal.</summary>
    public static bool operator ==(ParseResult<T> left, ParseResult<T> right) => left.Equals(right);

    /// <summary>Whether two results differ.</summary>
    public static bool operator !=(ParseResult<T> left, ParseResult<T> right) => !left.Equals(right);

    // Kept out of GetValueOrThrow so that its success path carries no exception-building code.
    private Exception Failure() => _parsed ? new FormatException(ErrorMessage) : new InvalidOperationException(NotParsedReason);
}

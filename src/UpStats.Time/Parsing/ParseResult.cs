using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace UpStats.Time.Parsing;

/// <summary>
/// The outcome of parsing a value such as a run interval or a lookback: the value, or the <see cref="ParseError"/>
/// saying where and why the text failed (the same error type the timestamp parser's <c>Try</c> methods give).
/// Like NodaTime's <c>ParseResult&lt;T&gt;</c>, a failure costs no exception unless
/// <see cref="GetValueOrThrow"/> is asked for one.
/// </summary>
/// <typeparam name="T">The parsed type (for example <see cref="Scheduling.RunInterval"/>, <see cref="Scheduling.LookbackDuration"/> or <see cref="Rendering.PathTemplate"/>).</typeparam>
/// <example>
/// <code>
/// ParseResult&lt;RunInterval&gt; result = RunInterval.Parse("7 MINUTES");
/// bool success = result.Success;                   // false
/// int position = result.Error.Position;            // 0
/// string? message = result.ErrorMessage;           // "'7 MINUTES' at position 0: 7 MINUTES (7 minutes) does not divide 24 hours (1,440 minutes) evenly: …"
/// // result.Value and result.GetValueOrThrow() would throw a FormatException with that message
/// bool parsed = RunInterval.Parse("15m").TryGetValue(out RunInterval interval);  // true; interval.ToString() is "15 MINUTES"
/// </code>
/// </example>
public readonly struct ParseResult<T> : IEquatable<ParseResult<T>>
    where T : notnull, IEquatable<T>
{
    // default (null for a class) on failure.
    private readonly T _value;
    private readonly ParseError _error;
    private readonly string? _input;

    private ParseResult(T value, ParseError error, string? input)
    {
        _value = value;
        _error = error;
        _input = input;
    }

    private string? FailureReason => _input is null ? null : _error.Reason;

    internal static ParseResult<T> ForValue(T value) => new(value, default, null);

    internal static ParseResult<T> ForError(int position, ParseErrorCode code, string reason, string input) => new(default!, new ParseError(position, code, reason), input);

    /// <summary>Whether the text parsed.</summary>
    public bool Success => FailureReason is null;

    /// <summary>The parsed value.</summary>
    /// <exception cref="FormatException">The text did not parse (the message says where and why).</exception>
    public T Value => GetValueOrThrow();

    /// <summary>Where (0-based index of the first offending character, the input length when the text ends early) and why the text failed; <c>default</c> on success.</summary>
    public ParseError Error => _error;

    /// <summary>The whole failure message: the reason, the position and the input; <c>null</c> on success.</summary>
    public string? ErrorMessage => FailureReason is null
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"'{_input}' at position {_error.Position}: {_error.Reason}");

    /// <summary>The value, or a <see cref="FormatException"/> carrying <see cref="ErrorMessage"/>.</summary>
    /// <exception cref="FormatException">The text did not parse.</exception>
    public T GetValueOrThrow() => FailureReason is null ? _value : throw new FormatException(ErrorMessage);

    /// <summary>Gets the value when the text parsed.</summary>
    /// <param name="value">The value, or <c>default</c> on failure.</param>
    /// <returns>Whether the text parsed.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return FailureReason is null;
    }

    /// <inheritdoc/>
    public bool Equals(ParseResult<T> other) =>
        EqualityComparer<T>.Default.Equals(_value, other._value) && _error.Equals(other._error) && _input == other._input;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ParseResult<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_value, _error, _input);

    /// <inheritdoc/>
    public override string ToString() => FailureReason is null ? $"{_value}" : ErrorMessage!;

    /// <summary>Whether two results are equal.</summary>
    public static bool operator ==(ParseResult<T> left, ParseResult<T> right) => left.Equals(right);

    /// <summary>Whether two results differ.</summary>
    public static bool operator !=(ParseResult<T> left, ParseResult<T> right) => !left.Equals(right);
}

using System.Globalization;

namespace UpStats.Time.Scheduling;

/// <summary>
/// The outcome of parsing a run interval or a lookback: the value, or where and why the text failed.
/// Like NodaTime's <c>ParseResult&lt;T&gt;</c>, a failure costs no exception unless
/// <see cref="GetValueOrThrow"/> is asked for one.
/// </summary>
/// <typeparam name="T">The parsed type (<see cref="RunInterval"/> or <see cref="LookbackDuration"/>).</typeparam>
public readonly struct ScheduleParseResult<T> : IEquatable<ScheduleParseResult<T>>
    where T : struct, IEquatable<T>
{
    private readonly T _value;
    private readonly string? _reason;
    private readonly string? _input;

    private ScheduleParseResult(T value, int position, string? reason, string? input)
    {
        _value = value;
        ErrorPosition = position;
        _reason = reason;
        _input = input;
    }

    internal static ScheduleParseResult<T> ForValue(T value) => new(value, -1, null, null);

    internal static ScheduleParseResult<T> ForError(int position, string reason, string input) => new(default, position, reason, input);

    /// <summary>Whether the text parsed.</summary>
    public bool Success => _reason is null;

    /// <summary>The parsed value.</summary>
    /// <exception cref="FormatException">The text did not parse (the message says where and why).</exception>
    public T Value => GetValueOrThrow();

    /// <summary>The 0-based index of the first offending character (the input length when the text ends early); -1 on success.</summary>
    public int ErrorPosition { get; }

    /// <summary>Why the text failed, in plain words; <c>null</c> on success.</summary>
    public string? ErrorReason => _reason;

    /// <summary>The whole failure message: the reason, the position and the input; <c>null</c> on success.</summary>
    public string? ErrorMessage => _reason is null
        ? null
        : string.Create(CultureInfo.InvariantCulture, $"'{_input}' at position {ErrorPosition}: {_reason}");

    /// <summary>The value, or a <see cref="FormatException"/> carrying <see cref="ErrorMessage"/>.</summary>
    /// <exception cref="FormatException">The text did not parse.</exception>
    public T GetValueOrThrow() => _reason is null ? _value : throw new FormatException(ErrorMessage);

    /// <summary>Gets the value when the text parsed.</summary>
    /// <param name="value">The value, or <c>default</c> on failure.</param>
    /// <returns>Whether the text parsed.</returns>
    public bool TryGetValue(out T value)
    {
        value = _value;
        return _reason is null;
    }

    /// <inheritdoc/>
    public bool Equals(ScheduleParseResult<T> other) =>
        _value.Equals(other._value) && ErrorPosition == other.ErrorPosition && _reason == other._reason && _input == other._input;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ScheduleParseResult<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_value, ErrorPosition, _reason, _input);

    /// <inheritdoc/>
    public override string ToString() => _reason is null ? $"{_value}" : ErrorMessage!;

    /// <summary>Whether two results are equal.</summary>
    public static bool operator ==(ScheduleParseResult<T> left, ScheduleParseResult<T> right) => left.Equals(right);

    /// <summary>Whether two results differ.</summary>
    public static bool operator !=(ScheduleParseResult<T> left, ScheduleParseResult<T> right) => !left.Equals(right);
}

using NodaTime;

namespace UpStats.Time.Scheduling;

/// <summary>
/// A <c>START_FROM</c> or <c>END_AT</c> value: a fixed instant, or <c>NOW</c> (read from the schedule's
/// <see cref="IClock"/> once, when the schedule is created, as Upsolver reads it when the job is created).
/// </summary>
public readonly struct ScheduleTime : IEquatable<ScheduleTime>
{
    private readonly Instant _instant;

    private ScheduleTime(Instant instant, bool isNow)
    {
        _instant = instant;
        IsNow = isNow;
    }

    /// <summary><c>NOW</c>: the clock's current instant when the schedule is created.</summary>
    public static ScheduleTime Now => new(default, true);

    /// <summary>Whether this is <c>NOW</c>.</summary>
    public bool IsNow { get; }

    /// <summary>A fixed instant.</summary>
    public static ScheduleTime At(Instant instant) => new(instant, false);

    /// <summary>A fixed instant.</summary>
    public static implicit operator ScheduleTime(Instant instant) => At(instant);

    /// <summary>The instant: the fixed one, or <paramref name="clock"/>'s current instant for <c>NOW</c>.</summary>
    public Instant Resolve(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return IsNow ? clock.GetCurrentInstant() : _instant;
    }

    /// <inheritdoc/>
    public bool Equals(ScheduleTime other) => IsNow == other.IsNow && _instant == other._instant;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ScheduleTime other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsNow, _instant);

    /// <summary><c>NOW</c>, or the instant in ISO form.</summary>
    public override string ToString() => IsNow ? "NOW" : _instant.ToString();

    /// <summary>Whether two values are equal.</summary>
    public static bool operator ==(ScheduleTime left, ScheduleTime right) => left.Equals(right);

    /// <summary>Whether two values differ.</summary>
    public static bool operator !=(ScheduleTime left, ScheduleTime right) => !left.Equals(right);
}

using NodaTime;
namespace UpStats.Time.Partitioning;

/// <summary>
/// The part <c>[Start, End)</c> of one source partition that a local partition reads. <see cref="IsWhole"/>
/// says the slice is the entire source partition, so its rows can be taken without looking at their times.
/// </summary>
public readonly struct SourceSlice : IEquatable<SourceSlice>
{
    // Ticks, not Instants: building a year of slices stays cheap; Instants are made when asked for.
    private readonly long _startTicks;
    private readonly long _endTicks;

    internal SourceSlice(SourcePartitionKey key, long startTicks, long endTicks, bool isWhole)
    {
        Key = key;
        _startTicks = startTicks;
        _endTicks = endTicks;
        IsWhole = isWhole;
    }

    /// <summary>The source partition read.</summary>
    public SourcePartitionKey Key { get; }

    /// <summary>The first instant read (inclusive).</summary>
    public Instant Start => Instant.FromUnixTimeTicks(_startTicks);

    /// <summary>The end of the slice (exclusive).</summary>
    public Instant End => Instant.FromUnixTimeTicks(_endTicks);

    /// <summary><c>[Start, End)</c> as an interval.</summary>
    public Interval Interval => new(Start, End);

    /// <summary>Whether the slice is the whole source partition (copy it as is) rather than a cut (filter its rows by time).</summary>
    public bool IsWhole { get; }

    internal long StartTicks => _startTicks;

    internal long EndTicks => _endTicks;

    /// <summary>For example <c>2024-11-03T08 [2024-11-03T08:00:00Z, 2024-11-03T09:00:00Z) whole</c>.</summary>
    public override string ToString() => $"{Key} [{Start}, {End}) {(IsWhole ? "whole" : "cut")}";

    /// <inheritdoc/>
    public bool Equals(SourceSlice other) =>
        Key == other.Key && _startTicks == other._startTicks && _endTicks == other._endTicks && IsWhole == other.IsWhole;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SourceSlice other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Key, _startTicks, _endTicks, IsWhole);

    /// <summary>Equality.</summary>
    public static bool operator ==(SourceSlice left, SourceSlice right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(SourceSlice left, SourceSlice right) => !left.Equals(right);
}

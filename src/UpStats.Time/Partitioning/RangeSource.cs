namespace UpStats.Time.Partitioning;

/// <summary>
/// A source partition that a <see cref="LocalRange"/> reads: its key, and whether the range holds all of it
/// (take its rows as they are) or only part (filter its rows by time).
/// </summary>
public readonly struct RangeSource : IEquatable<RangeSource>
{
    internal RangeSource(SourcePartitionKey key, bool isWhole)
    {
        Key = key;
        IsWhole = isWhole;
    }

    /// <summary>The source partition.</summary>
    public SourcePartitionKey Key { get; }

    /// <summary>Whether every instant of the source partition lies in the range.</summary>
    public bool IsWhole { get; }

    /// <summary>For example <c>2024-11-03T08 whole</c> or <c>2024-03-10T09 cut</c>.</summary>
    public override string ToString() => $"{Key} {(IsWhole ? "whole" : "cut")}";

    /// <inheritdoc/>
    public bool Equals(RangeSource other) => Key == other.Key && IsWhole == other.IsWhole;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RangeSource other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Key, IsWhole);

    /// <summary>Equality.</summary>
    public static bool operator ==(RangeSource left, RangeSource right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(RangeSource left, RangeSource right) => !left.Equals(right);
}

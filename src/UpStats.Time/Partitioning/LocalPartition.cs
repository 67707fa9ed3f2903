using NodaTime;
using System.Text;

namespace UpStats.Time.Partitioning;

/// <summary>
/// One partition of the target zone's local clock: its <see cref="Key"/>, its <see cref="Kind"/>, the UTC
/// <see cref="Intervals"/> it owns (ordered, disjoint, adjacent ones joined) and the <see cref="Sources"/> it
/// reads, each with the slice it takes.
/// </summary>
/// <remarks>
/// A value that views slices of arrays shared by every partition of one <see cref="PartitionMap.PartitionsOf"/>
/// call: a year of hourly partitions is three arrays rather than 8,760 objects, which is what makes planning
/// fast (see <c>benchmarks/results/</c>). <c>default(LocalPartition)</c> is a skipped partition with no sources.
/// </remarks>
public readonly struct LocalPartition : IEquatable<LocalPartition>
{
    private readonly ReadOnlyMemory<Interval> _intervals;
    private readonly ReadOnlyMemory<SourceSlice> _sources;

    internal LocalPartition(LocalPartitionKey key, PartitionKind kind, ReadOnlyMemory<Interval> intervals, ReadOnlyMemory<SourceSlice> sources)
    {
        Key = key;
        Kind = kind;
        _intervals = intervals;
        _sources = sources;
    }

    /// <summary>The label of the partition on the target zone's clock.</summary>
    public LocalPartitionKey Key { get; }

    /// <summary>Skipped, regular, merged or partial.</summary>
    public PartitionKind Kind { get; }

    /// <summary>The instants the partition owns: ordered, disjoint half-open intervals, adjacent ones joined; empty when skipped.</summary>
    public ReadOnlySpan<Interval> Intervals => _intervals.Span;

    /// <summary>The source partitions read, in time order, each with the slice taken.</summary>
    public ReadOnlySpan<SourceSlice> Sources => _sources.Span;

    /// <summary>For example <c>2024-11-03T01 merged [08:00Z–10:00Z) ← 2024-11-03T08, 2024-11-03T09</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Key.ToString()).Append(' ').Append(Kind.ToString().ToLowerInvariant());
        foreach (var interval in Intervals)
        {
            text.Append(' ').Append(interval.ToString());
        }
        if (Sources.Length > 0)
        {
            text.Append(" <-");
            foreach (var slice in Sources)
            {
                text.Append(' ').Append(slice.Key.ToString()).Append(slice.IsWhole ? "" : "(cut)");
            }
        }
        return text.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(LocalPartition other) =>
        Key == other.Key && Kind == other.Kind && Intervals.SequenceEqual(other.Intervals) && Sources.SequenceEqual(other.Sources);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LocalPartition other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Key, Kind, _intervals.Length, _sources.Length);

    /// <summary>Equality of key, kind, intervals and sources.</summary>
    public static bool operator ==(LocalPartition left, LocalPartition right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(LocalPartition left, LocalPartition right) => !left.Equals(right);
}

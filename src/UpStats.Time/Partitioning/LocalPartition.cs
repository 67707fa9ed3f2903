using NodaTime;
using System.Text;

namespace UpStats.Time.Partitioning;

/// <summary>
/// One partition of the target zone's local clock: its <see cref="Key"/>, its <see cref="Kind"/>, the UTC
/// <see cref="Intervals"/> it owns (ordered, disjoint, adjacent ones joined) and the <see cref="Sources"/> it
/// reads, each with the slice it takes.
/// </summary>
/// <remarks>
/// A value, never an object per partition: near a transition its lists view arrays shared by one
/// <see cref="PartitionMap.PartitionsOf"/> call; elsewhere (a stretch of constant offset over a fixed-offset source
/// layout) it holds its one interval and its slices are computed when read. That is what makes planning a year cheap
/// (see <c>benchmarks/results/</c>). <c>default(LocalPartition)</c> is a skipped partition with no sources.
/// </remarks>
public readonly struct LocalPartition : IEquatable<LocalPartition>
{
    internal LocalPartition(LocalPartitionKey key, PartitionKind kind, ReadOnlyValueList<Interval> intervals, ReadOnlyValueList<SourceSlice> sources)
    {
        Key = key;
        Kind = kind;
        Intervals = intervals;
        Sources = sources;
    }

    /// <summary>The one owned interval <c>[start, end)</c> inside a stretch of constant offset, its slices computed from the layout when read.</summary>
    internal LocalPartition(LocalPartitionKey key, PartitionKind kind, long start, long end, SourceLayout layout, long firstSourceLabel, int sourceCount)
        : this(key, kind, IntervalSeries.One(start, end), layout.Slices.Of(start, end, firstSourceLabel, sourceCount))
    {
    }

    /// <summary>The label of the partition on the target zone's clock.</summary>
    public LocalPartitionKey Key { get; }

    /// <summary>Skipped, regular, merged or partial.</summary>
    public PartitionKind Kind { get; }

    /// <summary>The instants the partition owns: ordered, disjoint half-open intervals, adjacent ones joined; empty when skipped.</summary>
    public ReadOnlyValueList<Interval> Intervals { get; }

    /// <summary>The source partitions read, in time order, each with the slice taken.</summary>
    public ReadOnlyValueList<SourceSlice> Sources { get; }

    /// <summary>For example <c>2024-11-03T01 merged 2024-11-03T08:00:00Z/2024-11-03T10:00:00Z &lt;- 2024-11-03T08 2024-11-03T09</c> (a cut source is marked <c>(cut)</c>).</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Key.ToString()).Append(' ').Append(Kind.ToString().ToLowerInvariant());
        foreach (var interval in Intervals)
        {
            text.Append(' ').Append(interval.ToString());
        }
        if (Sources.Count > 0)
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
        Key == other.Key && Kind == other.Kind && Intervals == other.Intervals && Sources == other.Sources;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LocalPartition other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Key, Kind, Intervals.Count, Sources.Count);

    /// <summary>Equality of key, kind, intervals and sources.</summary>
    public static bool operator ==(LocalPartition left, LocalPartition right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(LocalPartition left, LocalPartition right) => !left.Equals(right);
}

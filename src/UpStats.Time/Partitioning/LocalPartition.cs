using NodaTime;
using System.Text;

namespace UpStats.Time.Partitioning;

/// <summary>
/// One partition of the target zone's local clock: its <see cref="Key"/>, its <see cref="Kind"/>, the UTC
/// <see cref="Intervals"/> it owns (ordered, disjoint, adjacent ones joined) and the <see cref="Sources"/> it
/// reads, each with the slice it takes.
/// </summary>
/// <remarks>
/// A value, never an object per partition: near a transition it views arrays shared by one
/// <see cref="PartitionMap.PartitionsOf"/> call; elsewhere (a stretch of constant offset over a fixed-offset source
/// layout) it holds its one interval and computes its slices when asked. That is what makes planning a year cheap
/// (see <c>benchmarks/results/</c>). <c>default(LocalPartition)</c> is a skipped partition with no sources.
/// </remarks>
public readonly struct LocalPartition : IEquatable<LocalPartition>
{
    // Explicit: views of a plan's arrays. Uniform (_layout set): one owned interval [_start, _end) inside a stretch of
    // constant offset, whose source slices are computed from the layout when asked for.
    private readonly ReadOnlyMemory<Interval> _intervals;
    private readonly ReadOnlyMemory<SourceSlice> _sources;
    private readonly SourceLayout? _layout;
    private readonly long _start;
    private readonly long _end;
    private readonly long _firstSourceLabel;
    private readonly int _sourceCount;

    internal LocalPartition(LocalPartitionKey key, PartitionKind kind, ReadOnlyMemory<Interval> intervals, ReadOnlyMemory<SourceSlice> sources)
    {
        Key = key;
        Kind = kind;
        _intervals = intervals;
        _sources = sources;
        _layout = null;
        _start = _end = _firstSourceLabel = 0;
        _sourceCount = 0;
    }

    internal LocalPartition(LocalPartitionKey key, PartitionKind kind, long start, long end, SourceLayout layout, long firstSourceLabel, int sourceCount)
    {
        Key = key;
        Kind = kind;
        _intervals = default;
        _sources = default;
        _layout = layout;
        _start = start;
        _end = end;
        _firstSourceLabel = firstSourceLabel;
        _sourceCount = sourceCount;
    }

    /// <summary>The label of the partition on the target zone's clock.</summary>
    public LocalPartitionKey Key { get; }

    /// <summary>Skipped, regular, merged or partial.</summary>
    public PartitionKind Kind { get; }

    /// <summary>The instants the partition owns: ordered, disjoint half-open intervals, adjacent ones joined; empty when skipped.</summary>
    public IntervalList Intervals => _layout is null ? new IntervalList(_intervals) : new IntervalList(_start, _end);

    /// <summary>The source partitions read, in time order, each with the slice taken.</summary>
    public SourceSliceList Sources => _layout is null ? new SourceSliceList(_sources) : new SourceSliceList(_start, _end, _layout, _firstSourceLabel, _sourceCount);

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
        Key == other.Key && Kind == other.Kind && Intervals.ToArray().AsSpan().SequenceEqual(other.Intervals.ToArray())
        && Sources.ToArray().AsSpan().SequenceEqual(other.Sources.ToArray());

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LocalPartition other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Key, Kind, Intervals.Count, Sources.Count);

    /// <summary>Equality of key, kind, intervals and sources.</summary>
    public static bool operator ==(LocalPartition left, LocalPartition right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(LocalPartition left, LocalPartition right) => !left.Equals(right);
}

using UpStats.Time.Grid;

namespace UpStats.Time.Partitioning;

/// <summary>
/// The local partitions of a date range, as returned by <see cref="PartitionMap.PartitionsOf"/>, stored as runs:
/// a stretch of constant offset is one run whose partitions are computed when read, and only the labels near a
/// transition are computed ahead, so planning a year costs about as much as its transitions.
/// </summary>
internal sealed class PartitionRuns : ValueListItems<LocalPartition>
{
    private readonly PartitionMap _map;
    private readonly Run[] _runs;
    private readonly int[] _runStarts;
    private readonly LocalPartition[] _explicit;
    private readonly int _count;

    internal PartitionRuns(PartitionMap map, Run[] runs, LocalPartition[] explicitPartitions, int count)
    {
        _map = map;
        _runs = runs;
        _explicit = explicitPartitions;
        _count = count;
        _runStarts = new int[runs.Length];
        for (int i = 0; i < runs.Length; i++)
        {
            _runStarts[i] = runs[i].FirstIndex;
        }
    }

    /// <summary>Every partition, in order: 24 per local date for hours (skipped ones included), 1 for days.</summary>
    internal ReadOnlyValueList<LocalPartition> List => new(this, 0, 0, 0, _count);

    internal override LocalPartition Get(long a, long b, long c, int index, ref int cursor)
    {
        int r = RunOf(_runStarts, index, ref cursor);
        return Get(_runs[r], index - _runs[r].FirstIndex);
    }

    private LocalPartition Get(in Run run, int k)
    {
        if (run.ExplicitStart >= 0)
        {
            return _explicit[run.ExplicitStart + k];
        }
        long step = _map.Grid.StepTicks;
        long label = run.FirstLabel + k * step;
        long start = label - run.Offset, end = start + step;
        var layout = _map.Source;
        if (run.SourceCount > 0)
        {
            // Every label of the run has the same phase against the source cells: first cell = start + offset − phase.
            return new LocalPartition(new LocalPartitionKey(label, _map.Granularity), run.Kind, start, end, layout,
                start + layout.Grid.FixedOffsetTicks - run.Phase, run.SourceCount);
        }
        var (kind, firstLabel, count) = Uniform(layout.Grid, start, end);
        return new LocalPartition(new LocalPartitionKey(label, _map.Granularity), kind, start, end, layout, firstLabel, count);
    }

    /// <summary>The kind, first source label and source count of an owned interval [start, end) over a fixed-offset source grid.</summary>
    internal static (PartitionKind Kind, long FirstLabel, int Count) Uniform(LocalClockGrid source, long start, long end)
    {
        long offset = source.FixedOffsetTicks, step = source.StepTicks;
        long first = source.FloorLabel(start + offset);
        long last = source.FloorLabel(end - 1 + offset);
        int count = (int)((last - first) / step) + 1;
        bool cut = first != start + offset || last + step != end + offset;
        return (cut ? PartitionKind.Partial : count == 1 ? PartitionKind.Regular : PartitionKind.Merged, first, count);
    }

    /// <summary>
    /// Consecutive partitions: <see cref="ExplicitStart"/> ≥ 0 for precomputed ones; otherwise a run of labels from
    /// <see cref="FirstLabel"/> all at <see cref="Offset"/>, with <see cref="Phase"/>/<see cref="SourceCount"/>/<see cref="Kind"/>
    /// precomputed when the step is a multiple of the source step (<see cref="SourceCount"/> 0 otherwise).
    /// </summary>
    internal readonly record struct Run(int FirstIndex, int Count, long FirstLabel, long Offset, int ExplicitStart, long Phase, int SourceCount, PartitionKind Kind);
}

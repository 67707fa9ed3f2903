namespace UpStats.Time.Partitioning;

/// <summary>
/// The source partitions a <see cref="LocalRange"/> reads, stored as runs of consecutive source partitions, so a
/// ten-year range holds a handful of runs, not 87,600 entries; <see cref="LocalRange.Sources"/> lists them.
/// </summary>
internal sealed class RangeSourceRuns : ValueListItems<RangeSource>
{
    private readonly Run[] _runs;
    private readonly int[] _runStarts;
    private readonly KeyPrecision _precision;

    internal RangeSourceRuns(Run[] runs, long step, KeyPrecision precision)
    {
        _runs = runs;
        StepTicks = step;
        _precision = precision;
        _runStarts = new int[runs.Length];
        long count = 0;
        for (int i = 0; i < runs.Length; i++)
        {
            // A list index is an int; a range past two billion source partitions (4,000 years of minutes) is refused earlier.
            _runStarts[i] = checked((int)count);
            count += runs[i].Count;
        }
        Count = checked((int)count);
    }

    /// <summary>How many source partitions the runs hold.</summary>
    internal int Count { get; }

    /// <summary>The runs: consecutive labels (one source step apart), all whole or all cut.</summary>
    internal ReadOnlySpan<Run> Runs => _runs;

    /// <summary>The source step in ticks (labels of a run are this far apart).</summary>
    internal long StepTicks { get; }

    /// <summary>Every source, in order of their labels.</summary>
    internal ReadOnlyValueList<RangeSource> List => new(this, 0, 0, 0, Count);

    internal override RangeSource Get(long a, long b, long c, int index, ref int cursor)
    {
        int r = RunOf(_runStarts, index, ref cursor);
        var run = _runs[r];
        return new RangeSource(new SourcePartitionKey(run.FirstLabel + ((index - _runStarts[r]) * StepTicks), _precision), run.IsWhole);
    }

    /// <summary>
    /// Consecutive source labels <c>FirstLabel + k·step</c> for k in [0, Count), in source-local ticks, all whole
    /// or all cut.
    /// </summary>
    internal readonly record struct Run(long FirstLabel, long Count, bool IsWhole)
    {
        internal long LastLabel(long step) => FirstLabel + ((Count - 1) * step);
    }
}

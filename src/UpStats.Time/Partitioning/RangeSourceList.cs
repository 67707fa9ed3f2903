using System.Collections;

namespace UpStats.Time.Partitioning;

/// <summary>
/// The source partitions a <see cref="LocalRange"/> reads, in order of their labels. A value over runs of
/// consecutive source partitions, so a ten-year range holds a handful of runs, not 87,600 entries.
/// </summary>
public readonly struct RangeSourceList : IReadOnlyList<RangeSource>
{
    private readonly Run[]? _runs;
    private readonly long _step;
    private readonly KeyPrecision _precision;
    private readonly int _count;

    internal RangeSourceList(Run[] runs, long step, KeyPrecision precision)
    {
        _runs = runs;
        _step = step;
        _precision = precision;
        long count = 0;
        foreach (var run in runs)
        {
            count += run.Count;
        }
        // A list index is an int; a range past two billion source partitions (4,000 years of minutes) is refused earlier.
        _count = checked((int)count);
    }

    /// <summary>How many source partitions are read.</summary>
    public int Count => _count;

    /// <summary>Whether nothing is read (an empty range).</summary>
    public bool IsEmpty => _count == 0;

    /// <summary>The runs: consecutive labels (one source step apart), all whole or all cut.</summary>
    internal ReadOnlySpan<Run> Runs => _runs;

    /// <summary>The source step in ticks (labels of a run are this far apart).</summary>
    internal long StepTicks => _step;

    internal KeyPrecision Precision => _precision;

    /// <summary>The source at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, Count).</exception>
    public RangeSource this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The list has {_count} sources.");
            }
            long i = index;
            foreach (var run in _runs!)
            {
                if (i < run.Count)
                {
                    return new RangeSource(new SourcePartitionKey(run.FirstLabel + (i * _step), _precision), run.IsWhole);
                }
                i -= run.Count;
            }
            throw new InvalidOperationException("unreachable: the runs hold Count sources");
        }
    }

    /// <summary>A copy as an array.</summary>
    public RangeSource[] ToArray()
    {
        var result = new RangeSource[_count];
        int i = 0;
        foreach (var source in this)
        {
            result[i++] = source;
        }
        return result;
    }

    /// <summary>An enumerator that does not allocate.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<RangeSource> IEnumerable<RangeSource>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// Consecutive source labels <c>FirstLabel + k·step</c> for k in [0, Count), in source-local ticks, all whole
    /// or all cut.
    /// </summary>
    internal readonly record struct Run(long FirstLabel, long Count, bool IsWhole)
    {
        internal long LastLabel(long step) => FirstLabel + ((Count - 1) * step);
    }

    /// <summary>Enumerates the sources run by run without allocating.</summary>
    public struct Enumerator : IEnumerator<RangeSource>
    {
        private readonly RangeSourceList _list;
        private int _run;
        private long _index;

        internal Enumerator(RangeSourceList list)
        {
            _list = list;
            _run = 0;
            _index = -1;
        }

        /// <inheritdoc/>
        public readonly RangeSource Current
        {
            get
            {
                var run = _list._runs![_run];
                return new RangeSource(new SourcePartitionKey(run.FirstLabel + (_index * _list._step), _list._precision), run.IsWhole);
            }
        }

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext()
        {
            var runs = _list._runs;
            if (runs is null || _run >= runs.Length)
            {
                return false;
            }
            if (++_index < runs[_run].Count)
            {
                return true;
            }
            _index = 0;
            return ++_run < runs.Length;
        }

        /// <inheritdoc/>
        public void Reset() => (_run, _index) = (0, -1);

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}

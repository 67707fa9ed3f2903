using System.Collections;

namespace UpStats.Time.Partitioning;

/// <summary>
/// The source partitions a <see cref="LocalPartition"/> reads, in time order, each with its slice. A value (no
/// allocation): either a view of a plan's shared array, or, inside a stretch of constant offset over a
/// fixed-offset source layout, computed on demand from the owned interval and the layout.
/// </summary>
public readonly struct SourceSliceList : IReadOnlyList<SourceSlice>
{
    private readonly ReadOnlyMemory<SourceSlice> _items;
    private readonly SourceLayout? _layout;
    private readonly long _start;
    private readonly long _end;
    private readonly long _firstLabel;
    private readonly int _count;

    internal SourceSliceList(ReadOnlyMemory<SourceSlice> items)
    {
        _items = items;
        _layout = null;
        _start = _end = _firstLabel = 0;
        _count = items.Length;
    }

    /// <summary>The cells of a fixed-offset source layout covering [start, end): the first one's label and how many.</summary>
    internal SourceSliceList(long start, long end, SourceLayout layout, long firstLabel, int count)
    {
        _items = default;
        _layout = layout;
        _start = start;
        _end = end;
        _firstLabel = firstLabel;
        _count = count;
    }

    /// <summary>How many source partitions are read.</summary>
    public int Count => _count;

    /// <summary>Whether nothing is read (a skipped partition).</summary>
    public bool IsEmpty => _count == 0;

    /// <summary>The slice at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, Count).</exception>
    public SourceSlice this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The list has {_count} slices.");
            }
            if (_layout is null)
            {
                return _items.Span[index];
            }
            var grid = _layout.Grid;
            long label = _firstLabel + index * grid.StepTicks;
            long pieceStart = label - grid.FixedOffsetTicks, pieceEnd = pieceStart + grid.StepTicks;
            long start = Math.Max(pieceStart, _start), end = Math.Min(pieceEnd, _end);
            return new SourceSlice(new SourcePartitionKey(label, _layout.Precision), start, end, start == pieceStart && end == pieceEnd);
        }
    }

    /// <summary>A copy as an array.</summary>
    public SourceSlice[] ToArray()
    {
        var result = new SourceSlice[_count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = this[i];
        }
        return result;
    }

    /// <summary>An enumerator that does not allocate.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<SourceSlice> IEnumerable<SourceSlice>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates the slices without allocating.</summary>
    public struct Enumerator : IEnumerator<SourceSlice>
    {
        private readonly SourceSliceList _list;
        private int _index;

        internal Enumerator(SourceSliceList list)
        {
            _list = list;
            _index = -1;
        }

        /// <inheritdoc/>
        public readonly SourceSlice Current => _list[_index];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++_index < _list.Count;

        /// <inheritdoc/>
        public void Reset() => _index = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}

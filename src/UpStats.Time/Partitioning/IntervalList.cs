using System.Collections;
using NodaTime;

namespace UpStats.Time.Partitioning;

/// <summary>
/// The UTC intervals a <see cref="LocalPartition"/> owns: ordered, disjoint, half-open, adjacent ones joined.
/// A value (no allocation): either one interval held inline, or a view of a plan's shared array.
/// </summary>
public readonly struct IntervalList : IReadOnlyList<Interval>
{
    private readonly ReadOnlyMemory<Interval> _items;
    private readonly long _start;
    private readonly long _end;
    private readonly bool _single;

    internal IntervalList(ReadOnlyMemory<Interval> items)
    {
        _items = items;
        _start = _end = 0;
        _single = false;
    }

    internal IntervalList(long start, long end)
    {
        _items = default;
        _start = start;
        _end = end;
        _single = true;
    }

    /// <summary>How many intervals: 0 when skipped, usually 1, 2 when an hour is read twice with other hours between.</summary>
    public int Count => _single ? 1 : _items.Length;

    /// <summary>Whether the partition owns no instant.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The interval at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, Count).</exception>
    public Interval this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The list has {Count} intervals.");
            }
            return _single ? new Interval(Instant.FromUnixTimeTicks(_start), Instant.FromUnixTimeTicks(_end)) : _items.Span[index];
        }
    }

    /// <summary>A copy as an array.</summary>
    public Interval[] ToArray()
    {
        var result = new Interval[Count];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = this[i];
        }
        return result;
    }

    /// <summary>An enumerator that does not allocate.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Interval> IEnumerable<Interval>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates the intervals without allocating.</summary>
    public struct Enumerator : IEnumerator<Interval>
    {
        private readonly IntervalList _list;
        private int _index;

        internal Enumerator(IntervalList list)
        {
            _list = list;
            _index = -1;
        }

        /// <inheritdoc/>
        public readonly Interval Current => _list[_index];

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

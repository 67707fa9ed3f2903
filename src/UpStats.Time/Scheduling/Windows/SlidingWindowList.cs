using System.Collections;
using System.Runtime.InteropServices;
using NodaTime;

namespace UpStats.Time.Scheduling.Windows;

/// <summary>
/// The sliding windows that contain one instant, oldest first (see <see cref="WindowMath.SlidingWindowsContaining"/>).
/// Enumerating it with <c>foreach</c> allocates nothing.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly struct SlidingWindowList : IReadOnlyList<Interval>
{
    private readonly long _firstStart;
    private readonly long _size;
    private readonly long _slide;

    internal SlidingWindowList(long firstStart, int count, long size, long slide)
    {
        _firstStart = firstStart;
        Count = count;
        _size = size;
        _slide = slide;
    }

    /// <summary>The number of windows.</summary>
    public int Count { get; }

    /// <summary>The <paramref name="index"/>-th window, oldest first.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside <c>[0, Count)</c>.</exception>
    public Interval this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            long start = _firstStart + index * _slide;
            return new Interval(Instant.FromUnixTimeTicks(start), Instant.FromUnixTimeTicks(start + _size));
        }
    }

    /// <summary>The allocation-free enumerator (used by <c>foreach</c>).</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Interval> IEnumerable<Interval>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the windows oldest first.</summary>
    [StructLayout(LayoutKind.Auto)]
    public struct Enumerator : IEnumerator<Interval>
    {
        private readonly SlidingWindowList _list;
        private int _index;

        internal Enumerator(SlidingWindowList list)
        {
            _list = list;
            _index = -1;
        }

        /// <summary>The current window.</summary>
        public readonly Interval Current => _list[_index];

        readonly object IEnumerator.Current => Current;

        /// <summary>Moves to the next window.</summary>
        public bool MoveNext() => ++_index < _list.Count;

        /// <summary>Starts again from the oldest window.</summary>
        public void Reset() => _index = -1;

        /// <summary>Nothing to release.</summary>
        public readonly void Dispose()
        {
        }
    }
}

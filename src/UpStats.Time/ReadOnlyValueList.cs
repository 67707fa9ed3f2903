using System.Collections;
using System.Runtime.InteropServices;
using NodaTime;

namespace UpStats.Time;

/// <summary>
/// A read-only list that is a value: the intervals a partition or range owns, the sources it reads, the partitions
/// of a date range, the sliding windows holding an instant. Indexing, counting, <c>foreach</c> and comparing
/// allocate nothing; items are either a view of an array shared by one call, or computed when read from a few
/// numbers (a run of consecutive hours, an arithmetic series of windows), so a ten-year list costs as little as a day.
/// </summary>
/// <typeparam name="T">The item: an <see cref="Interval"/>, a source slice, a local partition, …</typeparam>
/// <remarks>
/// <c>default(ReadOnlyValueList&lt;T&gt;)</c> is empty. Two lists are equal when they hold equal items in the same
/// order, however they are stored. It implements <see cref="IReadOnlyList{T}"/> for LINQ, which boxes the list and
/// its enumerator; <c>foreach</c> over the list itself uses the struct <see cref="Enumerator"/> and does not.
/// </remarks>
[StructLayout(LayoutKind.Auto)]
public readonly struct ReadOnlyValueList<T> : IReadOnlyList<T>, IEquatable<ReadOnlyValueList<T>>
{
    // Either a view of _array from index _a, or _items computing item k from (_a, _b, _c, k).
    private readonly T[]? _array;
    private readonly ValueListItems<T>? _items;
    private readonly long _a;
    private readonly long _b;
    private readonly long _c;
    private readonly int _count;

    /// <summary>A view of <paramref name="count"/> items of <paramref name="array"/> from <paramref name="start"/>.</summary>
    internal ReadOnlyValueList(T[] array, int start, int count)
    {
        _array = array;
        _items = null;
        _a = start;
        _b = _c = 0;
        _count = count;
    }

    /// <summary><paramref name="count"/> items computed by <paramref name="items"/> from three numbers it defines.</summary>
    internal ReadOnlyValueList(ValueListItems<T> items, long a, long b, long c, int count)
    {
        _array = null;
        _items = items;
        _a = a;
        _b = b;
        _c = c;
        _count = count;
    }

    /// <summary>How many items.</summary>
    public int Count => _count;

    /// <summary>Whether the list holds no item.</summary>
    public bool IsEmpty => _count == 0;

    /// <summary>The item at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in <c>[0, Count)</c>.</exception>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The list has {_count} items.");
            }
            int cursor = 0;
            return Get(index, ref cursor);
        }
    }

    /// <summary>A copy as an array.</summary>
    public T[] ToArray()
    {
        if (_count == 0)
        {
            return [];
        }
        var result = new T[_count];
        int i = 0;
        foreach (var item in this)
        {
            result[i++] = item;
        }
        return result;
    }

    /// <summary>The enumerator <c>foreach</c> uses: a struct, so enumerating allocates nothing.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether both lists hold equal items in the same order.</summary>
    public bool Equals(ReadOnlyValueList<T> other)
    {
        if (_count != other._count)
        {
            return false;
        }
        var comparer = EqualityComparer<T>.Default;
        var mine = GetEnumerator();
        var theirs = other.GetEnumerator();
        while (mine.MoveNext() && theirs.MoveNext())
        {
            if (!comparer.Equals(mine.Current, theirs.Current))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ReadOnlyValueList<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_count);
        foreach (var item in this)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    /// <summary>Whether both lists hold equal items in the same order.</summary>
    public static bool operator ==(ReadOnlyValueList<T> left, ReadOnlyValueList<T> right) => left.Equals(right);

    /// <summary>Whether the lists differ in length or in an item.</summary>
    public static bool operator !=(ReadOnlyValueList<T> left, ReadOnlyValueList<T> right) => !left.Equals(right);

    /// <summary>Item <paramref name="index"/> (in range); <paramref name="cursor"/> lets a run-based list resume its search.</summary>
    private T Get(int index, ref int cursor) =>
        _array is not null ? _array[(int)_a + index] : _items!.Get(_a, _b, _c, index, ref cursor);

    /// <summary>Walks the items in order without allocating.</summary>
    [StructLayout(LayoutKind.Auto)]
    public struct Enumerator : IEnumerator<T>
    {
        private readonly ReadOnlyValueList<T> _list;
        private int _index;
        private int _cursor;
        private T _current;

        internal Enumerator(ReadOnlyValueList<T> list)
        {
            _list = list;
            _index = -1;
            _cursor = 0;
            _current = default!;
        }

        /// <summary>The current item.</summary>
        public readonly T Current => _current;

        readonly object? IEnumerator.Current => _current;

        /// <summary>Moves to the next item.</summary>
        public bool MoveNext()
        {
            if (_index + 1 < _list._count)
            {
                _current = _list.Get(++_index, ref _cursor);
                return true;
            }
            _index = _list._count;
            return false;
        }

        /// <summary>Starts again before the first item.</summary>
        public void Reset() => (_index, _cursor, _current) = (-1, 0, default!);

        /// <summary>Nothing to release.</summary>
        public readonly void Dispose()
        {
        }
    }
}

/// <summary>
/// How a computed <see cref="ReadOnlyValueList{T}"/> makes item <c>k</c> from the three numbers the list holds
/// (their meaning is the subclass's). One instance serves many lists: a singleton, or one per layout or per call.
/// </summary>
internal abstract class ValueListItems<T>
{
    /// <summary>
    /// Item <paramref name="index"/>. <paramref name="cursor"/> starts at 0 and is kept between calls by an
    /// enumerator, so a list stored as runs finds the next item's run without searching.
    /// </summary>
    internal abstract T Get(long a, long b, long c, int index, ref int cursor);

    /// <summary>
    /// The run holding <paramref name="index"/>, given the first index of each run (ascending, the first 0):
    /// the run at <paramref name="cursor"/> or the next one (an enumerator's case), else a binary search.
    /// </summary>
    private protected static int RunOf(int[] runStarts, int index, ref int cursor)
    {
        int r = cursor;
        if (r < runStarts.Length && runStarts[r] <= index && (r + 1 == runStarts.Length || index < runStarts[r + 1]))
        {
            return r;
        }
        if (r + 1 < runStarts.Length && runStarts[r + 1] <= index && (r + 2 == runStarts.Length || index < runStarts[r + 2]))
        {
            return cursor = r + 1;
        }
        r = Array.BinarySearch(runStarts, index);
        return cursor = r < 0 ? ~r - 1 : r;
    }
}

/// <summary>
/// Intervals in arithmetic progression: item k is <c>[a + k·c, a + k·c + b)</c> in ticks. One interval is the case
/// <c>c = 0</c>; the sliding windows holding an instant are <c>(first start, size, slide)</c>.
/// </summary>
internal sealed class IntervalSeries : ValueListItems<Interval>
{
    private static readonly IntervalSeries Instance = new();

    private IntervalSeries()
    {
    }

    /// <summary>The one interval <c>[start, end)</c>.</summary>
    internal static ReadOnlyValueList<Interval> One(long start, long end) => new(Instance, start, end - start, 0, 1);

    /// <summary><paramref name="count"/> intervals of <paramref name="length"/> ticks, <paramref name="stride"/> ticks apart.</summary>
    internal static ReadOnlyValueList<Interval> Of(long firstStart, long length, long stride, int count) => new(Instance, firstStart, length, stride, count);

    internal override Interval Get(long a, long b, long c, int index, ref int cursor)
    {
        long start = a + index * c;
        return new Interval(Instant.FromUnixTimeTicks(start), Instant.FromUnixTimeTicks(start + b));
    }
}

namespace UpStats.Time.Scheduling.Windows;

/// <summary>A growable ring buffer of panes (start, end, state), oldest first. Grows by doubling; never shrinks.</summary>
internal sealed class PaneRing<TState>
{
    private long[] _starts;
    private long[] _ends;
    private TState[] _states;
    private int _head;

    internal PaneRing(int capacity)
    {
        capacity = Math.Max(4, capacity);
        _starts = new long[capacity];
        _ends = new long[capacity];
        _states = new TState[capacity];
    }

    internal int Count { get; private set; }

    internal long OldestStart => _starts[_head];

    internal long OldestEnd => _ends[_head];

    internal TState OldestState => _states[_head];

    internal long NewestEnd => _ends[Index(Count - 1)];

    internal TState StateAt(int fromOldest) => _states[Index(fromOldest)];

    internal void Push(long start, long end, TState state)
    {
        if (Count == _states.Length)
        {
            Grow(Count * 2);
        }
        int i = Index(Count);
        _starts[i] = start;
        _ends[i] = end;
        _states[i] = state;
        Count++;
    }

    internal TState PopOldest()
    {
        var state = _states[_head];
        _states[_head] = default!;
        _head = _head + 1 == _states.Length ? 0 : _head + 1;
        Count--;
        return state;
    }

    internal void Clear()
    {
        Array.Clear(_states);
        _head = 0;
        Count = 0;
    }

    /// <summary>Makes room for <paramref name="count"/> entries and sets Count to it (entries filled by <see cref="SetAt"/>).</summary>
    internal void Reserve(int count)
    {
        if (count > _states.Length)
        {
            Grow(count);
        }
        _head = 0;
        Count = count;
    }

    internal void SetAt(int fromOldest, TState state) => _states[Index(fromOldest)] = state;

    private int Index(int fromOldest)
    {
        int i = _head + fromOldest;
        return i >= _states.Length ? i - _states.Length : i;
    }

    private void Grow(int capacity)
    {
        capacity = Math.Max(capacity, 4);
        var starts = new long[capacity];
        var ends = new long[capacity];
        var states = new TState[capacity];
        for (int k = 0; k < Count; k++)
        {
            int i = Index(k);
            starts[k] = _starts[i];
            ends[k] = _ends[i];
            states[k] = _states[i];
        }
        (_starts, _ends, _states, _head) = (starts, ends, states, 0);
    }
}

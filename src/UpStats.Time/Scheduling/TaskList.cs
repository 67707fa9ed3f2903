using System.Collections;
using System.Runtime.InteropServices;
using NodaTime;
using UpStats.Time.Grid;

namespace UpStats.Time.Scheduling;

/// <summary>
/// A run of consecutive tasks of a schedule, <c>[Start, End)</c> tiled without gap or overlap. Enumerating it
/// with <c>foreach</c> allocates nothing: each task is computed from the previous boundary by the grid.
/// </summary>
[StructLayout(LayoutKind.Auto)]
public readonly struct TaskList : IEnumerable<ScheduledTask>
{
    private readonly LocalClockGrid? _grid;
    private readonly long _startTicks;
    private readonly long _endTicks;
    private readonly long _lookbackTicks;

    internal TaskList(LocalClockGrid grid, long startTicks, long endTicks, long lookbackTicks)
    {
        _grid = grid;
        _startTicks = startTicks;
        _endTicks = Math.Max(startTicks, endTicks);
        _lookbackTicks = lookbackTicks;
    }

    /// <summary>The start of the first task (equal to <see cref="End"/> when empty).</summary>
    public Instant Start => Instant.FromUnixTimeTicks(_startTicks);

    /// <summary>The end of the last task (equal to <see cref="Start"/> when empty).</summary>
    public Instant End => Instant.FromUnixTimeTicks(_endTicks);

    /// <summary>Whether there are no tasks.</summary>
    public bool IsEmpty => _endTicks <= _startTicks;

    /// <summary>The allocation-free enumerator (used by <c>foreach</c>).</summary>
    public Enumerator GetEnumerator() => new(_grid, _startTicks, _endTicks, _lookbackTicks);

    IEnumerator<ScheduledTask> IEnumerable<ScheduledTask>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Walks the tasks from boundary to boundary.</summary>
    [StructLayout(LayoutKind.Auto)]
    public struct Enumerator : IEnumerator<ScheduledTask>
    {
        private readonly LocalClockGrid? _grid;
        private readonly long _firstStart;
        private readonly long _end;
        private readonly long _lookback;
        private long _nextStart;
        private ScheduledTask _current;

        internal Enumerator(LocalClockGrid? grid, long start, long end, long lookback)
        {
            _grid = grid;
            _firstStart = start;
            _nextStart = start;
            _end = end;
            _lookback = lookback;
            _current = default;
        }

        /// <summary>The current task.</summary>
        public readonly ScheduledTask Current => _current;

        readonly object IEnumerator.Current => _current;

        /// <summary>Moves to the next task.</summary>
        public bool MoveNext()
        {
            if (_grid is null || _nextStart >= _end)
            {
                return false;
            }
            // The list's end is a boundary, so the next boundary never passes it.
            long next = _grid.NextBoundaryTicks(_nextStart);
            _current = new ScheduledTask(_nextStart, next, _lookback);
            _nextStart = next;
            return true;
        }

        /// <summary>Starts again from the first task.</summary>
        public void Reset()
        {
            _nextStart = _firstStart;
            _current = default;
        }

        /// <summary>Nothing to release.</summary>
        public readonly void Dispose()
        {
        }
    }
}

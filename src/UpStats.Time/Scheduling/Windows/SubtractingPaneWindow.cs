using System.Runtime.CompilerServices;

namespace UpStats.Time.Scheduling.Windows;

/// <summary>
/// A pane window for invertible aggregates (sum, count, average): a ring buffer of panes and a running total;
/// a pane is added to the total when it arrives and subtracted when it leaves. O(1) per pane, exact for integer
/// states (for floating-point sums the running total can drift by rounding; prefer integer units such as cents).
/// </summary>
/// <typeparam name="TState">The aggregate's state.</typeparam>
/// <typeparam name="TAggregate">The aggregate, as a struct so that the JIT specialises the window for it.</typeparam>
internal sealed class SubtractingPaneWindow<TState, TAggregate> : PaneWindow<TState>
    where TAggregate : struct, IInvertibleAggregate<TState>
{
    private readonly PaneRing<TState> _panes;
    private TState _total;

    /// <summary>An empty window; <paramref name="expectedPanes"/> sizes the ring (it grows when needed).</summary>
    internal SubtractingPaneWindow(int expectedPanes)
    {
        _panes = new PaneRing<TState>(expectedPanes);
        _total = default(TAggregate).Identity;
    }

    /// <inheritdoc/>
    public override int PaneCount => _panes.Count;

    /// <inheritdoc/>
    public override TState Current => _total;

    internal override void PushTicks(long start, long end, TState pane, string startName, string endName)
    {
        CheckPush(start, end, _panes.Count == 0 ? long.MinValue : _panes.NewestEnd, startName, endName);
        _panes.Push(start, end, pane);
        _total = default(TAggregate).Combine(_total, pane);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal override void EvictBeforeTicks(long windowStart)
    {
        while (_panes.Count > 0 && _panes.OldestEnd <= windowStart)
        {
            _total = default(TAggregate).Subtract(_total, _panes.PopOldest());
        }
        if (_panes.Count > 0 && _panes.OldestStart < windowStart)
        {
            throw Straddles(windowStart);
        }
    }
}

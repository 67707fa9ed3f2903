namespace UpStats.Time.Scheduling.Windows;

/// <summary>
/// A pane window for any aggregate, including min and max that cannot be subtracted: the two-stacks queue.
/// New panes go on the back stack, which keeps one running combination; the front stack holds the older panes
/// with the combination of each pane and every newer pane in the front stack, so the oldest pane can leave
/// without recombining the rest. When the front stack runs empty the back stack is flipped into it once.
/// Amortised O(1) per pane (each pane is combined at most three times), worst case O(panes) on a flip.
/// </summary>
/// <typeparam name="TState">The aggregate's state.</typeparam>
/// <typeparam name="TAggregate">The aggregate, as a struct so that the JIT specialises the window for it.</typeparam>
internal sealed class TwoStackPaneWindow<TState, TAggregate> : PaneWindow<TState>
    where TAggregate : struct, IAggregate<TState>
{
    // Every pane in time order; the first _frontCount of them (from the oldest) form the front stack, and
    // _frontSuffix[i] combines front pane i with the newer front panes.
    private readonly PaneRing<TState> _panes;
    private readonly PaneRing<TState> _frontSuffix;
    private TState _back;
    private int _frontCount;

    /// <summary>An empty window; <paramref name="expectedPanes"/> sizes the buffers (they grow when needed).</summary>
    internal TwoStackPaneWindow(int expectedPanes)
    {
        _panes = new PaneRing<TState>(expectedPanes);
        _frontSuffix = new PaneRing<TState>(expectedPanes);
        _back = default(TAggregate).Identity;
    }

    /// <inheritdoc/>
    public override int PaneCount => _panes.Count;

    /// <inheritdoc/>
    public override TState Current =>
        _frontCount == 0 ? _back : default(TAggregate).Combine(_frontSuffix.OldestState, _back);

    internal override void PushTicks(long start, long end, TState pane, string startName, string endName)
    {
        CheckPush(start, end, _panes.Count == 0 ? long.MinValue : _panes.NewestEnd, startName, endName);
        _panes.Push(start, end, pane);
        _back = default(TAggregate).Combine(_back, pane);
    }

    internal override void EvictBeforeTicks(long windowStart)
    {
        while (_panes.Count > 0 && _panes.OldestEnd <= windowStart)
        {
            if (_frontCount == 0)
            {
                Flip();
            }
            _panes.PopOldest();
            _frontSuffix.PopOldest();
            _frontCount--;
        }
        if (_panes.Count > 0 && _panes.OldestStart < windowStart)
        {
            throw Straddles(windowStart);
        }
    }

    /// <summary>Moves every back-stack pane to the front stack, computing the suffix combinations newest first.</summary>
    private void Flip()
    {
        int n = _panes.Count;
        var agg = default(TAggregate);
        _frontSuffix.Clear();
        _frontSuffix.Reserve(n);
        TState suffix = agg.Identity;
        for (int i = n - 1; i >= 0; i--)
        {
            suffix = agg.Combine(_panes.StateAt(i), suffix);
            _frontSuffix.SetAt(i, suffix);
        }
        _frontCount = n;
        _back = agg.Identity;
    }
}

using NodaTime;

namespace UpStats.Time.Scheduling.Windows;

/// <summary>
/// Makes pane windows (see <see cref="PaneWindow{TState}"/>): choose by what the aggregate can do.
/// </summary>
/// <example>
/// <code>
/// // Average order value over 30 days, advanced every minute: an average can be subtracted, so O(1) per minute.
/// PaneWindow&lt;Average&lt;long&gt;&gt; aov = PaneWindow.Subtracting&lt;Average&lt;long&gt;, AverageAggregate&lt;long&gt;&gt;();
/// // The largest order over the same window: a maximum cannot be subtracted, so two stacks.
/// PaneWindow&lt;Extremum&lt;long&gt;&gt; largest = PaneWindow.TwoStacks&lt;Extremum&lt;long&gt;, MaxAggregate&lt;long&gt;&gt;();
/// </code>
/// </example>
public static class PaneWindow
{
    /// <summary>
    /// A window for an aggregate that can be undone (sum, count, average): a ring buffer of panes and a running
    /// total, each pane added when it arrives and subtracted when it leaves. O(1) per pane, exact for integer states
    /// (a floating-point running total can drift by rounding: prefer integer units such as cents, or <see cref="TwoStacks{TState, TAggregate}"/>).
    /// </summary>
    /// <typeparam name="TState">The aggregate's state.</typeparam>
    /// <typeparam name="TAggregate">The aggregate, as a struct so that the JIT specialises the window for it (no interface call per pane).</typeparam>
    /// <param name="expectedPanes">Sizes the buffer (it grows when needed): the panes in one window, e.g. 43,200 for 30 days of minutes.</param>
    public static PaneWindow<TState> Subtracting<TState, TAggregate>(int expectedPanes = 16)
        where TAggregate : struct, IInvertibleAggregate<TState> => new SubtractingPaneWindow<TState, TAggregate>(expectedPanes);

    /// <summary>
    /// A window for any aggregate, including minimum and maximum, which cannot be subtracted: the two-stacks queue.
    /// Amortised O(1) per pane (each pane is combined at most three times).
    /// </summary>
    /// <typeparam name="TState">The aggregate's state.</typeparam>
    /// <typeparam name="TAggregate">The aggregate, as a struct so that the JIT specialises the window for it (no interface call per pane).</typeparam>
    /// <param name="expectedPanes">Sizes the buffers (they grow when needed): the panes in one window.</param>
    public static PaneWindow<TState> TwoStacks<TState, TAggregate>(int expectedPanes = 16)
        where TAggregate : struct, IAggregate<TState> => new TwoStackPaneWindow<TState, TAggregate>(expectedPanes);
}

/// <summary>
/// A sliding window made of panes: each pane is the aggregate of one task's own interval <c>[start, end)</c>,
/// computed once; the window is the combination of the panes inside <c>[windowStart, windowEnd)</c>. Advancing the
/// window by one task pushes that task's pane and evicts the panes that fell out, so a 30-day window advanced
/// every minute costs O(1) per minute instead of a 30-day rescan (Upsolver's "rolled up, never rescanned").
/// </summary>
/// <typeparam name="TState">The aggregate's state.</typeparam>
/// <remarks>
/// Made by <see cref="PaneWindow.Subtracting{TState, TAggregate}"/> or <see cref="PaneWindow.TwoStacks{TState, TAggregate}"/>; the implementations behind
/// them are internal, so the choice is the factory method, and the algorithms can change without breaking callers.
/// The window start must fall on a pane boundary: with a lookback that is a whole number of tasks (30d over
/// 1-minute tasks, 60d over 30-day tasks) it always does. A window start that cuts a pane throws, because the
/// pane would have to be rescanned to split it.
/// </remarks>
public abstract class PaneWindow<TState>
{
    // Not protected: the window's core (PushTicks, EvictBeforeTicks) is internal, so no other assembly could
    // implement a subclass anyway; a protected constructor would promise an extension point that does not exist.
    private protected PaneWindow()
    {
    }

    /// <summary>The number of panes in the window.</summary>
    public abstract int PaneCount { get; }

    /// <summary>The combination of every pane in the window.</summary>
    public abstract TState Current { get; }

    /// <summary>Adds the newest pane <c>[start, end)</c>; it must start where the previous one ended (or later).</summary>
    /// <exception cref="ArgumentException">The pane starts before the previous pane's end (<paramref name="start"/>), or ends before it starts (<paramref name="end"/>).</exception>
    public void Push(Instant start, Instant end, TState pane) => PushTicks(start.ToUnixTimeTicks(), end.ToUnixTimeTicks(), pane, nameof(start), nameof(end));

    /// <summary>Drops the panes that end at or before <paramref name="windowStart"/>.</summary>
    /// <exception cref="InvalidOperationException">A pane straddles <paramref name="windowStart"/> (the lookback is not a whole number of panes).</exception>
    public void EvictBefore(Instant windowStart) => EvictBeforeTicks(windowStart.ToUnixTimeTicks());

    /// <summary>
    /// Moves the window to <paramref name="task"/>: pushes the task's pane, drops the panes before its window
    /// start, and returns the window's combined state, which is the aggregate over <c>[WindowStart, End)</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="task"/> starts before the previous pane's end.</exception>
    /// <exception cref="InvalidOperationException">A pane straddles the task's window start (the lookback is not a whole number of panes).</exception>
    public TState Advance(ScheduledTask task, TState pane)
    {
        PushTicks(task.StartTicks, task.EndTicks, pane, nameof(task), nameof(task));
        EvictBeforeTicks(task.WindowStartTicks);
        return Current;
    }

    /// <summary>Pushes a pane; <paramref name="startName"/> and <paramref name="endName"/> are the public parameters an error names.</summary>
    internal abstract void PushTicks(long start, long end, TState pane, string startName, string endName);

    internal abstract void EvictBeforeTicks(long windowStart);

    private protected static void CheckPush(long start, long end, long previousEnd, string startName, string endName)
    {
        if (end < start)
        {
            throw new ArgumentException("A pane must not end before it starts.", endName);
        }
        if (start < previousEnd)
        {
            throw new ArgumentException("Panes must be pushed in time order: each pane starts at or after the previous one's end.", startName);
        }
    }

    private protected static InvalidOperationException Straddles(long windowStart) =>
        new($"A pane straddles the window start {Instant.FromUnixTimeTicks(windowStart)}: the lookback must be a whole number of panes.");
}

namespace UpStats.Time.Scheduling.Windows;

/// <summary>
/// A way to combine partial results (a monoid): an identity and an associative <see cref="Combine"/>. Panes of a
/// sliding window hold one state each; the window's state is the combination of its panes, so a 30-day window
/// advanced every minute combines panes instead of rescanning 30 days of events.
/// </summary>
/// <typeparam name="TState">The partial result: a sum, a count, a minimum, a (sum, count) pair for an average.</typeparam>
/// <remarks>
/// Implement it on a struct and pass the struct as a type argument (<c>TwoStackPaneWindow&lt;long, SumAggregate&lt;long&gt;&gt;</c>):
/// the JIT then specialises the window for it and inlines <see cref="Combine"/>, with no interface call per pane.
/// </remarks>
public interface IAggregate<TState>
{
    /// <summary>The state of no values: <c>Combine(Identity, x) == x</c>.</summary>
    TState Identity { get; }

    /// <summary>Combines two partial results; associative, with the older one on the left.</summary>
    TState Combine(TState older, TState newer);
}

/// <summary>
/// An aggregate whose combination can be undone (a group): sums, counts and averages. A window of such states
/// keeps a running total and subtracts each pane as it leaves: O(1) per step, exactly.
/// </summary>
/// <typeparam name="TState">The partial result.</typeparam>
public interface IInvertibleAggregate<TState> : IAggregate<TState>
{
    /// <summary>Removes <paramref name="removed"/> (a part that was combined into <paramref name="total"/>) from it.</summary>
    TState Subtract(TState total, TState removed);
}

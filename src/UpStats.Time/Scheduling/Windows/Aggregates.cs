using System.Numerics;

namespace UpStats.Time.Scheduling.Windows;

/// <summary>The sum of values (invertible). For exact window results use an integer type, such as cents as <see cref="long"/>.</summary>
/// <typeparam name="T">The number type.</typeparam>
public readonly struct SumAggregate<T> : IInvertibleAggregate<T>
    where T : INumberBase<T>
{
    /// <inheritdoc/>
    public T Identity => T.Zero;

    /// <inheritdoc/>
    public T Combine(T older, T newer) => older + newer;

    /// <inheritdoc/>
    public T Subtract(T total, T removed) => total - removed;
}

/// <summary>The number of values (invertible). A pane's state is its count.</summary>
public readonly struct CountAggregate : IInvertibleAggregate<long>
{
    /// <inheritdoc/>
    public long Identity => 0;

    /// <inheritdoc/>
    public long Combine(long older, long newer) => older + newer;

    /// <inheritdoc/>
    public long Subtract(long total, long removed) => total - removed;
}

/// <summary>The smallest value (not invertible: a window of minima uses <see cref="TwoStackPaneWindow{TState, TAggregate}"/>).</summary>
/// <typeparam name="T">The value type.</typeparam>
public readonly struct MinAggregate<T> : IAggregate<Extremum<T>>
    where T : IComparisonOperators<T, T, bool>
{
    /// <inheritdoc/>
    public Extremum<T> Identity => default;

    /// <inheritdoc/>
    public Extremum<T> Combine(Extremum<T> older, Extremum<T> newer) =>
        !older.HasValue ? newer : !newer.HasValue ? older : newer.Value < older.Value ? newer : older;
}

/// <summary>The largest value (not invertible: a window of maxima uses <see cref="TwoStackPaneWindow{TState, TAggregate}"/>).</summary>
/// <typeparam name="T">The value type.</typeparam>
public readonly struct MaxAggregate<T> : IAggregate<Extremum<T>>
    where T : IComparisonOperators<T, T, bool>
{
    /// <inheritdoc/>
    public Extremum<T> Identity => default;

    /// <inheritdoc/>
    public Extremum<T> Combine(Extremum<T> older, Extremum<T> newer) =>
        !older.HasValue ? newer : !newer.HasValue ? older : newer.Value > older.Value ? newer : older;
}

/// <summary>The average of values, kept as a (sum, count) pair so that it combines and subtracts exactly.</summary>
/// <typeparam name="T">The number type of the sum.</typeparam>
public readonly struct AverageAggregate<T> : IInvertibleAggregate<Average<T>>
    where T : INumberBase<T>
{
    /// <inheritdoc/>
    public Average<T> Identity => new(T.Zero, 0);

    /// <inheritdoc/>
    public Average<T> Combine(Average<T> older, Average<T> newer) => new(older.Sum + newer.Sum, older.Count + newer.Count);

    /// <inheritdoc/>
    public Average<T> Subtract(Average<T> total, Average<T> removed) => new(total.Sum - removed.Sum, total.Count - removed.Count);
}

/// <summary>A minimum or maximum so far: no value for an empty pane.</summary>
/// <typeparam name="T">The value type.</typeparam>
public readonly record struct Extremum<T>(bool HasValue, T Value)
{
    /// <summary>The state of one value.</summary>
    public static Extremum<T> Of(T value) => new(true, value);
}

/// <summary>The partial state of an average: the sum and the count of the values.</summary>
/// <typeparam name="T">The number type of the sum.</typeparam>
public readonly record struct Average<T>(T Sum, long Count)
    where T : INumberBase<T>
{
    /// <summary>The state of one value.</summary>
    public static Average<T> Of(T value) => new(value, 1);

    /// <summary>Adds one value.</summary>
    public Average<T> Add(T value) => new(Sum + value, Count + 1);

    /// <summary>The average as a double; <c>NaN</c> when there are no values.</summary>
    public double Value => Count == 0 ? double.NaN : double.CreateChecked(Sum) / Count;
}

namespace UpStats.Time.Rendering;

/// <summary>
/// How a range predicate names and types the table's columns: the dialect, the event-time column and its unit,
/// the partition columns (named after the folders' <c>name=value</c> segments) and whether they hold text or integers.
/// </summary>
public sealed class RangePredicateOptions
{
    /// <summary>Options for <paramref name="dialect"/> and the event-time column <paramref name="timeColumn"/>.</summary>
    /// <param name="dialect">The engine the predicate is written for.</param>
    /// <param name="timeColumn">The event-time column, optionally qualified (<c>e.event_time</c>); a part in quotes stays quoted.</param>
    /// <exception cref="ArgumentException"><paramref name="timeColumn"/> is empty or malformed, or <paramref name="dialect"/> is not defined.</exception>
    public RangePredicateOptions(SqlDialect dialect, string timeColumn)
    {
        if (!Enum.IsDefined(dialect))
        {
            throw new ArgumentException($"{dialect} is not a SQL dialect.", nameof(dialect));
        }
        SqlText.SplitQualifiedNameParts(timeColumn);
        Dialect = dialect;
        TimeColumn = timeColumn;
    }

    /// <summary>The engine the predicate is written for.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The event-time column.</summary>
    public string TimeColumn { get; }

    /// <summary>How the event-time column holds an instant: epoch seconds (the default), epoch milliseconds, or a timestamp type.</summary>
    public EventTimeUnit TimeUnit { get; init; } = EventTimeUnit.Seconds;

    /// <summary>
    /// The partition columns, from the year down to the source layout's step: <c>year, month, day</c> for daily
    /// sources, then <c>hour</c>, then <c>minute</c> for sources shorter than an hour. Default those names.
    /// </summary>
    public IReadOnlyList<string>? PartitionColumns { get; init; }

    /// <summary>
    /// Whether the partition columns are integers (engines that infer the type of <c>hour=08</c> as a number) rather
    /// than zero-padded strings such as <c>'08'</c> (Hive tables declared with <c>string</c> partitions); default strings.
    /// </summary>
    public bool IntegerPartitions { get; init; }
}

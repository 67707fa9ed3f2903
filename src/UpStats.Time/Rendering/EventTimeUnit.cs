namespace UpStats.Time.Rendering;

/// <summary>How the event-time column of a table holds an instant: an epoch number or one of the engine's timestamp types.</summary>
/// <remarks>
/// A timestamp column is compared with typed literals, never with numbers, so an engine can prune on the column's
/// statistics. Which literal depends on whether the column's type is zone-less or zone-aware: comparing one with the
/// other makes the engine convert through the session's time zone, and the result would then depend on it.
/// </remarks>
public enum EventTimeUnit
{
    /// <summary>Whole seconds since 1970-01-01T00:00:00Z (an integer column, floored for events before 1970).</summary>
    Seconds = 0,

    /// <summary>Whole milliseconds since 1970-01-01T00:00:00Z (an integer column).</summary>
    Milliseconds = 1,

    /// <summary>
    /// The engine's type named <c>TIMESTAMP</c>. Where it is zone-less (Hive, Trino, Athena, DuckDB) it must hold the
    /// event's UTC wall-clock time, and the bounds are zone-less literals (<c>TIMESTAMP '2020-04-09 07:00:00'</c>), so
    /// no session time zone takes part. Spark's <c>TIMESTAMP</c> is an instant: the bounds carry their zone
    /// (<c>TIMESTAMP '2020-04-09 07:00:00Z'</c>).
    /// </summary>
    Timestamp = 2,

    /// <summary>
    /// The engine's zone-aware type (Trino and Athena <c>timestamp with time zone</c>, DuckDB <c>TIMESTAMPTZ</c>, Hive
    /// <c>timestamp with local time zone</c>, Spark <c>TIMESTAMP_LTZ</c>): one instant per value, compared with
    /// literals in UTC (<c>TIMESTAMP '2020-04-09 07:00:00 UTC'</c>, <c>TIMESTAMPTZ '2020-04-09 07:00:00+00'</c>) that
    /// mean the same instant in any session.
    /// </summary>
    TimestampWithTimeZone = 3,
}

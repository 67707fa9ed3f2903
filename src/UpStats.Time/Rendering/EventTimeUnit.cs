namespace UpStats.Time.Rendering;

/// <summary>How the event-time column of a table holds an instant.</summary>
public enum EventTimeUnit
{
    /// <summary>Whole seconds since 1970-01-01T00:00:00Z (an integer column, floored for events before 1970).</summary>
    Seconds = 0,

    /// <summary>Whole milliseconds since 1970-01-01T00:00:00Z (an integer column).</summary>
    Milliseconds = 1,
}

using NodaTime;

namespace UpStats.Time.Scheduling;

/// <summary>
/// Upsolver's event-time rule for a stream, as a small state machine. Each source timestamp is taken as the
/// event time when it is not before the previous event time and not in the future; a future one waits until
/// its time has come; an earlier one (out of order) gets <c>max(previous event time, task start)</c>. Event times
/// handed out are therefore never decreasing and never in the future.
/// </summary>
/// <remarks>One assigner per stream (per partition of the source); not thread-safe.</remarks>
/// <example>
/// <code>
/// var clock = new FakeClock(Instant.FromUtc(2024, 1, 1, 12, 0));
/// var assigner = new EventTimeAssigner(clock);
/// Instant taskStart = Instant.FromUtc(2024, 1, 1, 11, 55);
/// Instant now = clock.GetCurrentInstant();
/// EventTime a = assigner.Assign(Instant.FromUtc(2024, 1, 1, 11, 58), taskStart, now);  // AsIs, 11:58
/// EventTime b = assigner.Assign(Instant.FromUtc(2024, 1, 1, 11, 50), taskStart, now);  // Adjusted, 11:58 = max(previous, task start)
/// EventTime c = assigner.Assign(Instant.FromUtc(2024, 1, 1, 12, 5), taskStart, now);   // Deferred until 12:05
/// </code>
/// </example>
public sealed class EventTimeAssigner
{
    private readonly IClock _clock;
    private Instant? _previous;

    /// <summary>An assigner that reads "now" from <paramref name="clock"/> (NodaTime's <c>FakeClock</c> in tests).</summary>
    public EventTimeAssigner(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    /// <summary>The last event time handed out; <c>null</c> before the first.</summary>
    public Instant? Previous => _previous;

    /// <summary>Assigns the event time of a record read by the task <paramref name="task"/>, with now from the clock.</summary>
    public EventTime Assign(Instant sourceTime, ScheduledTask task) => Assign(sourceTime, task.Start, _clock.GetCurrentInstant());

    /// <summary>Assigns the event time of a record whose source timestamp is <paramref name="sourceTime"/>.</summary>
    /// <param name="sourceTime">The timestamp the source gave the record.</param>
    /// <param name="taskStart">The start of the task reading the record (<c>run_start_time()</c>).</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The decision: as-is, adjusted (with the time used), or deferred until the source time.</returns>
    public EventTime Assign(Instant sourceTime, Instant taskStart, Instant now)
    {
        if (sourceTime > now)
        {
            // Not yet: the record waits; the state does not move, so it is judged again when its time comes.
            return new EventTime(EventTimeKind.Deferred, sourceTime);
        }
        if (_previous is not { } previous || sourceTime >= previous)
        {
            _previous = sourceTime;
            return new EventTime(EventTimeKind.AsIs, sourceTime);
        }
        var adjusted = taskStart > previous ? taskStart : previous;
        _previous = adjusted;
        return new EventTime(EventTimeKind.Adjusted, adjusted);
    }
}

/// <summary>What <see cref="EventTimeAssigner"/> decided for one record.</summary>
public enum EventTimeKind
{
    /// <summary>The source timestamp is the event time.</summary>
    AsIs,

    /// <summary>The source timestamp was before the previous event time: the event time is <c>max(previous, task start)</c>.</summary>
    Adjusted,

    /// <summary>The source timestamp is in the future: the record waits until <see cref="EventTime.Time"/>.</summary>
    Deferred,
}

/// <summary>An event-time decision: its kind and the instant (the event time, or when a deferred record is due).</summary>
/// <param name="Kind">What was decided.</param>
/// <param name="Time">The event time; for <see cref="EventTimeKind.Deferred"/>, the instant the record waits for.</param>
public readonly record struct EventTime(EventTimeKind Kind, Instant Time);

using System.Runtime.InteropServices;
using NodaTime;

namespace UpStats.Time.Scheduling;

/// <summary>
/// One task of a schedule: it runs for <c>[Start, End)</c> (Upsolver's <c>run_start_time()</c> and
/// <c>run_end_time()</c>) and reads the window <c>[Start − lookback, End)</c>.
/// </summary>
/// <remarks>
/// Both intervals are half-open: an instant equal to <see cref="End"/> belongs to the next task. Upsolver's
/// SQL writes the window as <c>$commit_time BETWEEN run_start_time() - PARSE_DURATION('30d') AND run_end_time()</c>,
/// and SQL's <c>BETWEEN</c> includes both ends, so an event stamped exactly on a boundary is read by two
/// consecutive tasks there; here it is read by exactly the tasks whose half-open window holds it. To reproduce
/// the half-open window in SQL write <c>t &gt;= window_start AND t &lt; window_end</c>.
/// </remarks>
[StructLayout(LayoutKind.Auto)]
public readonly struct ScheduledTask : IEquatable<ScheduledTask>
{
    internal ScheduledTask(long startTicks, long endTicks, long lookbackTicks)
    {
        StartTicks = startTicks;
        EndTicks = endTicks;
        WindowStartTicks = startTicks - lookbackTicks;
    }

    internal long StartTicks { get; }

    internal long EndTicks { get; }

    internal long WindowStartTicks { get; }

    /// <summary>The first instant the task processes: <c>run_start_time()</c>.</summary>
    public Instant Start => Instant.FromUnixTimeTicks(StartTicks);

    /// <summary>The end of the task, exclusive: <c>run_end_time()</c>.</summary>
    public Instant End => Instant.FromUnixTimeTicks(EndTicks);

    /// <summary>The first instant of the window the task reads: <see cref="Start"/> minus the lookback.</summary>
    public Instant WindowStart => Instant.FromUnixTimeTicks(WindowStartTicks);

    /// <summary>The end of the window, exclusive: the task's <see cref="End"/>.</summary>
    public Instant WindowEnd => Instant.FromUnixTimeTicks(EndTicks);

    /// <summary>The task's own interval <c>[Start, End)</c>.</summary>
    public Interval Interval => new(Start, End);

    /// <summary>The window the task reads, <c>[WindowStart, WindowEnd)</c>.</summary>
    public Interval Window => new(WindowStart, WindowEnd);

    /// <summary>The task's elapsed length (23 or 25 hours for a daily task over a DST change).</summary>
    public Duration Duration => Duration.FromTicks(EndTicks - StartTicks);

    /// <summary>Whether <paramref name="instant"/> lies in <c>[Start, End)</c>.</summary>
    public bool Contains(Instant instant) => instant >= Start && instant < End;

    /// <summary>Whether <paramref name="instant"/> lies in the window <c>[WindowStart, End)</c>.</summary>
    public bool WindowContains(Instant instant) => instant >= WindowStart && instant < End;

    /// <inheritdoc/>
    public bool Equals(ScheduledTask other) =>
        StartTicks == other.StartTicks && EndTicks == other.EndTicks && WindowStartTicks == other.WindowStartTicks;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ScheduledTask other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StartTicks, EndTicks, WindowStartTicks);

    /// <summary><c>[start, end) reads [windowStart, end)</c> in ISO form.</summary>
    public override string ToString() => $"[{Start}, {End}) reads [{WindowStart}, {WindowEnd})";

    /// <summary>Whether two tasks are equal.</summary>
    public static bool operator ==(ScheduledTask left, ScheduledTask right) => left.Equals(right);

    /// <summary>Whether two tasks differ.</summary>
    public static bool operator !=(ScheduledTask left, ScheduledTask right) => !left.Equals(right);
}

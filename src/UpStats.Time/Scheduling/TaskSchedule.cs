using NodaTime;
using UpStats.Time.Grid;

namespace UpStats.Time.Scheduling;

/// <summary>
/// Upsolver's timeline as a value: the tasks between <c>START_FROM</c> and <c>END_AT</c> at a
/// <c>RUN_INTERVAL</c>, each reading <c>[start − lookback, end)</c>, on the local clock of a zone (UTC by default).
/// </summary>
/// <remarks>
/// <para>
/// Task boundaries are the boundaries of the interval's <see cref="LocalClockGrid"/> (the same grid that local
/// partitions use): every N minutes from local midnight below a day, every N days from the local midnight of
/// <c>START_FROM</c>'s local date otherwise. So in a zone with DST a daily task is 23 or 25 hours long on
/// a change day, and an hourly schedule runs two tasks for a repeated local hour.
/// </para>
/// <para>
/// The first task is <c>[START_FROM, next boundary)</c>: partial when <c>START_FROM</c> is off the grid
/// (<c>START_FROM = NOW</c> at 11:03 with 5 minutes gives 11:03–11:05). The last task ends at the last boundary
/// at or before <c>END_AT</c>, and the remainder is not run (<c>END_AT = NOW</c> at 11:03 gives a last task
/// 10:55–11:00). Without <c>END_AT</c> the schedule is open-ended and <see cref="Tasks"/> lists the tasks due by
/// now: those whose end is not after the clock's current instant.
/// </para>
/// <para>
/// Every task and window is half-open; Upsolver's SQL <c>BETWEEN</c> includes both ends (see <see cref="ScheduledTask"/>).
/// Instants are handled at tick (100 ns) resolution: <c>START_FROM</c> and <c>END_AT</c> are floored to a tick.
/// </para>
/// </remarks>
/// <example>
/// START_FROM = NOW at 11:03, RUN_INTERVAL = 5 MINUTES, END_AT 11:15, a 30-day lookback:
/// <code>
/// var clock = new FakeClock(Instant.FromUtc(2022, 8, 4, 11, 3));  // NodaTime.Testing; SystemClock.Instance in production
/// TaskSchedule schedule = TaskSchedule.Create(
///     startFrom: ScheduleTime.Now,
///     interval: RunInterval.ParseOrThrow("5 MINUTES"),
///     endAt: Instant.FromUtc(2022, 8, 4, 11, 15),
///     lookback: LookbackDuration.ParseOrThrow("30d"),
///     clock: clock);
/// foreach (ScheduledTask task in schedule.Tasks())
///     Console.WriteLine(task);
/// // [2022-08-04T11:03:00Z, 2022-08-04T11:05:00Z) reads [2022-07-05T11:03:00Z, 2022-08-04T11:05:00Z)
/// // [2022-08-04T11:05:00Z, 2022-08-04T11:10:00Z) reads [2022-07-05T11:05:00Z, 2022-08-04T11:10:00Z)
/// // [2022-08-04T11:10:00Z, 2022-08-04T11:15:00Z) reads [2022-07-05T11:10:00Z, 2022-08-04T11:15:00Z)
/// bool found = schedule.TryGetTaskContaining(Instant.FromUtc(2022, 8, 4, 11, 7), out ScheduledTask containing);  // true; starts 11:05
/// </code>
/// </example>
public sealed class TaskSchedule
{
    private readonly long _startTicks;
    // The end of the last task for a bounded schedule; long.MaxValue when open-ended.
    private readonly long _lastEndTicks;
    private readonly long _lookbackTicks;

    private TaskSchedule(Instant startFrom, Instant? endAt, RunInterval interval, LookbackDuration lookback, DateTimeZone zone, IClock clock)
    {
        Interval = interval;
        Lookback = lookback;
        Zone = zone;
        Clock = clock;
        _startTicks = startFrom.ToUnixTimeTicks();
        StartFrom = Instant.FromUnixTimeTicks(_startTicks);
        _lookbackTicks = lookback.Ticks;
        Grid = interval.GridFor(zone, StartFrom.InZone(zone).Date);
        if (endAt is { } e)
        {
            long endTicks = e.ToUnixTimeTicks();
            EndAt = Instant.FromUnixTimeTicks(endTicks);
            _lastEndTicks = Math.Max(_startTicks, Grid.BoundaryAtOrBeforeTicks(endTicks));
        }
        else
        {
            _lastEndTicks = long.MaxValue;
        }
    }

    /// <summary>
    /// Creates a schedule. <c>NOW</c> in <paramref name="startFrom"/> or <paramref name="endAt"/> is read from
    /// <paramref name="clock"/> once, here.
    /// </summary>
    /// <param name="startFrom"><c>START_FROM</c>: an instant, or <see cref="ScheduleTime.Now"/>.</param>
    /// <param name="interval"><c>RUN_INTERVAL</c>: the task length.</param>
    /// <param name="endAt"><c>END_AT</c>: an instant, <see cref="ScheduleTime.Now"/>, or <c>null</c> for an open-ended schedule.</param>
    /// <param name="lookback">How far before its start each task's window reaches (none by default).</param>
    /// <param name="zone">The zone whose local clock the boundaries follow; UTC when <c>null</c>.</param>
    /// <param name="clock">The clock for <c>NOW</c> and for the tasks due; the system clock when <c>null</c> (NodaTime's <c>FakeClock</c> in tests).</param>
    /// <exception cref="ArgumentException"><paramref name="endAt"/> resolves to an instant before <paramref name="startFrom"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startFrom"/> or <paramref name="endAt"/> resolves to an instant outside 0001-01-01T00:00Z to 9999-12-30T00:00Z.</exception>
    public static TaskSchedule Create(
        ScheduleTime startFrom,
        RunInterval interval,
        ScheduleTime? endAt = null,
        LookbackDuration lookback = default,
        DateTimeZone? zone = null,
        IClock? clock = null)
    {
        clock ??= SystemClock.Instance;
        zone ??= DateTimeZone.Utc;
        Instant start = startFrom.Resolve(clock);
        Instant? end = endAt?.Resolve(clock);
        InstantRange.Check(start, nameof(startFrom));
        if (end is { } e)
        {
            InstantRange.Check(e, nameof(endAt));
        }
        if (end < start)
        {
            throw new ArgumentException($"END_AT ({end}) is before START_FROM ({start}).", nameof(endAt));
        }
        return new TaskSchedule(start, end, interval, lookback, zone, clock);
    }

    /// <summary><c>START_FROM</c>, resolved: the start of the first task.</summary>
    public Instant StartFrom { get; }

    /// <summary><c>END_AT</c>, resolved; <c>null</c> for an open-ended schedule.</summary>
    public Instant? EndAt { get; }

    /// <summary>The run interval.</summary>
    public RunInterval Interval { get; }

    /// <summary>The lookback of every task's window.</summary>
    public LookbackDuration Lookback { get; }

    /// <summary>The zone whose local clock the boundaries follow.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The clock that <c>NOW</c> and the tasks due are read from.</summary>
    public IClock Clock { get; }

    /// <summary>The grid whose boundaries the tasks start and end on (after the first task's start).</summary>
    public LocalClockGrid Grid { get; }

    /// <summary>Whether the schedule has no <c>END_AT</c>.</summary>
    public bool IsOpenEnded => _lastEndTicks == long.MaxValue;

    /// <summary>
    /// The tasks to run: all of them up to the last boundary at or before <c>END_AT</c>, or, for an open-ended
    /// schedule, those due by the clock's current instant (end ≤ now).
    /// </summary>
    public TaskList Tasks() => IsOpenEnded ? TasksDueBy(Clock.GetCurrentInstant()) : All(_lastEndTicks);

    /// <summary>The tasks whose end is at or before <paramref name="now"/> (and, when bounded, not past <c>END_AT</c>).</summary>
    public TaskList TasksDueBy(Instant now)
    {
        long limit = Grid.BoundaryAtOrBeforeTicks(now.ToUnixTimeTicks());
        return All(Math.Min(limit, _lastEndTicks));
    }

    /// <summary>
    /// The task that contains <paramref name="instant"/>: the one with <c>Start ≤ instant &lt; End</c>.
    /// Constant time (two grid look-ups), no allocation.
    /// </summary>
    /// <returns>Whether such a task exists (false before <c>START_FROM</c> and from the last task's end on).</returns>
    public bool TryGetTaskContaining(Instant instant, out ScheduledTask task) =>
        TryGetTaskContainingTicks(instant.ToUnixTimeTicks(), out task);

    internal bool TryGetTaskContainingTicks(long ticks, out ScheduledTask task)
    {
        if (ticks < _startTicks || ticks >= _lastEndTicks)
        {
            task = default;
            return false;
        }
        var (start, end) = Grid.BoundsTicks(ticks);
        task = new ScheduledTask(Math.Max(_startTicks, start), end, _lookbackTicks);
        return true;
    }

    /// <summary>
    /// The tasks whose window <c>[start − lookback, end)</c> contains <paramref name="eventTime"/>: with a 30-day
    /// lookback, every task of the 30 days from the event's own task on. Consecutive, so returned as a run of
    /// tasks (for an open-ended schedule including tasks not yet due).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="eventTime"/> lies outside 0001-01-01T00:00Z to 9999-12-30T00:00Z.</exception>
    public TaskList TasksReading(Instant eventTime)
    {
        long e = InstantRange.Check(eventTime, nameof(eventTime));
        // A window [s − L, end) holds e exactly when end > e and s ≤ e + L: from the task containing e (or the
        // first task) to the task containing e + L.
        long first = e < _startTicks ? _startTicks : Math.Max(_startTicks, Grid.BoundaryAtOrBeforeTicks(e));
        // A lookback reaching past the last instant handled stops there: no task starts after it.
        long lastStartAtMost = Math.Min(e + _lookbackTicks, InstantRange.MaxTicks);
        if (lastStartAtMost < _startTicks || first >= _lastEndTicks)
        {
            return All(_startTicks, _startTicks);
        }
        long end = Math.Min(_lastEndTicks, Grid.NextBoundaryTicks(lastStartAtMost));
        return All(first, end);
    }

    private TaskList All(long endTicks) => All(_startTicks, endTicks);

    private TaskList All(long startTicks, long endTicks) => new(Grid, startTicks, endTicks, _lookbackTicks);

    /// <inheritdoc/>
    public override string ToString() =>
        $"START_FROM = {StartFrom}, END_AT = {(EndAt is { } e ? e.ToString() : "none")}, RUN_INTERVAL = {Interval}, lookback {Lookback}, zone {Zone.Id}";
}

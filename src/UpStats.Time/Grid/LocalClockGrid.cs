using NodaTime;

namespace UpStats.Time.Grid;

/// <summary>
/// The local-clock grid: a zone plus a step on its local clock. Every schedule, window and partition in
/// this library is derived from one of these, so that tasks, windows and partitions can never disagree.
/// </summary>
/// <remarks>
/// <para>
/// The grid's <em>labels</em> are the local times <c>origin + k·step</c>: for a sub-day step the origin is
/// local midnight (so labels are 00:00, 00:05, …), for an N-day step it is the local midnight of an anchor
/// date. A <em>boundary</em> is every instant at which the local clock reads a label or jumps forward past
/// one. Labels jumped over by a DST gap collapse into the one instant of the jump (Sao Paulo 2018-11-04 has
/// no local midnight, so that day starts at 01:00); a label read twice because of an overlap gives two
/// boundaries (Los Angeles 2024-11-03 01:00 is read at 08:00Z and again at 09:00Z).
/// </para>
/// <para>
/// The <em>cell</em> of an instant is the label at or before its local time: that is the local partition it
/// belongs to. A label inside a gap owns no instant; a label inside an overlap owns both passes.
/// </para>
/// <example>
/// <code>
/// var hourly = LocalClockGrid.EveryMinutes(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], 60);
/// Instant t = Instant.FromUtc(2024, 11, 3, 9, 30);
/// hourly.CellOf(t);            // 2024-11-03T01:00 (the second pass of the repeated hour)
/// hourly.BoundaryAtOrBefore(t); // 2024-11-03T09:00:00Z
/// hourly.NextBoundary(t);       // 2024-11-03T10:00:00Z
/// </code>
/// </example>
/// </remarks>
public sealed class LocalClockGrid : IEquatable<LocalClockGrid>
{
    private readonly ZoneOffsetTable _offsets;
    // Labels are the local tick counts L with (L - _originTicks) mod _stepTicks == 0.
    private readonly long _originTicks;
    private readonly long _stepTicks;
    private readonly bool _isFixedOffset;
    private readonly long _fixedOffsetTicks;
    private readonly ConstantStep _floor;

    private LocalClockGrid(DateTimeZone zone, long stepTicks, long originTicks, Period step, LocalDate? anchor)
    {
        Zone = zone;
        Step = step;
        Anchor = anchor;
        _offsets = ZoneOffsetTable.For(zone);
        _stepTicks = stepTicks;
        _originTicks = originTicks;
        // A fixed zone (UTC above all) needs no table look-up: the grid is plain arithmetic.
        var whole = zone.GetZoneInterval(Instant.MinValue);
        _isFixedOffset = !whole.HasEnd;
        _fixedOffsetTicks = whole.WallOffset.Ticks;
        // Stryker disable once all : equivalent; the constant-step cases compute what the general case computes, faster.
        _floor = originTicks != 0 ? ConstantStep.None
            : stepTicks == TimeSpan.TicksPerHour ? ConstantStep.Hour
            : stepTicks == TickMath.TicksPerDay ? ConstantStep.Day
            : ConstantStep.None;
    }

    /// <summary>A step the floor can divide by as a compile-time constant.</summary>
    private enum ConstantStep : byte
    {
        None,
        Hour,
        Day,
    }

    /// <summary>The zone whose local clock the grid is drawn on.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The distance between consecutive labels on the local clock (minutes, or days).</summary>
    public Period Step { get; }

    /// <summary>For an N-day grid, the local date whose midnight is a label; <c>null</c> for a sub-day grid (labels from every midnight).</summary>
    public LocalDate? Anchor { get; }

    /// <summary>Creates a grid whose labels are every <paramref name="minutes"/> minutes from local midnight.</summary>
    /// <param name="zone">The zone of the local clock.</param>
    /// <param name="minutes">The step: from 1 to 1,440, and a divisor of 1,440 so that every day starts on a label.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minutes"/> is not a positive divisor of 1,440.</exception>
    public static LocalClockGrid EveryMinutes(DateTimeZone zone, int minutes)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (minutes < 1 || minutes > 1440 || 1440 % minutes != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "A sub-day grid step must be a whole number of minutes that divides 1,440 (24 hours) evenly.");
        }
        return new LocalClockGrid(zone, minutes * TickMath.TicksPerMinute, 0, Period.FromMinutes(minutes), null);
    }

    /// <summary>Creates a grid whose labels are the local midnights of <paramref name="anchor"/> ± k·<paramref name="days"/> days.</summary>
    /// <param name="zone">The zone of the local clock.</param>
    /// <param name="days">The step in whole days, from 1 to 1,000,000 (the largest run interval).</param>
    /// <param name="anchor">A date whose local midnight is a label (Upsolver anchors at <c>START_FROM</c>'s date).</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1 or more than 1,000,000.</exception>
    public static LocalClockGrid EveryDays(DateTimeZone zone, int days, LocalDate anchor)
    {
        ArgumentNullException.ThrowIfNull(zone);
        // Above about 10.6 million days the step in ticks overflows a long; a million (2,700 years, the largest
        // run interval) keeps every tick computation of the grid well inside the range.
        if (days < 1 || days > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "A day grid step must be at least one whole day and at most 1,000,000 days.");
        }
        return new LocalClockGrid(zone, days * TickMath.TicksPerDay, LocalTicks(anchor.AtMidnight()), Period.FromDays(days), anchor);
    }

    /// <summary>Whether <paramref name="local"/> is one of the grid's labels.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="local"/> lies outside 0001-01-01T00:00 to 9999-12-30T00:00.</exception>
    public bool IsLabel(LocalDateTime local) => IsLabelTicks(InstantRange.Check(local, nameof(local)));

    /// <summary>The label at or before <paramref name="local"/>: the label of the cell that local time falls in.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="local"/> or the result lies outside 0001-01-01T00:00 to 9999-12-30T00:00.</exception>
    public LocalDateTime LabelAtOrBefore(LocalDateTime local) =>
        FromLocalTicks(InstantRange.CheckResult(FloorLabel(InstantRange.Check(local, nameof(local))), nameof(local), local));

    /// <summary>The first label strictly after <paramref name="local"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="local"/> or the result lies outside 0001-01-01T00:00 to 9999-12-30T00:00.</exception>
    public LocalDateTime NextLabel(LocalDateTime local) =>
        FromLocalTicks(InstantRange.CheckResult(NextLabelTicks(InstantRange.Check(local, nameof(local))), nameof(local), local));

    /// <summary>The label of the cell <paramref name="instant"/> falls in: its local time floored to the grid.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> or the result lies outside 0001-01-01T00:00 to 9999-12-30T00:00.</exception>
    public LocalDateTime CellOf(Instant instant) =>
        FromLocalTicks(InstantRange.CheckResult(CellOfTicks(InstantRange.Check(instant, nameof(instant))), nameof(instant), instant));

    /// <summary>The first boundary strictly after <paramref name="instant"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> or the result lies outside 0001-01-01T00:00 to 9999-12-30T00:00.</exception>
    public Instant NextBoundary(Instant instant) =>
        Instant.FromUnixTimeTicks(InstantRange.CheckResult(NextBoundaryTicks(InstantRange.Check(instant, nameof(instant))), nameof(instant), instant));

    /// <summary>The last boundary at or before <paramref name="instant"/>: the start of the task that contains it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> or the result lies outside 0001-01-01T00:00 to 9999-12-30T00:00.</exception>
    public Instant BoundaryAtOrBefore(Instant instant) =>
        Instant.FromUnixTimeTicks(InstantRange.CheckResult(BoundaryAtOrBeforeTicks(InstantRange.Check(instant, nameof(instant))), nameof(instant), instant));

    /// <summary>Whether <paramref name="instant"/> is a boundary of the grid.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> lies outside 0001-01-01T00:00Z to 9999-12-30T00:00Z.</exception>
    public bool IsBoundary(Instant instant) =>
        InstantRange.Check(instant, nameof(instant)) is long t && Instant.FromUnixTimeTicks(t) == instant && BoundaryAtOrBeforeTicks(t) == t;

    /// <summary>
    /// The instants owned by the cell labelled <paramref name="label"/>: those whose local time lies in
    /// <c>[label, label + step)</c>, as ordered, disjoint, half-open UTC intervals with adjacent ones joined.
    /// Empty for a label in a gap; two intervals for an hour read twice with other hours between the passes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="label"/> is not a label of this grid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="label"/> or the end of its cell lies outside 0001-01-01T00:00 to 9999-12-30T00:00.</exception>
    public IReadOnlyList<Interval> InstantsOf(LocalDateTime label)
    {
        long start = InstantRange.Check(label, nameof(label));
        InstantRange.CheckResult(start + _stepTicks, nameof(label), label);
        if (!IsLabelTicks(start))
        {
            throw new ArgumentException($"{label:uuuu-MM-dd'T'HH:mm:ss} is not a label of this grid.", nameof(label));
        }
        var spans = new List<Interval>(2);
        foreach (var (s, e) in OwnedTickRanges(start, start + _stepTicks))
        {
            spans.Add(new Interval(Instant.FromUnixTimeTicks(s), Instant.FromUnixTimeTicks(e)));
        }
        return spans;
    }

    /// <inheritdoc/>
    public bool Equals(LocalClockGrid? other) =>
        other is not null && Zone.Equals(other.Zone) && _stepTicks == other._stepTicks && _originTicks == other._originTicks;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as LocalClockGrid);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Zone.Id, _stepTicks, _originTicks);

    /// <inheritdoc/>
    public override string ToString() => Anchor is { } a ? $"{Zone.Id} every {Step} from {a:uuuu-MM-dd}" : $"{Zone.Id} every {Step}";

    // ---- tick-level core (internal: used by schedules, windows and partitions without allocating) ----

    internal long StepTicks => _stepTicks;

    /// <summary>Whether the zone has one offset for all time (UTC, Etc/GMT+5): then every question is plain arithmetic.</summary>
    internal bool IsFixedOffset => _isFixedOffset;

    /// <summary>The offset of a fixed-offset zone (meaningless otherwise).</summary>
    internal long FixedOffsetTicks => _fixedOffsetTicks;

    /// <summary>The offset span holding <paramref name="ticks"/> (unbounded for a fixed-offset zone).</summary>
    internal OffsetSpan SpanAt(long ticks) =>
        _isFixedOffset ? new OffsetSpan(long.MinValue, long.MaxValue, _fixedOffsetTicks) : _offsets.Find(ticks);

    internal static long LocalTicks(LocalDateTime local) => local.InUtc().ToInstant().ToUnixTimeTicks();

    internal static LocalDateTime FromLocalTicks(long ticks) => Instant.FromUnixTimeTicks(ticks).InUtc().LocalDateTime;

    internal bool IsLabelTicks(long local) => TickMath.FloorMod(local - _originTicks, _stepTicks) == 0;

    /// <summary>The label at or before a local tick count.</summary>
    /// <remarks>
    /// Hour and day grids from midnight (every partition map's, and the daily calendar windows') divide by a constant,
    /// which the JIT turns into a multiply; any other step takes a 64-bit hardware divide. The per-event
    /// <c>PartitionMap.KeyOf</c> is this plus the offset look-up; see benchmarks/results/Lists-and-grid-notes.md.
    /// </remarks>
    internal long FloorLabel(long local) => _floor switch
    {
        ConstantStep.Hour => local - TickMath.FloorMod(local, TimeSpan.TicksPerHour),
        ConstantStep.Day => local - TickMath.FloorMod(local, TickMath.TicksPerDay),
        _ => TickMath.FloorToGrid(local, _originTicks, _stepTicks),
    };

    internal long NextLabelTicks(long local) => FloorLabel(local) + _stepTicks;

    // Stryker disable once Conditional : equivalent; the fixed-offset branch only skips the table look-up.
    internal long OffsetAt(long ticks) => _isFixedOffset ? _fixedOffsetTicks : _offsets.OffsetAt(ticks);

    internal long CellOfTicks(long ticks) => FloorLabel(ticks + OffsetAt(ticks));

    /// <summary>The smallest boundary strictly greater than <paramref name="ticks"/>.</summary>
    internal long NextBoundaryTicks(long ticks)
    {
        if (_isFixedOffset)
        {
            return NextLabelTicks(ticks + _fixedOffsetTicks) - _fixedOffsetTicks;
        }
        var span = _offsets.Find(ticks);
        long label = NextLabelTicks(ticks + span.Offset);
        while (true)
        {
            long candidate = label - span.Offset;
            if (candidate < span.End)
            {
                return candidate;
            }
            // The clock reaches the end of this offset span before it reads `label`: look at the transition.
            long transition = span.End;
            var next = _offsets.Find(transition);
            long readAtTransition = transition + next.Offset;
            // Forward jump (or same offset): labels in [transition + old offset, reading] are read or jumped
            // over at the transition, and `label` is the first of them if any. Backward jump: the clock is
            // set back and reads `readAtTransition` at once, a boundary only if that is a label.
            // Stryker disable once Equality : equivalent; with equal offsets both branches test `label == readAtTransition`.
            bool boundary = next.Offset >= span.Offset ? label <= readAtTransition : IsLabelTicks(readAtTransition);
            if (boundary)
            {
                return transition;
            }
            span = next;
            label = NextLabelTicks(readAtTransition);
        }
    }

    /// <summary>The largest boundary less than or equal to <paramref name="ticks"/>.</summary>
    internal long BoundaryAtOrBeforeTicks(long ticks)
    {
        if (_isFixedOffset)
        {
            return FloorLabel(ticks + _fixedOffsetTicks) - _fixedOffsetTicks;
        }
        var span = _offsets.Find(ticks);
        long label = FloorLabel(ticks + span.Offset);
        while (true)
        {
            long candidate = label - span.Offset;
            if (candidate >= span.Start)
            {
                return candidate;
            }
            // `label` was read before this span began: the span's start is a boundary only if the
            // transition into it jumped forward over a label (here: `label` itself, if it lies in the gap).
            long transition = span.Start;
            var previous = _offsets.Find(transition - 1);
            // Stryker disable once Equality : equivalent; with equal offsets `label >= transition + offset` is already false.
            if (span.Offset >= previous.Offset && label >= transition + previous.Offset)
            {
                return transition;
            }
            span = previous;
            label = FloorLabel(transition + previous.Offset - 1);
        }
    }

    /// <summary>
    /// The boundaries around <paramref name="ticks"/>: <c>(BoundaryAtOrBeforeTicks(ticks), NextBoundaryTicks(ticks))</c>,
    /// the task that contains it. When both lie inside the offset span of <paramref name="ticks"/> (all but the
    /// cells that touch a transition) one table look-up serves both; otherwise it defers to the two methods.
    /// </summary>
    internal (long Start, long End) BoundsTicks(long ticks)
    {
        if (_isFixedOffset)
        {
            long s = FloorLabel(ticks + _fixedOffsetTicks) - _fixedOffsetTicks;
            return (s, s + _stepTicks);
        }
        var span = _offsets.Find(ticks);
        long start = FloorLabel(ticks + span.Offset) - span.Offset;
        long end = start + _stepTicks;
        // The same candidates the two methods test first, with the same conditions.
        if (start >= span.Start && end < span.End)
        {
            return (start, end);
        }
        return (BoundaryAtOrBeforeTicks(ticks), NextBoundaryTicks(ticks));
    }

    /// <summary>
    /// The boundary of <paramref name="localLabel"/>: the first instant at which the local clock reads that
    /// label or jumps forward past it (for a label read twice, its first pass). Calendar windows use it to turn
    /// "the first of the month" into an instant with the day grid's own gap and overlap rules.
    /// </summary>
    internal long FirstBoundaryOfLabelTicks(long localLabel) => FirstInstantReadingTicks(localLabel);

    /// <summary>
    /// The first instant at which the local clock reads <paramref name="local"/> or jumps forward past it: a local
    /// time in a gap is the instant of the jump, one read twice its first pass. For a label this is its first
    /// boundary; path event times use it for any local time.
    /// </summary>
    /// <remarks>
    /// Offsets lie within ±18 hours, so no instant before <c>local − 18 h</c> reads <paramref name="local"/> or
    /// later. From the offset span holding that instant, each span either reads <paramref name="local"/> (at
    /// <c>local − offset</c>), or begins past it (the transition into it jumped over it), or ends before it:
    /// then the next span is looked at. That is one or two spans but for zones with transitions hours apart.
    /// </remarks>
    internal long FirstInstantReadingTicks(long local)
    {
        if (_isFixedOffset)
        {
            return local - _fixedOffsetTicks;
        }
        const long Reach = 18 * TimeSpan.TicksPerHour;
        var span = _offsets.Find(local - Reach);
        while (true)
        {
            long candidate = local - span.Offset;
            if (candidate < span.Start)
            {
                // The clock read less than `local` just before this span and more at its start: it jumped past.
                return span.Start;
            }
            if (candidate < span.End)
            {
                return candidate;
            }
            span = _offsets.Find(span.End);
        }
    }

    /// <summary>
    /// The instants whose local time lies in <c>[localStart, localEnd)</c>, as ordered, disjoint tick ranges
    /// with adjacent ones joined. Offsets are within ±18 hours, so only spans near the local range matter.
    /// A struct enumerable: <c>foreach</c> over it allocates nothing (local ranges are answered per query).
    /// </summary>
    internal OwnedRanges OwnedTickRanges(long localStart, long localEnd) => new(this, localStart, localEnd);

    /// <summary>The ranges of <see cref="OwnedTickRanges"/>, enumerated without allocating.</summary>
    internal struct OwnedRanges
    {
        private const long Reach = 18 * TimeSpan.TicksPerHour;
        private readonly LocalClockGrid _grid;
        private readonly long _localStart;
        private readonly long _localEnd;
        private readonly long _stop;
        private long _t;
        private long _pendingStart;
        private long _pendingEnd;
        private bool _pending;
        private bool _walked;

        internal OwnedRanges(LocalClockGrid grid, long localStart, long localEnd)
        {
            _grid = grid;
            _localStart = localStart;
            _localEnd = localEnd;
            _t = localStart - Reach;
            _stop = localEnd + Reach;
            _pendingStart = _pendingEnd = 0;
            _pending = _walked = false;
            Current = default;
        }

        /// <summary>The current range.</summary>
        public (long Start, long End) Current { get; private set; }

        /// <summary>The enumerator is the enumerable itself (a copy, so that one value can be walked twice).</summary>
        public readonly OwnedRanges GetEnumerator() => this;

        /// <summary>Walks the offset spans to the next joined range.</summary>
        public bool MoveNext()
        {
            // Stryker disable once Equality : equivalent; a span starting at `stop` cannot intersect the range.
            while (!_walked && _t < _stop)
            {
                // Stryker disable once Conditional : equivalent; the fixed-offset branch only skips the table look-up.
                var span = _grid._isFixedOffset ? new OffsetSpan(long.MinValue, long.MaxValue, _grid._fixedOffsetTicks) : _grid._offsets.Find(_t);
                long s = Math.Max(span.Start, _localStart - span.Offset);
                long e = Math.Min(span.End, _localEnd - span.Offset);
                // Stryker disable once Statement,Block : equivalent; `t = long.MaxValue` ends the loop as well.
                if (span.End == long.MaxValue)
                {
                    _walked = true;
                }
                else
                {
                    _t = span.End;
                }
                if (s < e)
                {
                    if (_pending && _pendingEnd == s)
                    {
                        _pendingEnd = e;
                    }
                    else
                    {
                        bool had = _pending;
                        var previous = (_pendingStart, _pendingEnd);
                        (_pendingStart, _pendingEnd, _pending) = (s, e, true);
                        if (had)
                        {
                            Current = previous;
                            return true;
                        }
                    }
                }
            }
            _walked = true;
            if (_pending)
            {
                Current = (_pendingStart, _pendingEnd);
                _pending = false;
                return true;
            }
            return false;
        }
    }
}

using NodaTime;
using UpStats.Time.Grid;

namespace UpStats.Time.Partitioning;

/// <summary>
/// A local-time range <c>[From, To)</c> of a zone as UTC: the instants whose wall clock reads inside it, and the
/// source partitions that hold them. The analyst's "2020-04-09 in Pacific Time" over UTC-hourly folders.
/// </summary>
/// <remarks>
/// <para>
/// The set is exact. A DST gap inside the range makes it shorter (the skipped hour owns nothing); a local day
/// that was skipped altogether (Pacific/Apia 2011-12-30) makes it empty; an edge inside a repeated hour makes it
/// two intervals (01:30 to 02:00 on a fall-back day is read on both passes). The intervals are ordered,
/// disjoint and half-open, with adjacent ones joined; a range of years holds at most a few.
/// </para>
/// <para>
/// The sources are every source partition holding at least one instant of the set, in order of their labels,
/// each marked whole when the set holds all of it: only the first and last of a run are ever cut, so a query
/// engine can read the whole ones without filtering by time. They are kept as runs of consecutive partitions,
/// so a ten-year range costs as little as a day.
/// </para>
/// <example>
/// <code>
/// var pt = PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour);
/// LocalRange day = pt.RangeOf(new LocalDate(2020, 4, 9), new LocalDate(2020, 4, 10));
/// // day.Intervals: [2020-04-09T07:00:00Z, 2020-04-10T07:00:00Z)
/// // day.Sources:   2020-04-09T07 … 2020-04-10T06, 24 UTC hours, all whole
/// LocalRange repeated = pt.RangeOf(new LocalDateTime(2024, 11, 3, 1, 30), new LocalDateTime(2024, 11, 3, 2, 0));
/// // repeated.Intervals: [2024-11-03T08:30:00Z, 2024-11-03T09:00:00Z) and [2024-11-03T09:30:00Z, 2024-11-03T10:00:00Z)
/// </code>
/// </example>
/// </remarks>
public sealed class LocalRange
{
    private readonly Interval[] _intervals;
    private readonly RangeSourceRuns _sources;

    private LocalRange(DateTimeZone zone, SourceLayout source, LocalDateTime from, LocalDateTime to, Interval[] intervals, RangeSourceRuns.Run[] runs)
    {
        Zone = zone;
        Source = source;
        From = from;
        To = to;
        _intervals = intervals;
        _sources = new RangeSourceRuns(runs, source.Grid.StepTicks, source.Precision);
    }

    /// <summary>The zone whose wall clock the range is read on.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The layout of the source partitions.</summary>
    public SourceLayout Source { get; }

    /// <summary>The first local time in the range (inclusive).</summary>
    public LocalDateTime From { get; }

    /// <summary>The end of the range (exclusive).</summary>
    public LocalDateTime To { get; }

    /// <summary>The instants of the range: ordered, disjoint, half-open UTC intervals, adjacent ones joined.</summary>
    public ReadOnlyValueList<Interval> Intervals => new(_intervals, 0, _intervals.Length);

    /// <summary>Whether no instant reads a local time inside the range (an empty range, or a skipped day).</summary>
    public bool IsEmpty => _intervals.Length == 0;

    /// <summary>The source partitions holding at least one instant of the range, in order, each whole or cut.</summary>
    public ReadOnlyValueList<RangeSource> Sources => _sources.List;

    /// <summary>The sources as runs of consecutive labels (what a predicate over partition columns is written from).</summary>
    internal RangeSourceRuns SourceRuns => _sources;

    /// <summary>Whether <paramref name="instant"/> reads a local time inside the range.</summary>
    public bool Contains(Instant instant)
    {
        foreach (var interval in _intervals)
        {
            if (interval.Contains(instant))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>For example <c>America/Los_Angeles [2020-04-09T00:00:00, 2020-04-10T00:00:00): 1 interval, 24 sources</c>.</summary>
    public override string ToString() =>
        $"{Zone.Id} [{From:uuuu-MM-dd'T'HH:mm:ss}, {To:uuuu-MM-dd'T'HH:mm:ss}): {_intervals.Length} interval(s), {Sources.Count} source(s)";

    // The local times accepted: every instant they can read lies within NodaTime's range (offsets are within ±18 h).
    private static readonly LocalDateTime Earliest = new(1, 1, 1, 0, 0);
    private static readonly LocalDateTime Latest = new(9999, 12, 31, 0, 0);

    /// <summary>Builds the range on <paramref name="grid"/> (the zone's clock) over <paramref name="source"/>.</summary>
    internal static LocalRange Create(LocalClockGrid grid, SourceLayout source, LocalDateTime from, LocalDateTime to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The range end {to:uuuu-MM-dd'T'HH:mm:ss} is before its start {from:uuuu-MM-dd'T'HH:mm:ss}.", nameof(to));
        }
        if (from < Earliest || to > Latest)
        {
            throw new ArgumentOutOfRangeException(from < Earliest ? nameof(from) : nameof(to), from < Earliest ? from : to,
                "A local range must lie between 0001-01-01T00:00 and 9999-12-31T00:00.");
        }
        long localStart = LocalClockGrid.LocalTicks(from), localEnd = LocalClockGrid.LocalTicks(to);
        var owned = grid.OwnedTickRanges(localStart, localEnd);
        int n = 0;
        foreach (var _ in owned)
        {
            n++;
        }
        var intervals = n == 0 ? [] : new Interval[n];
        // Three runs per interval at most (cut head, whole middle, cut tail) over a fixed-offset source layout.
        Span<RangeSourceRuns.Run> runs = n <= 8 ? stackalloc RangeSourceRuns.Run[24] : new RangeSourceRuns.Run[3 * n];
        int runCount = 0, i = 0;
        var sourceGrid = source.Grid;
        foreach (var (s, e) in owned)
        {
            intervals[i++] = new Interval(Instant.FromUnixTimeTicks(s), Instant.FromUnixTimeTicks(e));
            if (sourceGrid.IsFixedOffset)
            {
                AddFixed(sourceGrid, s, e, runs, ref runCount);
            }
        }
        if (!sourceGrid.IsFixedOffset)
        {
            return new LocalRange(grid.Zone, source, from, to, intervals, SourceRunsWithDst(sourceGrid, intervals));
        }
        return new LocalRange(grid.Zone, source, from, to, intervals, runs[..runCount].ToArray());
    }

    /// <summary>
    /// The sources of <c>[start, end)</c> over a fixed-offset layout: the cells from the one holding
    /// <paramref name="start"/> to the one holding the last tick, whole except where an end cuts one.
    /// </summary>
    private static void AddFixed(LocalClockGrid sourceGrid, long start, long end, Span<RangeSourceRuns.Run> runs, ref int count)
    {
        long offset = sourceGrid.FixedOffsetTicks, step = sourceGrid.StepTicks;
        long first = sourceGrid.FloorLabel(start + offset), last = sourceGrid.FloorLabel(end - 1 + offset);
        bool headWhole = start == first - offset, tailWhole = end == last - offset + step;
        if (first == last)
        {
            Append(runs, ref count, first, 1, headWhole && tailWhole, step);
            return;
        }
        Append(runs, ref count, first, 1, headWhole, step);
        if (last - first > step)
        {
            Append(runs, ref count, first + step, ((last - first) / step) - 1, true, step);
        }
        Append(runs, ref count, last, 1, tailWhole, step);
    }

    /// <summary>Appends labels, joining a run of the same kind and dropping a label the previous interval already cut.</summary>
    private static void Append(Span<RangeSourceRuns.Run> runs, ref int count, long label, long n, bool whole, long step)
    {
        if (count > 0)
        {
            ref var previous = ref runs[count - 1];
            if (previous.LastLabel(step) >= label)
            {
                // Two intervals of the set in one source cell (the two passes of a 30-minute overlap inside one
                // UTC hour): the cell was cut by the first, so it is listed once, as cut.
                label += step;
                if (--n == 0)
                {
                    return;
                }
            }
            if (previous.IsWhole == whole && previous.LastLabel(step) + step == label)
            {
                previous = previous with { Count = previous.Count + n };
                return;
            }
        }
        runs[count++] = new RangeSourceRuns.Run(label, n, whole);
    }

    /// <summary>
    /// The general case, a source layout on a clock with DST: walks the source cells the intervals touch, then
    /// marks a label whole when every instant it owns (both passes of a repeated label) lies in the set.
    /// </summary>
    private static RangeSourceRuns.Run[] SourceRunsWithDst(LocalClockGrid sourceGrid, Interval[] intervals)
    {
        var labels = new SortedSet<long>();
        foreach (var interval in intervals)
        {
            long e = interval.End.ToUnixTimeTicks();
            for (long t = interval.Start.ToUnixTimeTicks(); t < e; t = sourceGrid.NextBoundaryTicks(t))
            {
                labels.Add(sourceGrid.CellOfTicks(t));
            }
        }
        long step = sourceGrid.StepTicks;
        Span<RangeSourceRuns.Run> runs = new RangeSourceRuns.Run[labels.Count];
        int count = 0;
        foreach (long label in labels)
        {
            bool whole = true;
            foreach (var (s, e) in sourceGrid.OwnedTickRanges(label, label + step))
            {
                whole &= Array.Exists(intervals, i => i.Start.ToUnixTimeTicks() <= s && e <= i.End.ToUnixTimeTicks());
            }
            Append(runs, ref count, label, 1, whole, step);
        }
        return runs[..count].ToArray();
    }
}

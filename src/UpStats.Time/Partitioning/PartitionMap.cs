using NodaTime;
using UpStats.Time.Grid;

namespace UpStats.Time.Partitioning;

/// <summary>
/// Udemy's Pacific-Time Hive view, for any zone: the partitions of a target zone's local clock (hours or
/// days) laid over source partitions (UTC hours by default), each with what it owns and what it reads.
/// </summary>
/// <remarks>
/// <para>
/// Both sides are cells of one <see cref="LocalClockGrid"/>: the target grid (the zone, one hour or one day)
/// groups instants by local label; the source grid names the folders. A label in a DST gap owns nothing
/// (<see cref="PartitionKind.Skipped"/>), a label read twice owns both passes (<see cref="PartitionKind.Merged"/>),
/// an offset that is not a whole number of source steps cuts sources (<see cref="PartitionKind.Partial"/>).
/// </para>
/// <example>
/// <code>
/// var pt = PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour);
/// foreach (LocalPartition p in pt.PartitionsOf(new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 4)))
///     Console.WriteLine(p);
/// // 2024-11-03T00 regular 2024-11-03T07:00:00Z/2024-11-03T08:00:00Z &lt;- 2024-11-03T07
/// // 2024-11-03T01 merged 2024-11-03T08:00:00Z/2024-11-03T10:00:00Z &lt;- 2024-11-03T08 2024-11-03T09
/// // … 24 partitions in all
/// LocalPartitionKey key = pt.KeyOf(Instant.FromUtc(2024, 11, 3, 9, 30)); // 2024-11-03T01
/// </code>
/// </example>
/// </remarks>
public sealed class PartitionMap
{
    // Offsets are within ±18 hours: the instants whose local time lies in [L, E) lie in [L − Reach, E + Reach).
    private const long Reach = 18 * TimeSpan.TicksPerHour;

    private readonly LocalClockGrid _grid;

    private PartitionMap(DateTimeZone zone, PartitionGranularity granularity, SourceLayout source)
    {
        Zone = zone;
        Granularity = granularity;
        Source = source;
        _grid = LocalClockGrid.EveryMinutes(zone, granularity == PartitionGranularity.Day ? 1440 : 60);
    }

    /// <summary>The local partitions of <paramref name="zone"/> over UTC-hourly source partitions.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public static PartitionMap For(DateTimeZone zone, PartitionGranularity granularity) => For(zone, granularity, SourceLayout.UtcHourly);

    /// <summary>The local partitions of <paramref name="zone"/> over the given source layout.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> or <paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="granularity"/> is not defined.</exception>
    public static PartitionMap For(DateTimeZone zone, PartitionGranularity granularity, SourceLayout source)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(source);
        if (granularity is not (PartitionGranularity.Hour or PartitionGranularity.Day))
        {
            throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "The granularity must be Hour or Day.");
        }
        return new PartitionMap(zone, granularity, source);
    }

    /// <summary>The target zone: partitions are labelled by its local clock.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>One local hour or one local day per partition.</summary>
    public PartitionGranularity Granularity { get; }

    /// <summary>How the source data is partitioned (UTC hours by default).</summary>
    public SourceLayout Source { get; }

    /// <summary>The target grid: one cell per local partition.</summary>
    public LocalClockGrid Grid => _grid;

    /// <summary>
    /// The key of the local partition <paramref name="instant"/> belongs to: its local time, floored to the
    /// hour (or day). Allocation-free; the per-event hot path.
    /// </summary>
    public LocalPartitionKey KeyOf(Instant instant) => new(_grid.CellOfTicks(instant.ToUnixTimeTicks()), Granularity);

    /// <summary>The key of the source partition that holds <paramref name="instant"/>. Allocation-free.</summary>
    public SourcePartitionKey SourceKeyOf(Instant instant) => Source.KeyOf(instant);

    /// <summary>The partition with key <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> has another granularity than this map.</exception>
    public LocalPartition Partition(LocalPartitionKey key)
    {
        if (key.Granularity != Granularity)
        {
            throw new ArgumentException($"The key {key} is a {key.Granularity} key; this map has {Granularity} partitions.", nameof(key));
        }
        var builder = new Builder(this, 1);
        builder.Add(key.LocalTicks);
        return builder.Finish()[0];
    }

    /// <summary>
    /// Every local partition label of the local dates <c>[from, to)</c>, in order, including skipped ones
    /// (a skipped calendar day, such as Apia's 2011-12-30, still has its labels).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range holds more than 100,000,000 partitions (plan it in pieces).</exception>
    public ReadOnlyValueList<LocalPartition> PartitionsOf(LocalDate from, LocalDate to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The range end {to:uuuu-MM-dd} is before its start {from:uuuu-MM-dd}.", nameof(to));
        }
        long first = LocalClockGrid.LocalTicks(from.AtMidnight());
        long last = LocalClockGrid.LocalTicks(to.AtMidnight());
        long step = _grid.StepTicks;
        if ((last - first) / step > 100_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, "The range holds more than 100,000,000 partitions; plan it in pieces.");
        }
        var source = Source.Grid;
        bool runs = source.IsFixedOffset;
        var builder = new Builder(this, runs ? 16 : (int)((last - first) / step));
        var list = new List<PartitionRuns.Run>();
        var span = new OffsetSpan(0, 0, 0);
        int index = 0;
        for (long label = first; label < last;)
        {
            if (!(span.Start <= label - Reach && label + step + Reach <= span.End))
            {
                span = _grid.SpanAt(label);
            }
            if (runs && span.Start <= label - Reach && label + step + Reach <= span.End)
            {
                // Every label up to span.End − Reach − step owns exactly [label − offset, label − offset + step).
                long lastLabel = span.End == long.MaxValue ? last - step : Math.Min(last - step, span.End - Reach - step);
                int n = (int)((lastLabel - label) / step) + 1;
                long phase = 0;
                int sourceCount = 0;
                var kind = PartitionKind.Regular;
                if (step % source.StepTicks == 0)
                {
                    long start = label - span.Offset;
                    (kind, long firstSource, sourceCount) = PartitionRuns.Uniform(source, start, start + step);
                    phase = start + source.FixedOffsetTicks - firstSource;
                }
                list.Add(new PartitionRuns.Run(index, n, label, span.Offset, -1, phase, sourceCount, kind));
                index += n;
                label += n * step;
            }
            else
            {
                int e = builder.Count;
                builder.Add(label);
                if (list.Count > 0 && list[^1].ExplicitStart >= 0)
                {
                    list[^1] = list[^1] with { Count = list[^1].Count + 1 };
                }
                else
                {
                    list.Add(new PartitionRuns.Run(index, 1, label, 0, e, 0, 0, PartitionKind.Skipped));
                }
                index++;
                label += step;
            }
        }
        return new PartitionRuns(this, list.ToArray(), builder.Finish(), index).List;
    }

    /// <summary>
    /// The local-time range <c>[from, to)</c> of the map's zone as UTC intervals and the source partitions holding
    /// them (see <see cref="LocalRange"/>). The map's granularity plays no part: the range is cut at any minute.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound lies before 0001-01-01T00:00 or after 9999-12-31T00:00.</exception>
    public LocalRange RangeOf(LocalDateTime from, LocalDateTime to) => LocalRange.Create(_grid, Source, from, to);

    /// <summary>The local dates <c>[from, to)</c> (from local midnight to local midnight) as a <see cref="LocalRange"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is after 9999-12-31.</exception>
    public LocalRange RangeOf(LocalDate from, LocalDate to) => LocalRange.Create(_grid, Source, from.AtMidnight(), to.AtMidnight());

    /// <summary>The end of the source partition <paramref name="key"/>: when its folder is complete.</summary>
    internal long SourceEndTicks(SourcePartitionKey key)
    {
        var grid = Source.Grid;
        if (grid.IsFixedOffset)
        {
            return key.LocalTicks - grid.FixedOffsetTicks + grid.StepTicks;
        }
        long end = long.MinValue;
        foreach (var (_, e) in grid.OwnedTickRanges(key.LocalTicks, key.LocalTicks + grid.StepTicks))
        {
            end = Math.Max(end, e);
        }
        return end;
    }

    /// <summary>
    /// Fills flat arrays of intervals and slices for consecutive labels; partitions view slices of them.
    /// </summary>
    /// <remarks>
    /// The fast path: when every instant within 18 hours of the label's local hour lies in one offset span,
    /// the hour owns exactly <c>[L − offset, E − offset)</c>; only the labels near a transition take the general
    /// <see cref="LocalClockGrid.OwnedTickRanges"/> walk. A year of hourly labels has ~80 such labels per transition.
    /// </remarks>
    private struct Builder
    {
        private readonly PartitionMap _map;
        private readonly LocalClockGrid _grid;
        private readonly LocalClockGrid _sourceGrid;
        private readonly KeyPrecision _sourcePrecision;
        private readonly long _step;
        private LocalPartition[] _partitions;
        // Per partition: first interval, interval count, first slice, slice count (fixed up in Finish).
        private int[] _offsets;
        private Interval[] _intervals;
        private SourceSlice[] _slices;
        private int _partitionCount;
        private int _intervalCount;
        private int _sliceCount;
        private OffsetSpan _span;

        internal Builder(PartitionMap map, int capacity)
        {
            _map = map;
            _grid = map._grid;
            _sourceGrid = map.Source.Grid;
            _sourcePrecision = map.Source.Precision;
            _step = _grid.StepTicks;
            _partitions = new LocalPartition[Math.Max(1, capacity)];
            _offsets = new int[_partitions.Length * 4];
            _intervals = new Interval[capacity + 4];
            long perPartition = (_step + _sourceGrid.StepTicks - 1) / _sourceGrid.StepTicks + 1;
            _slices = new SourceSlice[(int)Math.Min(int.MaxValue / 2, capacity * perPartition + 4)];
            _span = new OffsetSpan(0, 0, 0);
        }

        internal readonly int Count => _partitionCount;

        internal void Add(long label)
        {
            long end = label + _step;
            int i0 = _intervalCount, s0 = _sliceCount;
            bool allWhole = true;
            if (!(_span.Start <= label - Reach && end + Reach <= _span.End))
            {
                _span = _grid.SpanAt(label);
            }
            if (_span.Start <= label - Reach && end + Reach <= _span.End)
            {
                AddOwned(label - _span.Offset, end - _span.Offset, ref allWhole);
            }
            else
            {
                foreach (var (s, e) in _grid.OwnedTickRanges(label, end))
                {
                    AddOwned(s, e, ref allWhole);
                }
            }
            int intervals = _intervalCount - i0, slices = _sliceCount - s0;
            var kind = intervals == 0 ? PartitionKind.Skipped
                : !allWhole ? PartitionKind.Partial
                : slices == 1 ? PartitionKind.Regular
                : PartitionKind.Merged;
            if (_partitionCount == _partitions.Length)
            {
                Array.Resize(ref _partitions, _partitions.Length * 2);
                Array.Resize(ref _offsets, _partitions.Length * 4);
            }
            int p = _partitionCount++;
            _partitions[p] = new LocalPartition(new LocalPartitionKey(label, _map.Granularity), kind, default, default);
            _offsets[4 * p] = i0;
            _offsets[4 * p + 1] = intervals;
            _offsets[4 * p + 2] = s0;
            _offsets[4 * p + 3] = slices;
        }

        internal LocalPartition[] Finish()
        {
            for (int p = 0; p < _partitionCount; p++)
            {
                ref var partition = ref _partitions[p];
                partition = new LocalPartition(partition.Key, partition.Kind,
                    new ReadOnlyValueList<Interval>(_intervals, _offsets[4 * p], _offsets[4 * p + 1]),
                    new ReadOnlyValueList<SourceSlice>(_slices, _offsets[4 * p + 2], _offsets[4 * p + 3]));
            }
            return _partitionCount == _partitions.Length ? _partitions : _partitions[.._partitionCount];
        }

        private void AddOwned(long start, long end, ref bool allWhole)
        {
            if (_intervalCount == _intervals.Length)
            {
                Array.Resize(ref _intervals, _intervals.Length * 2);
            }
            _intervals[_intervalCount++] = new Interval(Instant.FromUnixTimeTicks(start), Instant.FromUnixTimeTicks(end));
            if (_sourceGrid.IsFixedOffset)
            {
                // UTC (or any fixed offset): source partitions are consecutive fixed-length ranges.
                long offset = _sourceGrid.FixedOffsetTicks, step = _sourceGrid.StepTicks;
                for (long t = start; t < end;)
                {
                    long label = _sourceGrid.FloorLabel(t + offset);
                    long pieceStart = label - offset, pieceEnd = pieceStart + step;
                    long sliceEnd = Math.Min(pieceEnd, end);
                    bool whole = t == pieceStart && sliceEnd == pieceEnd;
                    AddSlice(new SourceSlice(new SourcePartitionKey(label, _sourcePrecision), t, sliceEnd, whole));
                    allWhole &= whole;
                    t = sliceEnd;
                }
                return;
            }
            // A source zone with DST: a source partition may own two passes; find the one holding t.
            for (long t = start; t < end;)
            {
                long label = _sourceGrid.CellOfTicks(t);
                long pieceStart = t, pieceEnd = t;
                int pieces = 0;
                foreach (var (s, e) in _sourceGrid.OwnedTickRanges(label, label + _sourceGrid.StepTicks))
                {
                    pieces++;
                    if (s <= t && t < e)
                    {
                        (pieceStart, pieceEnd) = (s, e);
                    }
                }
                long sliceEnd = Math.Min(pieceEnd, end);
                bool whole = pieces == 1 && t == pieceStart && sliceEnd == pieceEnd;
                AddSlice(new SourceSlice(new SourcePartitionKey(label, _sourcePrecision), t, sliceEnd, whole));
                allWhole &= whole;
                t = sliceEnd;
            }
        }

        private void AddSlice(SourceSlice slice)
        {
            if (_sliceCount == _slices.Length)
            {
                Array.Resize(ref _slices, _slices.Length * 2);
            }
            _slices[_sliceCount++] = slice;
        }
    }
}

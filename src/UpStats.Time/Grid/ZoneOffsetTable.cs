using System.Runtime.CompilerServices;
using NodaTime;

namespace UpStats.Time.Grid;

/// <summary>
/// The wall offsets of one zone as flat arrays (interval starts, ends and offsets, in ticks), found through a
/// bucket index. Every grid question ("which offset applies at t", "where does this interval end")
/// runs through here so that hot loops neither allocate nor walk NodaTime's zone-interval objects.
/// </summary>
/// <remarks>
/// Why a precomputed table: NodaTime's <see cref="DateTimeZone.GetZoneInterval"/> is already cached, but it
/// returns a reference type per period and costs a hash and a few indirections per call; a table over
/// 1800–2400 is ~800 entries for a zone with yearly DST, built once per zone. Instants outside the table fall back to NodaTime directly, so the table never changes a result.
/// </remarks>
internal sealed class ZoneOffsetTable
{
    // Keyed by the zone object, not its id: two providers (or a test zone) may reuse an id with other rules.
    private static readonly ConditionalWeakTable<DateTimeZone, ZoneOffsetTable> Cache = new();

    private static readonly Instant TableStart = Instant.FromUtc(1800, 1, 1, 0, 0);
    private static readonly Instant TableEnd = Instant.FromUtc(2400, 1, 1, 0, 0);

    private readonly DateTimeZone _zone;
    private readonly long _tableStartTicks;
    private readonly long _tableEndTicks;
    // _starts[i] is the first tick of interval i; interval i ends at _starts[i + 1] (or _tableEndTicks).
    private readonly long[] _starts;
    // _ends[i] == _starts[i + 1] (or _tableEndTicks): the look-up's step is one compare.
    private readonly long[] _ends;
    private readonly long[] _offsets;
    // _bucketFirst[b] is the interval holding the first tick of bucket b (2^45 ticks ≈ 40.7 days). A look-up starts
    // there and steps forward past the rare transitions inside the bucket: ~5,400 ints per zone for 600 years,
    // and unsorted instants cost two or three compares instead of a ~10-step binary search (PartitionKeyBenchmarks, random).
    // The table is read-only after construction on purpose. An earlier "last hit" index, written on every miss,
    // saved a compare or two on sorted events but made threads sharing a zone (DuckDB's worker threads calling
    // upstats_local_key) write one cache line per row: 2 threads ran slower than 1 (benchmarks/results/EMBEDDING.md).
    private const int BucketShift = 45;
    private readonly int[] _bucketFirst;

    private ZoneOffsetTable(DateTimeZone zone)
    {
        _zone = zone;
        _tableStartTicks = TableStart.ToUnixTimeTicks();
        _tableEndTicks = TableEnd.ToUnixTimeTicks();
        var starts = new List<long>();
        var offsets = new List<long>();
        foreach (var zi in zone.GetZoneIntervals(TableStart, TableEnd))
        {
            // Stryker disable once Equality : equivalent; an interval starting exactly at TableStart is clamped to itself.
            long start = zi.HasStart && zi.Start > TableStart ? zi.Start.ToUnixTimeTicks() : _tableStartTicks;
            starts.Add(start);
            offsets.Add(zi.WallOffset.Ticks);
        }
        _starts = starts.ToArray();
        _offsets = offsets.ToArray();
        _ends = new long[_starts.Length];
        for (int i = 0; i < _starts.Length; i++)
        {
            _ends[i] = i + 1 < _starts.Length ? _starts[i + 1] : _tableEndTicks;
        }
        _bucketFirst = new int[(int)((_tableEndTicks - _tableStartTicks - 1) >> BucketShift) + 1];
        for (int b = 0, i = 0; b < _bucketFirst.Length; b++)
        {
            long bucketStart = _tableStartTicks + ((long)b << BucketShift);
            while (bucketStart >= _ends[i])
            {
                i++;
            }
            _bucketFirst[b] = i;
        }
    }

    /// <summary>The table of <paramref name="zone"/>, built on first use and shared by every grid of that zone.</summary>
    internal static ZoneOffsetTable For(DateTimeZone zone) =>
        Cache.GetValue(zone, static z => new ZoneOffsetTable(z));

    internal DateTimeZone Zone => _zone;

    /// <summary>The zone interval holding <paramref name="ticks"/>: its offset and bounds (long.MinValue/MaxValue when unbounded).</summary>
    internal OffsetSpan Find(long ticks)
    {
        if (ticks >= _tableStartTicks && ticks < _tableEndTicks)
        {
            int i = IndexInTable(ticks);
            long end = i + 1 < _starts.Length ? _starts[i + 1] : _tableEndTicks;
            long start = _starts[i];
            // The first and last table entries may continue past the table: ask NodaTime for their true bounds.
            if (i == 0 || i == _starts.Length - 1)
            {
                return Exact(ticks);
            }
            return new OffsetSpan(start, end, _offsets[i]);
        }
        return Exact(ticks);
    }

    /// <summary>The offset at <paramref name="ticks"/>.</summary>
    internal long OffsetAt(long ticks)
    {
        if (ticks >= _tableStartTicks && ticks < _tableEndTicks)
        {
            return _offsets[IndexInTable(ticks)];
        }
        return _zone.GetUtcOffset(Instant.FromUnixTimeTicks(ticks)).Ticks;
    }

    /// <summary>The index of the interval holding <paramref name="ticks"/>, which must lie inside the table.</summary>
    private int IndexInTable(long ticks)
    {
        int i = _bucketFirst[(int)((ticks - _tableStartTicks) >> BucketShift)];
        while (ticks >= _ends[i])
        {
            i++;
        }
        return i;
    }

    private OffsetSpan Exact(long ticks)
    {
        var zi = _zone.GetZoneInterval(Instant.FromUnixTimeTicks(ticks));
        long start = zi.HasStart ? zi.Start.ToUnixTimeTicks() : long.MinValue;
        long end = zi.HasEnd ? zi.End.ToUnixTimeTicks() : long.MaxValue;
        return new OffsetSpan(start, end, zi.WallOffset.Ticks);
    }
}

/// <summary>A period of constant wall offset: instants in [Start, End) read local time instant + Offset (all in ticks).</summary>
internal readonly record struct OffsetSpan(long Start, long End, long Offset);

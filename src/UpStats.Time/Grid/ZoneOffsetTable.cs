using System.Runtime.CompilerServices;
using NodaTime;

namespace UpStats.Time.Grid;

/// <summary>
/// The wall offsets of one zone as two flat arrays (interval starts and offsets, in ticks), searched
/// by binary search. Every grid question ("which offset applies at t", "where does this interval end")
/// runs through here so that hot loops neither allocate nor walk NodaTime's zone-interval objects.
/// </summary>
/// <remarks>
/// Why a precomputed table: NodaTime's <see cref="DateTimeZone.GetZoneInterval"/> is already cached, but it
/// returns a reference type per period and costs a hash and a few indirections per call; a table over
/// 1800–2400 is ~800 entries for a zone with yearly DST (13 steps of binary search) and is built once per
/// zone. Instants outside the table fall back to NodaTime directly, so the table never changes a result.
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
    // _ends[i] == _starts[i + 1] (or _tableEndTicks): lets the last-hit check below be two compares.
    private readonly long[] _ends;
    private readonly long[] _offsets;
    // The interval of the last OffsetAt look-up. Events mostly arrive in time order, so the next instant is almost
    // always in the same interval (measured: PartitionKeyBenchmarks, sorted events ~2x faster than the binary search).
    // Shared by threads without a lock on purpose: an int is read and written atomically, and a stale index is
    // only a hint that is checked before use, so a race costs a binary search, never a wrong offset.
    private int _lastHit;

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
            int i = Array.BinarySearch(_starts, ticks);
            if (i < 0)
            {
                i = ~i - 1;
            }
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
        int hit = _lastHit;
        if (ticks >= _starts[hit] && ticks < _ends[hit])
        {
            return _offsets[hit];
        }
        return OffsetAtSearch(ticks);
    }

    private long OffsetAtSearch(long ticks)
    {
        if (ticks >= _tableStartTicks && ticks < _tableEndTicks)
        {
            int i = Array.BinarySearch(_starts, ticks);
            i = i < 0 ? ~i - 1 : i;
            _lastHit = i;
            return _offsets[i];
        }
        return _zone.GetUtcOffset(Instant.FromUnixTimeTicks(ticks)).Ticks;
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

using System.Text;
using NodaTime;
using UpStats.Time.Grid;
using UpStats.Time.Parsing;

namespace UpStats.Time.Paths;

/// <summary>
/// Where a storage source keeps time in its paths: a plain <see cref="Prefix"/>, a <see cref="PathPattern"/> right
/// after it, and the <see cref="Zone"/> whose clock the folders follow (UTC by default). It answers the three
/// questions of file ingestion: the folder of an instant (<see cref="Format"/>), the event time of a file
/// (Upsolver's <c>DATE_PATTERN</c> rule, <see cref="EventTime(ReadOnlySpan{byte}, Instant?)"/>), and the folders a
/// task must list for its window (<see cref="Prefixes"/>).
/// </summary>
/// <remarks>
/// A local time read from a path is turned into an instant the way the local-clock grid turns a label into a
/// boundary: a time in a DST gap is the instant of the jump, a time read twice is its first pass. So a file
/// in the folder of a skipped hour still gets an event time, and one in a repeated hour the earlier one.
/// </remarks>
/// <example>
/// <code>
/// var layout = new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"), "events/");
/// FileEventTime time = layout.EventTime("events/2024/11/03/08/15/a.json"u8, null);
/// // time.Source is Pattern, time.Time is 2024-11-03T08:15:00Z
/// FileEventTime fallback = layout.EventTime("events/manual/a.json"u8, Instant.FromUtc(2024, 11, 3, 8, 20));
/// // fallback.Source is Modified: the path holds no date
/// IReadOnlyList&lt;PathPrefix&gt; folders = layout.Prefixes(Instant.FromUtc(2024, 11, 3, 8, 15), Instant.FromUtc(2024, 11, 3, 8, 17));
/// // events/2024/11/03/08/15 and events/2024/11/03/08/16, each with its minute
/// </code>
/// </example>
public sealed class PathLayout
{
    // A listing is held in memory; a century of minute folders would take gigabytes, so ask for it in pieces.
    private const int MaxPrefixes = 1_000_000;

    // 10000-01-01T00:00 on the local clock, in ticks since 1970: the end of the last folder a four-digit year can name.
    private const long EndOfYear9999 = 253_402_300_800L * TimeSpan.TicksPerSecond;

    // Offsets lie within ±18 hours.
    private const long MaxOffset = 18 * TimeSpan.TicksPerHour;

    private readonly byte[] _prefixUtf8;
    // A one-minute grid of the zone: every path time is a whole minute, so its offsets and first-pass rule serve all.
    private readonly LocalClockGrid _clock;

    /// <summary>A layout of <paramref name="pattern"/> after <paramref name="prefix"/>, in <paramref name="zone"/>.</summary>
    /// <param name="pattern">The date pattern of the folders.</param>
    /// <param name="prefix">Plain text every path starts with, before the pattern (Upsolver's <c>PREFIX</c>); empty by default.</param>
    /// <param name="zone">The zone whose local clock the folder names follow; UTC when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> or <paramref name="prefix"/> is null.</exception>
    public PathLayout(PathPattern pattern, string prefix = "", DateTimeZone? zone = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(prefix);
        Pattern = pattern;
        Prefix = prefix;
        Zone = zone ?? DateTimeZone.Utc;
        _prefixUtf8 = Encoding.UTF8.GetBytes(prefix);
        _clock = LocalClockGrid.EveryMinutes(Zone, 1);
    }

    /// <summary>The date pattern of the folders.</summary>
    public PathPattern Pattern { get; }

    /// <summary>The text every path starts with, before the pattern.</summary>
    public string Prefix { get; }

    /// <summary>The zone of the folders' clock.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The folder of <paramref name="instant"/>: the prefix and the pattern filled from its local time in <see cref="Zone"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> lies outside 0001-01-01T00:00Z to 9999-12-30T00:00Z.</exception>
    public string Format(Instant instant)
    {
        InstantRange.Check(instant, nameof(instant));
        var local = instant.InZone(Zone).LocalDateTime;
        // West of UTC the first hours of 0001-01-01Z read in the year 0, which a four-digit year cannot name.
        InstantRange.CheckResult(LocalClockGrid.LocalTicks(local), nameof(instant), instant);
        return Prefix + Pattern.Format(local);
    }

    /// <summary>
    /// Reads the event time of a UTF-8 path: the pattern right after the prefix, its local time read in <see cref="Zone"/>.
    /// </summary>
    /// <param name="utf8Path">The file's path (or object key).</param>
    /// <param name="eventTime">The event time; <c>default</c> on failure.</param>
    /// <param name="error">Where (a byte index in the path) and why it did not match; <c>default</c> on success.</param>
    /// <returns>Whether the path holds a date. Never allocates.</returns>
    public bool TryReadEventTime(ReadOnlySpan<byte> utf8Path, out Instant eventTime, out ParseError error) =>
        TryRead(utf8Path, _prefixUtf8, out eventTime, out error);

    /// <summary>Reads the event time of a UTF-16 path; see <see cref="TryReadEventTime(ReadOnlySpan{byte}, out Instant, out ParseError)"/>.</summary>
    /// <param name="path">The file's path (or object key).</param>
    /// <param name="eventTime">The event time; <c>default</c> on failure.</param>
    /// <param name="error">Where (a char index in the path) and why it did not match; <c>default</c> on success.</param>
    /// <returns>Whether the path holds a date. Never allocates.</returns>
    public bool TryReadEventTime(ReadOnlySpan<char> path, out Instant eventTime, out ParseError error) =>
        TryRead(path, Prefix.AsSpan(), out eventTime, out error);

    /// <summary>
    /// Upsolver's rule for a file: the date in its path when the pattern matches, else its modified time, else none
    /// (<see cref="FileEventTime.Success"/> false, with the reason the path failed).
    /// </summary>
    /// <param name="utf8Path">The file's path (or object key).</param>
    /// <param name="modified">The file's modified time, when known.</param>
    public FileEventTime EventTime(ReadOnlySpan<byte> utf8Path, Instant? modified) =>
        TryReadEventTime(utf8Path, out var time, out var error) ? new FileEventTime(FileTimeSource.Pattern, time, default) : Fallback(modified, error);

    /// <summary>Upsolver's rule for a UTF-16 path; see <see cref="EventTime(ReadOnlySpan{byte}, Instant?)"/>.</summary>
    /// <param name="path">The file's path (or object key).</param>
    /// <param name="modified">The file's modified time, when known.</param>
    public FileEventTime EventTime(ReadOnlySpan<char> path, Instant? modified) =>
        TryReadEventTime(path, out var time, out var error) ? new FileEventTime(FileTimeSource.Pattern, time, default) : Fallback(modified, error);

    /// <summary>
    /// The folders to list for the window <c>[from, to)</c>: every folder whose time shares an instant with the
    /// window, once, in the order of its first instant inside the window, each with its whole span. Computed from the
    /// pattern's <see cref="PathPattern.Unit"/> (one step per folder, never per minute); a local hour read twice is one
    /// folder, and a folder of a skipped hour holds no instant, so it is never listed.
    /// </summary>
    /// <param name="from">The window's start.</param>
    /// <param name="to">The window's end (excluded).</param>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> or <paramref name="to"/> lies outside 0001-01-01T00:00Z to
    /// 9999-12-30T00:00Z, the window reaches outside the local years 0001–9999, or it holds more than 1,000,000 folders.</exception>
    public IReadOnlyList<PathPrefix> Prefixes(Instant from, Instant to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The window's end {to} is before its start {from}.", nameof(to));
        }
        InstantRange.Check(from, nameof(from));
        InstantRange.Check(to, nameof(to));
        long end = to.ToUnixTimeTicks();
        long t = from.ToUnixTimeTicks();
        // Fail at once rather than after a million folders: a folder of the pattern's unit is at least half its nominal length.
        if (Pattern.Unit >= PathField.Day && (end - t) / NominalTicks(Pattern.Unit) > 2L * MaxPrefixes)
        {
            throw TooMany(to);
        }
        var result = new List<PathPrefix>();
        // Labels already listed: an overlap revisits the labels it repeats, and they are one folder.
        var listed = new HashSet<long>();
        while (t < end)
        {
            long label = FloorToUnit(t + _clock.OffsetAt(t));
            long next = NextUnit(label);
            if (next > EndOfYear9999 - MaxOffset)
            {
                // The folder's span may reach past 9999-12-31T23:59:59Z, the last instant NodaTime (and so this library) handles.
                throw new ArgumentOutOfRangeException(nameof(to), to, "The window reaches a folder that ends in the last 18 hours of 9999, past the last instant this library handles.");
            }
            long spanStart = long.MaxValue, spanEnd = long.MinValue, stretchEnd = long.MaxValue;
            foreach (var (s, e) in _clock.OwnedTickRanges(label, next))
            {
                spanStart = Math.Min(spanStart, s);
                spanEnd = e;
                if (s <= t && t < e)
                {
                    stretchEnd = e;
                }
            }
            if (listed.Add(label))
            {
                if (result.Count == MaxPrefixes)
                {
                    throw TooMany(to);
                }
                result.Add(new PathPrefix(Folder(label), Instant.FromUnixTimeTicks(spanStart), Instant.FromUnixTimeTicks(spanEnd)));
            }
            t = stretchEnd;
        }
        return result;
    }

    private bool TryRead<T>(ReadOnlySpan<T> path, ReadOnlySpan<T> prefix, out Instant eventTime, out ParseError error)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        if (!path.StartsWith(prefix))
        {
            eventTime = default;
            error = new ParseError(path.CommonPrefixLength(prefix), ParseErrorCode.ExpectedPrefix, PathErrorReasons.MissingPrefix);
            return false;
        }
        if (!Pattern.TryMatch(path[prefix.Length..], out long local, out _, out error))
        {
            eventTime = default;
            error = new ParseError(error.Position + prefix.Length, error.Code, error.Reason);
            return false;
        }
        if (local >= EndOfYear9999 - MaxOffset && !InInstantRange(local))
        {
            // 9999-12-31 late in the day, west of Greenwich: after the last instant NodaTime handles.
            eventTime = default;
            error = new ParseError(prefix.Length, ParseErrorCode.InstantOutOfRange);
            return false;
        }
        eventTime = Instant.FromUnixTimeTicks(_clock.FirstInstantReadingTicks(local));
        return true;
    }

    /// <summary>Whether the instant of a local time in the last 18 hours of 9999 is still one NodaTime can hold (rare: kept off the hot path).</summary>
    private bool InInstantRange(long local)
    {
        try
        {
            return _clock.FirstInstantReadingTicks(local) <= Instant.MaxValue.ToUnixTimeTicks();
        }
        catch (ArgumentOutOfRangeException)
        {
            // The zone's offset spans are looked up by instant, and those past 9999 cannot be built.
            return false;
        }
    }

    private static ArgumentOutOfRangeException TooMany(Instant to) =>
        new(nameof(to), to, "The window holds more than 1,000,000 folders; list it in pieces.");

    private static long NominalTicks(PathField unit) => unit switch
    {
        PathField.Minute => TickMath.TicksPerMinute,
        PathField.Hour => TimeSpan.TicksPerHour,
        _ => TickMath.TicksPerDay,
    };

    private static FileEventTime Fallback(Instant? modified, ParseError error) =>
        modified is { } m ? new FileEventTime(FileTimeSource.Modified, m, error) : new FileEventTime(FileTimeSource.None, default, error);

    private string Folder(long label)
    {
        string path = Prefix + Pattern.Format(LocalClockGrid.FromLocalTicks(label));
        return path.EndsWith('/') ? path[..^1] : path;
    }

    private long FloorToUnit(long local)
    {
        var unit = Pattern.Unit;
        if (unit >= PathField.Day)
        {
            return CheckYear(TickMath.FloorToGrid(local, 0, NominalTicks(unit)));
        }
        var date = LocalClockGrid.FromLocalTicks(local).Date;
        var first = unit == PathField.Month ? new LocalDate(date.Year, date.Month, 1) : new LocalDate(date.Year, 1, 1);
        return CheckYear(LocalClockGrid.LocalTicks(first.AtMidnight()));
    }

    private long NextUnit(long label)
    {
        if (Pattern.Unit >= PathField.Day)
        {
            return label + NominalTicks(Pattern.Unit);
        }
        var local = LocalClockGrid.FromLocalTicks(label);
        // The folder of 9999 (or of 9999-12) ends at 10000-01-01, a local time NodaTime's calendar cannot hold.
        if (local.Year == 9999 && (Pattern.Unit == PathField.Year || local.Month == 12))
        {
            return EndOfYear9999;
        }
        return LocalClockGrid.LocalTicks(Pattern.Unit == PathField.Month ? local.PlusMonths(1) : local.PlusYears(1));
    }

    private static long CheckYear(long label)
    {
        // Folder names have four-digit years: 0001-01-01T00:00 to 9999-12-31T23:59 on the local clock.
        const long First = -62_135_596_800L * TimeSpan.TicksPerSecond;
        if (label < First || label >= EndOfYear9999)
        {
            throw new ArgumentOutOfRangeException(nameof(label), "The window reaches a local time outside the years 0001-9999, which a four-digit year cannot name.");
        }
        return label;
    }
}

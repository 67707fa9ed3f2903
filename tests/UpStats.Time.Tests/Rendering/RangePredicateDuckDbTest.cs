using System.Globalization;
using DuckDB.NET.Data;
using UpStats.Time.Partitioning;
using UpStats.Time.Rendering;
using Interval = NodaTime.Interval;

namespace UpStats.Time.Tests.Rendering;

// The DuckDB predicates run on real year=/month=/day=/hour= folders of CSV files. Zones: a gap and an overlap
// (Los Angeles), :30 and :45 offsets (Kolkata, Kathmandu), 30-minute DST (Lord Howe), a skipped day (Apia 2011-12-30),
// an edge inside a repeated hour (two intervals). Each interval's edges start-1s, start, end-1s, end are events, and
// rows whose folder is outside the sources but whose time is inside must be rejected (that is what pruning needs).
// Each file holds the event time three ways: epoch seconds, a TIMESTAMP with the UTC wall clock, and a TIMESTAMPTZ
// written with the offset of the range's zone. The timestamp predicates run in a session whose TimeZone is neither
// UTC nor the range's zone, to show their literals do not depend on it; a zone-less column compared with zone-aware
// literals does depend on it (DuckDB casts the column through the session zone), which is why the kinds are two.
public sealed class RangePredicateDuckDbTest : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"upstats-where-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public static TheoryData<string, string, string> Ranges => new()
    {
        { "America/Los_Angeles", "2024-03-10", "2024-03-11" },
        { "America/Los_Angeles", "2024-11-03", "2024-11-04" },
        { "America/Los_Angeles", "2024-11-03T01:30", "2024-11-03T02:00" },
        { "America/Los_Angeles", "2024-03-10T01:15", "2024-03-10T03:15" },
        { "Asia/Kolkata", "2024-01-15", "2024-01-17" },
        { "Asia/Kathmandu", "2024-06-01T10:00", "2024-06-01T13:30" },
        { "Australia/Lord_Howe", "2024-04-07", "2024-04-08" },
        { "Australia/Lord_Howe", "2024-04-07T01:40", "2024-04-07T01:50" },
        { "Australia/Lord_Howe", "2024-10-06T01:45", "2024-10-06T02:45" },
        { "Pacific/Apia", "2011-12-30", "2011-12-31" },
        { "Pacific/Apia", "2011-12-29T22:00", "2011-12-31T02:00" },
        { "Europe/London", "2015-01-01", "2025-01-01" },
        // Run edges inside a UTC day at a year's and a month's turn: the comparisons on month, day and hour nest.
        { "America/Los_Angeles", "2023-12-31", "2024-01-01" },
        { "America/Los_Angeles", "2024-03-01", "2024-04-01" },
        // Troll's 2-hour DST: the repeated 01:15–01:45 is 23:15Z and 01:15Z, two runs of sources with a gap between.
        { "Antarctica/Troll", "2024-10-27T01:15", "2024-10-27T01:45" },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void DuckDbPredicate_SelectsExactlyTheRangesRows_StringPartitionsEpochSeconds(string zone, string from, string to) =>
        Check(zone, from, to, integers: false, EventTimeUnit.Seconds);

    [Theory]
    [MemberData(nameof(Ranges))]
    public void DuckDbPredicate_SelectsExactlyTheRangesRows_IntegerPartitionsEpochMilliseconds(string zone, string from, string to) =>
        Check(zone, from, to, integers: true, EventTimeUnit.Milliseconds);

    [Theory]
    [MemberData(nameof(Ranges))]
    public void DuckDbPredicate_SelectsExactlyTheRangesRows_TimestampColumnInAKathmanduSession(string zone, string from, string to) =>
        Check(zone, from, to, integers: false, EventTimeUnit.Timestamp, session: "Asia/Kathmandu");

    [Theory]
    [MemberData(nameof(Ranges))]
    public void DuckDbPredicate_SelectsExactlyTheRangesRows_TimestampTzColumnInAChathamSession(string zone, string from, string to) =>
        Check(zone, from, to, integers: true, EventTimeUnit.TimestampWithTimeZone, session: "Pacific/Chatham");

    [Fact]
    public void DuckDbPredicate_ZonelessColumnAgainstZoneAwareLiterals_DependsOnTheSessionZone()
    {
        var range = PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour).RangeOf(Local("2020-04-09"), Local("2020-04-10"));
        var rows = Rows(range);
        WriteFolders(rows, range.Zone);
        // The wrong kind for a TIMESTAMP column: its literals are TIMESTAMPTZ, so DuckDB casts the column through the session zone.
        string predicate = RangePredicateRenderer.Render(range, new RangePredicateOptions(SqlDialect.DuckDB, "ts") { TimeUnit = EventTimeUnit.TimestampWithTimeZone });
        var expected = rows.Where(r => !r.Misplaced && range.Intervals.Any(i => i.Contains(r.Time))).Select(r => r.Id).ToHashSet();
        Assert.NotEmpty(expected);
        using var db = Open("UTC");
        Assert.True(expected.SetEquals(Ids(db, Select("utc_wall", predicate))));
        Execute(db, "SET TimeZone = 'America/New_York'");
        Assert.False(expected.SetEquals(Ids(db, Select("utc_wall", predicate))));
        // The right kind (zone-less literals) is the same in both sessions.
        string zoneless = RangePredicateRenderer.Render(range, new RangePredicateOptions(SqlDialect.DuckDB, "ts") { TimeUnit = EventTimeUnit.Timestamp });
        Assert.True(expected.SetEquals(Ids(db, Select("utc_wall", zoneless))));
    }

    private void Check(string zoneId, string from, string to, bool integers, EventTimeUnit unit, string? session = null)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var range = PartitionMap.For(zone, PartitionGranularity.Hour).RangeOf(Local(from), Local(to));
        var rows = Rows(range);
        WriteFolders(rows, zone);
        var options = new RangePredicateOptions(SqlDialect.DuckDB, "ts") { IntegerPartitions = integers, TimeUnit = unit };
        string predicate = RangePredicateRenderer.Render(range, options);
        Assert.True(predicate.Length < 4000, predicate);

        using var db = Open(session);
        string scan = Scan(integers);
        string tsExpr = unit switch
        {
            EventTimeUnit.Milliseconds => "ts * 1000 + 0",
            EventTimeUnit.Timestamp => "utc_wall",
            EventTimeUnit.TimestampWithTimeZone => "instant",
            _ => "ts",
        };
        var selected = Ids(db, Select(tsExpr, predicate, integers));
        var expected = rows.Where(r => !r.Misplaced && Contains(zone, range, r.Time)).Select(r => r.Id).ToHashSet();
        Assert.True(expected.SetEquals(selected),
            $"{zoneId} [{from}, {to}): {predicate}\nmissing {string.Join(", ", expected.Except(selected).Select(i => rows[(int)i]))}\n"
            + $"extra {string.Join(", ", selected.Except(expected).Select(i => rows[(int)i]))}");
        // The partition part alone selects the source folders (of those written) and no other.
        if (!range.IsEmpty)
        {
            string partitions = predicate[..predicate.LastIndexOf(") AND (", StringComparison.Ordinal)] + ")";
            var folders = Strings(db, $"SELECT DISTINCT year || '-' || lpad(CAST(month AS VARCHAR), 2, '0') || '-' || lpad(CAST(day AS VARCHAR), 2, '0') || 'T' || lpad(CAST(hour AS VARCHAR), 2, '0') FROM {scan} WHERE {partitions}");
            var sources = range.Sources.ToArray().Select(s => s.Key.ToString()).ToHashSet();
            var written = rows.Select(r => r.Folder.ToString("uuuu-MM-dd'T'HH", CultureInfo.InvariantCulture)).Distinct();
            Assert.Equal(written.Where(sources.Contains).Order(StringComparer.Ordinal), folders.Order(StringComparer.Ordinal));
        }
        // The oracle itself is not vacuous: each case has rows on both sides.
        Assert.Contains(rows, r => !expected.Contains(r.Id));
        Assert.Equal(range.IsEmpty, expected.Count == 0);
    }

    private DuckDBConnection Open(string? session)
    {
        var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        if (session is not null)
        {
            Execute(db, $"SET TimeZone = '{session}'");
            Assert.Equal(session, Strings(db, "SELECT current_setting('TimeZone')").Single());
        }
        return db;
    }

    private string Scan(bool integers) =>
        $"read_csv('{_root}/**/*.csv', hive_partitioning = true, {(integers ? "hive_types = {'year': 'INTEGER', 'month': 'INTEGER', 'day': 'INTEGER', 'hour': 'INTEGER'}" : "hive_types_autocast = false")}, "
        + "header = true, columns = {'id': 'BIGINT', 'ts': 'BIGINT', 'utc_wall': 'TIMESTAMP', 'instant': 'TIMESTAMPTZ'}, filename = true)";

    /// <summary>The ids the predicate selects, with the column <paramref name="tsExpr"/> (a column or an expression of one) as <c>ts</c>.</summary>
    private string Select(string tsExpr, string predicate, bool integers = false) =>
        $"SELECT id FROM (SELECT id, {tsExpr} AS ts, year, month, day, hour FROM {Scan(integers)}) WHERE {predicate}";

    private static void Execute(DuckDBConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>NodaTime's answer: the row's local time in the zone lies in [From, To).</summary>
    private static bool Contains(DateTimeZone zone, LocalRange range, Instant t)
    {
        var local = t.InZone(zone).LocalDateTime;
        return range.From <= local && local < range.To;
    }

    private sealed record Row(long Id, Instant Time, Instant Folder, bool Misplaced)
    {
        public override string ToString() => $"#{Id} {Time} in {Folder:uuuu-MM-ddTHH}{(Misplaced ? " (misplaced)" : "")}";
    }

    /// <summary>
    /// Events at every interval edge (start−1s, start, end−1s, end), a few inside, every hour around the range,
    /// each in its UTC hour's folder; and rows timed inside the range but filed in folders outside the sources.
    /// </summary>
    private static List<Row> Rows(LocalRange range)
    {
        var times = new SortedSet<Instant>();
        var second = Duration.FromSeconds(1);
        foreach (Interval i in range.Intervals)
        {
            times.UnionWith([i.Start - second, i.Start, i.End - second, i.End, i.Start + ((i.End - i.Start) / 2)]);
        }
        var around = range.From.InUtc().ToInstant() - Duration.FromHours(20);
        var until = Instant.Min(range.To.InUtc().ToInstant() + Duration.FromHours(20), around + Duration.FromDays(4));
        for (var t = around; t < until; t += Duration.FromMinutes(37))
        {
            times.Add(t);
        }
        var rows = new List<Row>();
        foreach (var t in times)
        {
            rows.Add(new Row(rows.Count, t, Hour(t), false));
        }
        if (!range.IsEmpty)
        {
            var sources = range.Sources;
            var inside = range.Intervals[0].Start;
            var firstSource = sources[0].Key.Label.InUtc().ToInstant();
            var lastSource = sources[sources.Count - 1].Key.Label.InUtc().ToInstant();
            foreach (var folder in new[] { firstSource - Duration.FromHours(1), lastSource + Duration.FromHours(1), firstSource - Duration.FromDays(400) })
            {
                rows.Add(new Row(rows.Count, inside, folder, true));
            }
        }
        return rows;
    }

    private static Instant Hour(Instant t) => Instant.FromUnixTimeSeconds(t.ToUnixTimeSeconds() / 3600 * 3600);

    private static readonly NodaTime.Text.LocalDateTimePattern UtcWall = NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:ss");
    private static readonly NodaTime.Text.OffsetDateTimePattern WithOffset = NodaTime.Text.OffsetDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm:sso<+HH:mm>");

    /// <summary>One CSV file per UTC hour folder; the TIMESTAMPTZ column is written with the offset of <paramref name="zone"/>.</summary>
    private void WriteFolders(List<Row> rows, DateTimeZone zone)
    {
        foreach (var group in rows.GroupBy(r => r.Folder))
        {
            var h = group.Key.InUtc();
            string dir = Path.Combine(_root, string.Create(CultureInfo.InvariantCulture, $"year={h.Year:D4}/month={h.Month:D2}/day={h.Day:D2}/hour={h.Hour:D2}"));
            Directory.CreateDirectory(dir);
            File.WriteAllLines(Path.Combine(dir, "part.csv"), ["id,ts,utc_wall,instant", .. group.Select(r =>
                $"{r.Id.ToString(CultureInfo.InvariantCulture)},{r.Time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)},"
                + $"{UtcWall.Format(r.Time.InUtc().LocalDateTime)},{WithOffset.Format(r.Time.InZone(zone).ToOffsetDateTime())}")]);
        }
    }

    private static HashSet<long> Ids(DuckDBConnection db, string sql) => Column(db, sql, r => r.GetInt64(0)).ToHashSet();

    internal static List<string> Strings(DuckDBConnection db, string sql) => Column(db, sql, r => r.GetString(0));

    private static List<T> Column<T>(DuckDBConnection db, string sql, Func<DuckDBDataReader, T> read)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read())
        {
            values.Add(read(reader));
        }
        return values;
    }

    private static LocalDateTime Local(string text) =>
        text.Length == 10 ? NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value.AtMidnight()
            : NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(text).Value;

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

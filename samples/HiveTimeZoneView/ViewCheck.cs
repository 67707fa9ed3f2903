using System.Globalization;
using DuckDB.NET.Data;
using NodaTime;
using NodaTime.Text;
using UpStats.Time.Partitioning;
using UpStats.Time.Rendering;

namespace HiveTimeZoneView;

/// <summary>The outcome of one run: every check with its result and what it saw.</summary>
public sealed record ViewReport(IReadOnlyList<(string Check, bool Ok, string Detail)> Checks)
{
    /// <summary>Whether every check held.</summary>
    public bool Success => Checks.Count > 0 && Checks.All(c => c.Ok);
}

/// <summary>
/// Udemy's PT Hive view, end to end on an embedded engine: a UTC-hourly Hive-style Parquet tree of events
/// (as Kafka Connect's S3 sink writes it), an hourly workflow that runs the registration plan of a local zone
/// (registering UTC folders, materialising merged/partial hours once their sources are complete), and DuckDB
/// queries over the resulting local-zone table that check every event is in exactly one local partition, its own.
/// </summary>
public static class ViewCheck
{
    private static readonly LocalDateTimePattern KeyPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH");

    private sealed record Event(long Id, Instant Time, int UserId, double Amount);

    /// <summary>A clock the workflow can move by hand, as an hourly scheduler would.</summary>
    private sealed class WorkflowClock(Instant now) : IClock
    {
        public Instant Now { get; set; } = now;

        public Instant GetCurrentInstant() => Now;
    }

    /// <summary>Builds the local-zone view of <paramref name="zone"/> for the local date ranges and checks it.</summary>
    /// <param name="zone">The target zone.</param>
    /// <param name="ranges">Local date ranges <c>[From, To)</c> to serve.</param>
    /// <param name="workDir">An empty folder for the data (UTC tree, materialised folders, plan.sql).</param>
    /// <param name="seed">Seed of the event generator.</param>
    /// <param name="log">Where to print what happens.</param>
    public static ViewReport Run(DateTimeZone zone, IReadOnlyList<(LocalDate From, LocalDate To)> ranges, string workDir, int seed, TextWriter log)
    {
        var checks = new List<(string, bool, string)>();
        void Check(string name, bool ok, string detail)
        {
            checks.Add((name, ok, detail));
            log.WriteLine($"  [{(ok ? "ok" : "FAIL")}] {name}: {detail}");
        }

        string utcRoot = Path.Combine(workDir, "events_utc");
        string localRoot = Path.Combine(workDir, "events_local_" + zone.Id.Replace('/', '_'));
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();

        // 1. The source: UTC-hourly Parquet folders year=/month=/day=/hour= (strings), two days either side of each range.
        var events = GenerateEvents(zone, ranges, seed);
        WriteUtcTree(db, events, utcRoot);
        int utcFolders = Directory.GetDirectories(utcRoot, "hour=*", SearchOption.AllDirectories).Length;
        log.WriteLine($"wrote {events.Count} events into {utcFolders} UTC-hourly folders under {utcRoot}");

        // 2. The hourly workflow: every hour, plan each range at "now" and run what is due.
        var map = PartitionMap.For(zone, PartitionGranularity.Hour);
        var options = new RegistrationOptions(utcRoot) { MaterializedRoot = localRoot, Grace = Duration.FromMinutes(10) };
        var metastore = new SortedDictionary<string, string>(StringComparer.Ordinal); // partition key → location (the Hive table)
        // Each run executes what became ready since the previous run (an incremental workflow); step 3 re-runs everything.
        var clock = new WorkflowClock(Instant.MinValue);
        int runs = 0, registrations = 0, materialisations = 0, early = 0;
        foreach (var (from, to) in ranges)
        {
            var first = from.PlusDays(-1).AtMidnight().InUtc().ToInstant();
            var last = to.PlusDays(2).AtMidnight().InUtc().ToInstant();
            for (clock.Now = first; clock.Now <= last; clock.Now += Duration.FromHours(1))
            {
                runs++;
                var plan = RegistrationPlan.Create(map, from, to, clock, options);
                foreach (var p in plan.Partitions.Where(p => p.Status == PartitionStatus.Ready && (clock.Now == first || p.ReadyAt > clock.Now - Duration.FromHours(1))))
                {
                    foreach (var action in p.Actions)
                    {
                        early += SourcesEndAfter(plan, action.Key, clock.Now) ? 1 : 0;
                        Execute(db, action, metastore, ref registrations, ref materialisations);
                    }
                }
            }
        }
        var finalPlans = ranges.Select(r => RegistrationPlan.Create(map, r.From, r.To, clock, options)).ToList();
        var planned = finalPlans.SelectMany(p => p.Partitions).ToList();
        log.WriteLine($"ran the plan hourly ({runs} runs): {registrations} registrations (ADD IF NOT EXISTS), {materialisations} materialisations");
        foreach (var kind in Enum.GetValues<PartitionKind>())
        {
            log.WriteLine($"  {kind,-8} {planned.Count(p => p.Partition.Kind == kind)} local partitions");
        }
        var sql = finalPlans.SelectMany(p => HiveStatementRenderer.Render(p, "events_local")).ToList();
        File.WriteAllLines(Path.Combine(workDir, "plan.sql"), sql);
        log.WriteLine($"the Hive statements are written to {Path.Combine(workDir, "plan.sql")} (deleted at the end unless --keep is given), e.g.:");
        foreach (var line in sql.SkipWhile(l => !l.StartsWith("--", StringComparison.Ordinal) || l.Contains("skipped", StringComparison.Ordinal)).Take(4))
        {
            log.WriteLine("  " + line);
        }

        // 3. Re-run the last plan once more: idempotent (same folders, same partitions).
        var before = Snapshot(localRoot, metastore);
        foreach (var action in finalPlans.SelectMany(p => p.Actions))
        {
            Execute(db, action, metastore, ref registrations, ref materialisations);
        }
        Check("re-running the plan changes nothing", Snapshot(localRoot, metastore) == before, before);

        // 4. Query the local-zone table with DuckDB: one SELECT per registered partition, as Hive would read it.
        CreateView(db, metastore);
        var rows = new List<(long Id, DateTime Time, string Key)>();
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "SELECT event_id, event_time, local_key FROM events_local";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetDateTime(1), reader.GetString(2)));
            }
        }
        var expected = events.Where(e => ranges.Any(r => InRange(e.Time.InZone(zone).Date, r))).ToDictionary(e => e.Id);
        var seen = rows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.Count());
        Check("every event of the local dates is in the view", expected.Keys.All(seen.ContainsKey),
            $"{expected.Count(e => seen.ContainsKey(e.Key))} of {expected.Count} events found");
        Check("no event is in two partitions (or twice)", seen.Values.All(c => c == 1),
            $"{seen.Values.Count(c => c > 1)} events seen more than once");
        Check("no event from outside the local dates", seen.Keys.All(expected.ContainsKey),
            $"{seen.Keys.Count(k => !expected.ContainsKey(k))} events from other dates");
        // Independent oracle: NodaTime's InZone, not the grid that built the plan.
        var wrong = rows.Where(r => KeyPattern.Format(Instant.FromDateTimeUtc(DateTime.SpecifyKind(r.Time, DateTimeKind.Utc)).InZone(zone).LocalDateTime) != r.Key).ToList();
        Check("each event's partition is its local hour (NodaTime InZone)", wrong.Count == 0,
            wrong.Count == 0 ? $"{rows.Count} rows agree" : $"{wrong.Count} rows disagree, e.g. event {wrong[0].Id} at {wrong[0].Time:O} in {wrong[0].Key}");
        CheckWithDuckDbTimeZones(db, zone, log, Check);

        // 5. Nothing is duplicated except in the materialised folders, which hold exactly their partitions' rows.
        var materialisedKeys = planned.Where(p => p.Partition.Kind is PartitionKind.Merged or PartitionKind.Partial).Select(p => p.Key.ToString()).ToHashSet();
        long copies = Directory.Exists(localRoot) ? Scalar(db, $"SELECT count(*) FROM read_parquet('{Lit(localRoot)}/**/*.parquet', hive_partitioning = false)") : 0;
        long inMaterialised = rows.LongCount(r => materialisedKeys.Contains(r.Key));
        Check("the only copies are the materialised partitions' rows", copies == inMaterialised,
            $"{copies} rows copied into {materialisedKeys.Count} merged/partial folders, which serve {inMaterialised} rows");
        bool regularAreUtcFolders = planned.Where(p => p.Partition.Kind == PartitionKind.Regular)
            .All(p => metastore.TryGetValue(p.Key.ToString(), out var loc) && loc.StartsWith(utcRoot, StringComparison.Ordinal));
        Check("regular partitions point at the UTC folders (no copy)", regularAreUtcFolders,
            $"{planned.Count(p => p.Partition.Kind == PartitionKind.Regular)} regular partitions");
        Check("skipped labels have no partition", planned.Where(p => p.Status == PartitionStatus.Skipped).All(p => !metastore.ContainsKey(p.Key.ToString())),
            string.Join(", ", planned.Where(p => p.Status == PartitionStatus.Skipped).Select(p => p.Key.ToString()).DefaultIfEmpty("none")));
        Check("nothing was registered or copied before its sources were complete", early == 0, $"{early} early actions");
        return new ViewReport(checks);
    }

    private static bool InRange(LocalDate date, (LocalDate From, LocalDate To) range) => date >= range.From && date < range.To;

    /// <summary>Events in every UTC hour from two days before to two days after each range, with some on the edges of hours and half hours.</summary>
    private static List<Event> GenerateEvents(DateTimeZone zone, IReadOnlyList<(LocalDate From, LocalDate To)> ranges, int seed)
    {
        var random = new Random(seed);
        var hours = new SortedSet<Instant>();
        foreach (var (from, to) in ranges)
        {
            for (var h = from.PlusDays(-2).AtMidnight().InUtc().ToInstant(); h < to.PlusDays(2).AtMidnight().InUtc().ToInstant(); h += Duration.FromHours(1))
            {
                hours.Add(h);
            }
        }
        var events = new List<Event>();
        long id = 0;
        foreach (var hour in hours)
        {
            // Edges first: the first instant of the hour, the last before and the first at :30 and :45 (the cuts of :30/:45 zones).
            var offsets = new List<Duration> { Duration.Zero, Duration.FromMinutes(30) - Duration.FromMilliseconds(1), Duration.FromMinutes(30), Duration.FromMinutes(45), Duration.FromHours(1) - Duration.FromMilliseconds(1) };
            int count = random.Next(10, 30);
            for (int i = 0; i < count; i++)
            {
                offsets.Add(Duration.FromMilliseconds(random.Next(0, 3_600_000)));
            }
            foreach (var offset in offsets)
            {
                events.Add(new Event(++id, hour + offset, random.Next(1, 500), Math.Round(random.NextDouble() * 100, 2)));
            }
        }
        _ = zone;
        return events;
    }

    private static void WriteUtcTree(DuckDBConnection db, List<Event> events, string utcRoot)
    {
        Exec(db, "CREATE TABLE events (event_id BIGINT, event_time TIMESTAMP, user_id INTEGER, amount DOUBLE)");
        using (var appender = db.CreateAppender("events"))
        {
            foreach (var e in events)
            {
                appender.CreateRow().AppendValue(e.Id).AppendValue(e.Time.ToDateTimeUtc()).AppendValue(e.UserId).AppendValue(e.Amount).EndRow();
            }
        }
        // Kafka Connect's layout: string partition columns from the UTC hour, one folder per hour.
        Exec(db, $"""
            COPY (SELECT *, strftime(event_time, '%Y') AS year, strftime(event_time, '%m') AS month,
                            strftime(event_time, '%d') AS day, strftime(event_time, '%H') AS hour FROM events)
            TO '{Lit(utcRoot)}' (FORMAT PARQUET, PARTITION_BY (year, month, day, hour))
            """);
    }

    /// <summary>Runs one action the way an engine would: a materialisation replaces a folder, a registration adds if absent.</summary>
    private static void Execute(DuckDBConnection db, PartitionAction action, IDictionary<string, string> metastore, ref int registrations, ref int materialisations)
    {
        switch (action)
        {
            case MaterializeAction m:
                if (Directory.Exists(m.TargetLocation))
                {
                    Directory.Delete(m.TargetLocation, recursive: true);
                }
                Directory.CreateDirectory(m.TargetLocation);
                foreach (var copy in m.Copies)
                {
                    string filter = copy.IsWhole ? "" : $" WHERE event_time >= TIMESTAMP '{Ts(copy.Start)}' AND event_time < TIMESTAMP '{Ts(copy.End)}'";
                    string file = Path.Combine(m.TargetLocation, $"from-{copy.Source.ToString().Replace(':', '-')}.parquet");
                    Exec(db, $"COPY (SELECT event_id, event_time, user_id, amount FROM read_parquet('{Lit(copy.SourceLocation)}/*.parquet', hive_partitioning = false){filter}) TO '{Lit(file)}' (FORMAT PARQUET)");
                }
                materialisations++;
                break;
            case RegisterAction r:
                // ALTER TABLE … ADD IF NOT EXISTS PARTITION … LOCATION …
                if (metastore.TryAdd(r.Key.ToString(), r.Location))
                {
                    registrations++;
                }
                break;
        }
    }

    /// <summary>Whether some source of the partition has not ended by <paramref name="now"/> (an action that came too early).</summary>
    private static bool SourcesEndAfter(RegistrationPlan plan, LocalPartitionKey key, Instant now) =>
        plan.Partitions.Single(p => p.Key == key).Partition.Sources.ToArray()
            .Any(s => s.Key.Label.InUtc().ToInstant() + Duration.FromHours(1) > now);

    private static void CreateView(DuckDBConnection db, IDictionary<string, string> metastore)
    {
        var selects = metastore.Where(kv => Directory.Exists(kv.Value)).Select(kv =>
            $"SELECT '{Lit(kv.Key)}' AS local_key, event_id, event_time, user_id, amount FROM read_parquet('{Lit(kv.Value)}/*.parquet', hive_partitioning = false)");
        Exec(db, "CREATE OR REPLACE VIEW events_local AS " + string.Join("\nUNION ALL ", selects));
    }

    /// <summary>A second, independent oracle where DuckDB has its ICU time zones: the local hour by DuckDB's own zone rules.</summary>
    private static void CheckWithDuckDbTimeZones(DuckDBConnection db, DateTimeZone zone, TextWriter log, Action<string, bool, string> check)
    {
        long disagree;
        try
        {
            disagree = Scalar(db, $"""
                SELECT count(*) FROM events_local
                WHERE strftime(timezone('{Lit(zone.Id)}', timezone('UTC', event_time)), '%Y-%m-%dT%H') <> local_key
                """);
        }
        catch (DuckDBException ex)
        {
            log.WriteLine($"  (DuckDB has no time-zone support here, skipping its cross-check: {ex.Message.Split('\n')[0]})");
            return;
        }
        check("each event's partition is its local hour (DuckDB timezone())", disagree == 0, $"{disagree} rows disagree");
    }

    private static string Snapshot(string localRoot, IDictionary<string, string> metastore)
    {
        var files = Directory.Exists(localRoot) ? Directory.GetFiles(localRoot, "*", SearchOption.AllDirectories).Length : 0;
        return $"{metastore.Count} registered partitions, {files} materialised files";
    }

    private static string Ts(Instant instant) => instant.ToDateTimeUtc().ToString("yyyy-MM-dd HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    private static string Lit(string text) => text.Replace("'", "''", StringComparison.Ordinal);

    private static void Exec(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static long Scalar(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}

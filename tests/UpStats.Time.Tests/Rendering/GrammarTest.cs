using System.Globalization;
using UpStats.Time.Paths;
using NodaTime.Testing;
using UpStats.Time.Partitioning;
using UpStats.Time.Rendering;

namespace UpStats.Time.Tests.Rendering;

// Every kind of statement and predicate the library renders, checked against the engines' own grammars
// (dt-sql-parser's ANTLR4 grammars for Hive, Spark SQL and Trino; Athena DDL is Hive's, Athena queries are Trino's).
// DuckDB predicates are run by DuckDB itself in RangePredicateDuckDbTest.
public class GrammarTest
{
    private static readonly string[] Zones = ["America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Kathmandu"];

    [Fact]
    public void RegistrationStatements_ParseInHiveSparkAndTrino()
    {
        var statements = new List<(string Dialect, string Sql)>();
        foreach (var id in Zones)
        {
            foreach (var granularity in new[] { PartitionGranularity.Hour, PartitionGranularity.Day })
            {
                var map = PartitionMap.For(DateTimeZoneProviders.Tzdb[id], granularity);
                var options = new RegistrationOptions("s3://bucket/it's here\\events")
                {
                    TargetTemplate = granularity == PartitionGranularity.Day ? PathPattern.ParseOrThrow("date={yyyy}-{MM}-{dd}") : null,
                };
                var plan = RegistrationPlan.Create(map, new LocalDate(2024, 4, 6), new LocalDate(2024, 4, 8), new FakeClock(Instant.FromUtc(2024, 12, 1, 0, 0)), options);
                foreach (var table in new[] { "sales.`order`", "sales.order", "db.`my table`", "events_pt", "`date`.`select`" })
                {
                    foreach (var line in HiveStatementRenderer.Render(plan, table).Where(IsStatement))
                    {
                        statements.Add(("hive", line));
                        statements.Add(("spark", line));
                    }
                }
                foreach (var table in new[] { "web.events_pt", "hive.web.events_pt", "\"Hive\".web.events_pt", "table.web.order" })
                {
                    foreach (var semicolons in new[] { true, false })
                    {
                        statements.AddRange(TrinoStatementRenderer.Render(plan, table, new StatementOptions { Semicolons = semicolons }).Where(IsStatement).Select(l => ("trino", l)));
                    }
                }
            }
        }
        AssertAllParse(statements);
    }

    [Fact]
    public void RangePredicates_ParseInEveryDialectsGrammar()
    {
        var statements = new List<(string Dialect, string Sql)>();
        var ranges = new List<LocalRange>();
        foreach (var id in Zones)
        {
            var map = PartitionMap.For(DateTimeZoneProviders.Tzdb[id], PartitionGranularity.Hour);
            ranges.Add(map.RangeOf(new LocalDate(2024, 4, 6), new LocalDate(2024, 4, 8)));
            ranges.Add(map.RangeOf(new LocalDateTime(2024, 11, 3, 1, 30), new LocalDateTime(2024, 11, 3, 2, 0)));
            ranges.Add(map.RangeOf(new LocalDate(2015, 1, 1), new LocalDate(2025, 1, 1)));
            ranges.Add(map.RangeOf(new LocalDate(2011, 12, 30), new LocalDate(2011, 12, 31)));
        }
        ranges.Add(PartitionMap.For(DateTimeZoneProviders.Tzdb["Europe/Berlin"], PartitionGranularity.Hour, SourceLayout.Create(DateTimeZone.Utc, 15))
            .RangeOf(new LocalDateTime(2024, 3, 31, 1, 50), new LocalDateTime(2024, 3, 31, 3, 10)));
        foreach (var range in ranges)
        {
            foreach (var (dialect, grammar) in new[] { (SqlDialect.Hive, "hive"), (SqlDialect.Spark, "spark"), (SqlDialect.Trino, "trino"), (SqlDialect.Athena, "trino") })
            {
                foreach (var (column, integers, unit) in new[]
                {
                    ("event_time", false, EventTimeUnit.Seconds), ("order", true, EventTimeUnit.Milliseconds), ("e.`date`", false, EventTimeUnit.Seconds),
                    ("event_time", false, EventTimeUnit.Timestamp), ("e.`date`", true, EventTimeUnit.TimestampWithTimeZone), ("ts", false, EventTimeUnit.TimestampWithTimeZone),
                })
                {
                    string timeColumn = dialect is SqlDialect.Trino or SqlDialect.Athena ? column.Replace('`', '"') : column;
                    string predicate = RangePredicateRenderer.Render(range, new RangePredicateOptions(dialect, timeColumn) { IntegerPartitions = integers, TimeUnit = unit });
                    statements.Add((grammar, $"SELECT * FROM events e WHERE {predicate}"));
                }
            }
        }
        AssertAllParse(statements);
    }

    [Fact]
    public void Grammar_RejectsWhatHiveRejects_SoTheChecksCanFail()
    {
        var errors = SqlGrammar.Errors([
            ("hive", "ALTER TABLE sales.order ADD IF NOT EXISTS PARTITION (year='2024') LOCATION 's3://x';"),
            ("hive", "ALTER TABLE t ADD IF NOT EXISTS PARTITION (date='2024-01-01') LOCATION 's3://x';"),
            ("trino", "SELECT * FROM t WHERE order >= 1"),
            // Timestamp literals are spelled per dialect: Hive has no TIMESTAMPTZ literal (DuckDB's), and Trino takes
            // the zone inside the string, not the standard's TIMESTAMP WITH TIME ZONE '…'.
            ("hive", "SELECT * FROM t WHERE ts >= TIMESTAMPTZ '2020-04-09 07:00:00+00'"),
            ("trino", "SELECT * FROM t WHERE ts >= TIMESTAMP WITH TIME ZONE '2020-04-09 07:00:00 UTC'"),
        ]);
        Assert.All(errors, e => Assert.NotEmpty(e));
    }

    // The words that get quoted are data; this is their check against the engines. Each word is a keyword and,
    // bare, breaks a statement in at least one grammar or is reserved by DuckDB, except the few reserved only in the
    // engines' documentation; and every word DuckDB reserves is in the list.
    [Fact]
    public void ReservedWords_AreTheKeywordsTheEnginesReserve()
    {
        // Reserved in Hive's documentation (1.2–3.x) but not in dt-sql-parser's Hive grammar, or in SQL:2016 as
        // Spark's keyword table lists it.
        string[] documentedOnly = ["CACHE", "CALL", "DAYOFWEEK", "FILTER", "OVERLAPS", "PARTIALSCAN", "SESSION_USER", "UNKNOWN", "UTC_TMESTAMP", "VIEWS"];
        string[] grammars = ["hive", "spark", "trino"];
        string[] uses = ["SELECT {0} FROM t WHERE {0} >= 1", "SELECT x FROM {0}", "SELECT x AS {0} FROM t", "SELECT x FROM t AS {0}"];
        var words = SqlText.ReservedWords.Order(StringComparer.Ordinal).ToArray();
        Assert.All(words, w => Assert.Matches("^[A-Z][A-Z_]*$", w));

        var statements = words.SelectMany(w => grammars.SelectMany(g => uses.Select(u => (g, string.Format(CultureInfo.InvariantCulture, u, w.ToLowerInvariant()))))).ToList();
        var errors = SqlGrammar.Errors(statements);
        var duckDbReserved = DuckDbReservedWords();
        int perWord = grammars.Length * uses.Length;
        var unreserved = words.Where((w, i) => !duckDbReserved.Contains(w) && errors.Skip(i * perWord).Take(perWord).All(e => e.Length == 0));
        Assert.Equal(documentedOnly, unreserved);
        Assert.Empty(duckDbReserved.Where(w => !SqlText.ReservedWords.Contains(w)).Order(StringComparer.Ordinal));
    }

    private static HashSet<string> DuckDbReservedWords()
    {
        using var db = new global::DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
        db.Open();
        return RangePredicateDuckDbTest.Strings(db, "SELECT upper(keyword_name) FROM duckdb_keywords() WHERE keyword_category = 'reserved'").ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsStatement(string line) => !line.StartsWith("--", StringComparison.Ordinal);

    private static void AssertAllParse(List<(string Dialect, string Sql)> statements)
    {
        var distinct = statements.Distinct().ToList();
        var errors = SqlGrammar.Errors(distinct);
        var failures = distinct.Zip(errors).Where(p => p.Second.Length > 0).Select(p => $"[{p.First.Dialect}] {p.First.Sql}\n    {string.Join("; ", p.Second)}").ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {distinct.Count} do not parse:\n{string.Join("\n", failures.Take(10))}");
        Assert.True(distinct.Count > 20, $"only {distinct.Count} statements checked");
    }
}

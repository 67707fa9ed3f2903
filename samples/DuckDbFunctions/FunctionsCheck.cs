using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using UpStats.Time.DuckDB;
using UpStats.Time.Parsing;
using UpStats.Time.Partitioning;
using UpStats.Time.Scheduling;

namespace DuckDbFunctions;

/// <summary>
/// Runs the sample's DuckDB queries over the event files and computes the same answers with the library called
/// directly: parsed and malformed rows, events per Los Angeles hour, events per 15-minute task.
/// </summary>
internal static class FunctionsCheck
{
    public const string Zone = "America/Los_Angeles";
    public const string RunInterval = "15 MINUTES";
    public const string StartFrom = "2024-11-03T00:00:00-07:00";

    /// <summary>Generates the files into <paramref name="directory"/>, runs the checks, writes what it found; true when SQL and library agree.</summary>
    public static bool Run(string directory, int files, int rowsPerFile, int seed, TextWriter log)
    {
        EventFiles.Write(directory, files, rowsPerFile, seed);
        string glob = Path.Combine(directory, "*.jsonl").Replace("'", "''", StringComparison.Ordinal);

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        connection.RegisterUpStatsFunctions();
        // date_created stays VARCHAR: DuckDB's own detection would turn some values into TIMESTAMPs by its rules.
        Execute(connection, $$"""
            CREATE VIEW events AS
            SELECT id, date_created FROM read_json('{{glob}}', format = 'newline_delimited',
                                                   columns = {id: 'BIGINT', date_created: 'VARCHAR'})
            """);

        var library = LibraryAnswers(directory);
        bool ok = true;

        var parsed = Rows(connection, "SELECT count(*), count(date_created), count(upstats_epoch(date_created)), sum(upstats_epoch(date_created)) FROM events").Single();
        ok &= Check(log, "rows, non-null texts, parsed rows, sum of epoch seconds",
            string.Join(", ", parsed), string.Join(", ", library.Rows, library.NonNull, library.Parsed, library.EpochSum));

        var malformed = Rows(connection, """
            SELECT id, date_created, upstats_parse_error(date_created) AS error
            FROM events WHERE upstats_parse_error(date_created) IS NOT NULL ORDER BY id
            """).Select(r => $"{r[0]} '{r[1]}': {r[2]}").ToList();
        ok &= Check(log, $"malformed rows listed with position and reason ({malformed.Count})", malformed, library.Malformed);
        foreach (var line in malformed.Take(5))
        {
            log.WriteLine($"       {line}");
        }

        var hours = Rows(connection, $"""
            SELECT upstats_local_key(upstats_epoch(date_created), '{Zone}', 'hour') AS hour, count(*) AS events
            FROM events WHERE upstats_epoch(date_created) IS NOT NULL GROUP BY hour ORDER BY hour
            """).Select(r => $"{r[0]} {r[1]}").ToList();
        ok &= Check(log, $"events per {Zone} hour ({hours.Count} hours)", hours, library.Hours);
        log.WriteLine($"       the fall-back hour holds two UTC hours: {hours.FirstOrDefault(h => h.StartsWith("2024-11-03T01", StringComparison.Ordinal))}");

        var tasks = Rows(connection, $"""
            SELECT upstats_task_start(upstats_epoch(date_created), '{RunInterval}', '{StartFrom}', '{Zone}') AS task, count(*) AS events
            FROM events WHERE upstats_epoch(date_created) IS NOT NULL GROUP BY task ORDER BY task NULLS FIRST
            """).Select(r => $"{r[0] ?? "before START_FROM"} {r[1]}").ToList();
        ok &= Check(log, $"events per {RunInterval} task from {StartFrom} ({tasks.Count} groups)", tasks, library.Tasks);

        log.WriteLine(ok ? "SQL functions and library agree." : "SQL functions and library DISAGREE.");
        return ok;
    }

    private sealed record Answers(long Rows, long NonNull, long Parsed, long EpochSum, List<string> Malformed, List<string> Hours, List<string> Tasks);

    // The library on the same files, read with System.Text.Json: the oracle the queries are checked against.
    private static Answers LibraryAnswers(string directory)
    {
        var map = PartitionMap.For(NodaTime.DateTimeZoneProviders.Tzdb[Zone], PartitionGranularity.Hour);
        var schedule = TaskSchedule.Create(OffsetTimestamp.ParseOrThrow(StartFrom), UpStats.Time.Scheduling.RunInterval.ParseOrThrow(RunInterval),
            zone: NodaTime.DateTimeZoneProviders.Tzdb[Zone]);
        long rows = 0, nonNull = 0, parsed = 0, sum = 0;
        var malformed = new List<(long Id, string Line)>();
        var hours = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var tasks = new SortedDictionary<long, long>();
        long beforeStart = 0;
        foreach (var file in Directory.GetFiles(directory, "*.jsonl"))
        {
            foreach (var line in File.ReadLines(file))
            {
                using var json = JsonDocument.Parse(line);
                long id = json.RootElement.GetProperty("id").GetInt64();
                string? text = json.RootElement.GetProperty("date_created").GetString();
                rows++;
                if (text is null)
                {
                    continue;
                }
                nonNull++;
                if (!OffsetTimestamp.TryParseEpochSeconds(text, out long seconds, out var error))
                {
                    malformed.Add((id, string.Create(CultureInfo.InvariantCulture, $"{id} '{text}': position {error.Position}: {error.Reason}")));
                    continue;
                }
                parsed++;
                sum += seconds;
                var instant = NodaTime.Instant.FromUnixTimeSeconds(seconds);
                string hour = map.KeyOf(instant).ToString();
                hours[hour] = hours.GetValueOrDefault(hour) + 1;
                if (schedule.TryGetTaskContaining(instant, out var task))
                {
                    long start = task.Start.ToUnixTimeSeconds();
                    tasks[start] = tasks.GetValueOrDefault(start) + 1;
                }
                else
                {
                    beforeStart++;
                }
            }
        }
        var taskLines = tasks.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value}")).ToList();
        if (beforeStart > 0)
        {
            taskLines.Insert(0, string.Create(CultureInfo.InvariantCulture, $"before START_FROM {beforeStart}"));
        }
        return new Answers(rows, nonNull, parsed, sum,
            malformed.OrderBy(m => m.Id).Select(m => m.Line).ToList(),
            hours.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Key} {h.Value}")).ToList(),
            taskLines);
    }

    private static bool Check(TextWriter log, string what, string sql, string library) => Check(log, what, [sql], [library]);

    private static bool Check(TextWriter log, string what, IReadOnlyList<string> sql, IReadOnlyList<string> library)
    {
        bool same = sql.SequenceEqual(library, StringComparer.Ordinal);
        log.WriteLine($"[{(same ? "ok" : "FAIL")}] {what}");
        if (!same)
        {
            int at = Enumerable.Range(0, Math.Max(sql.Count, library.Count))
                .First(i => i >= sql.Count || i >= library.Count || sql[i] != library[i]);
            log.WriteLine($"       first difference at line {at}: SQL '{(at < sql.Count ? sql[at] : "(none)")}', library '{(at < library.Count ? library[at] : "(none)")}'");
        }
        return same;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string?[]> Rows(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }
            rows.Add(row);
        }
        return rows;
    }
}

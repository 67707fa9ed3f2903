using System.CommandLine;
using NodaTime;
using NodaTime.Text;
using UpStats.Time.Partitioning;
using UpStats.Time.Rendering;

namespace UpStats.Time.Cli;

/// <summary>
/// <c>upstats-time where</c>: a local-time range of a zone as UTC intervals and the UTC-hourly source partitions
/// holding them (<c>--json</c>: one record), or with <c>--dialect</c> one SQL predicate over the partition columns
/// and the event-time column.
/// </summary>
internal static class WhereCommand
{
    private static readonly LocalDateTimePattern Minutes = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly LocalDateTime Earliest = new(1, 1, 1, 0, 0);
    private static readonly LocalDateTime Latest = new(9999, 12, 31, 0, 0);

    public static Command Create()
    {
        var zone = new Option<string>("--zone") { Description = "The tzdb zone whose wall clock the range is read on, e.g. America/Los_Angeles.", HelpName = "ZONE", Required = true };
        var from = new Option<string>("--from") { Description = "First local time, inclusive: yyyy-MM-dd (midnight) or yyyy-MM-ddTHH:mm.", HelpName = "LOCAL", Required = true };
        var to = new Option<string>("--to") { Description = "End local time, exclusive: yyyy-MM-dd (midnight) or yyyy-MM-ddTHH:mm.", HelpName = "LOCAL", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON record {\"intervals\":[[start,end],…],\"sources\":[{\"key\",\"whole\"},…]}." };
        var dialect = new Option<string?>("--dialect") { Description = "Print a SQL predicate instead, for hive, spark, trino, athena or duckdb (needs --time-column).", HelpName = "hive|spark|trino|athena|duckdb" };
        var timeColumn = new Option<string?>("--time-column") { Description = "The event-time column the predicate filters on (epoch seconds unless --time-unit).", HelpName = "COL" };
        var timeUnit = new Option<string?>("--time-unit")
        {
            Description = "What the event-time column holds: seconds (default) or milliseconds since 1970-01-01T00:00:00Z; "
                + "timestamp (the engine's TIMESTAMP; where it has no zone, as in Hive, Trino and DuckDB, it must hold the UTC wall clock) "
                + "or timestamptz (a zone-aware type: timestamp with time zone, TIMESTAMPTZ, Hive's timestamp with local time zone).",
            HelpName = "seconds|milliseconds|timestamp|timestamptz",
        };
        var partitionColumns = new Option<string?>("--partition-columns") { Description = "The partition columns, comma-separated (default year,month,day,hour).", HelpName = "Y,M,D,H" };
        var partitionType = new Option<string?>("--partition-type") { Description = "string (default: zero-padded text, '08') or int (engines that infer hour=08 as 8).", HelpName = "string|int" };
        var command = new Command("where", "A local-time range of a zone as UTC intervals and UTC-hourly source partitions, or as a SQL predicate that reads only those partitions.")
        {
            zone, from, to, json, dialect, timeColumn, timeUnit, partitionColumns, partitionType,
        };
        CliHelp.AddExamples(command,
            "upstats-time where --zone America/Los_Angeles --from 2020-04-09 --to 2020-04-10 --json",
            "upstats-time where --zone America/Los_Angeles --from 2024-11-03T01:30 --to 2024-11-03T02:00",
            "upstats-time where --zone America/Los_Angeles --from 2020-04-09 --to 2020-04-10 --dialect trino --time-column event_time",
            "upstats-time where --zone Asia/Kolkata --from 2024-01-01 --to 2024-02-01 --dialect duckdb --time-column ts --time-unit milliseconds --partition-type int",
            "upstats-time where --zone Europe/Berlin --from 2024-03-31 --to 2024-04-01 --dialect athena --time-column event_ts --time-unit timestamp");
        command.SetAction(parse =>
        {
            var map = PartitionMap.For(CliText.ReadZone(parse.GetValue(zone), "--zone"), PartitionGranularity.Hour);
            var first = ReadLocal(parse.GetValue(from), "--from");
            var last = ReadLocal(parse.GetValue(to), "--to");
            if (first >= last)
            {
                throw new CliUsageException($"--from {Format(first)} must be before --to {Format(last)} (the range is [from, to)).");
            }
            var options = ReadPredicateOptions(parse, dialect, timeColumn, timeUnit, partitionColumns, partitionType);
            if (options is not null && parse.GetValue(json))
            {
                throw new CliUsageException("--json and --dialect: choose one output (a JSON record or a SQL predicate).");
            }
            var range = map.RangeOf(first, last);
            using var stdout = StandardOutput.OpenWriter();
            if (options is not null)
            {
                string predicate;
                try
                {
                    predicate = RangePredicateRenderer.Render(range, options);
                }
                catch (ArgumentException ex)
                {
                    throw new CliUsageException($"--partition-columns: {ex.Message.Split(" (Parameter")[0]}");
                }
                stdout.WriteLine(predicate);
            }
            else if (parse.GetValue(json))
            {
                new JsonLines(stdout).Write(w => WriteJson(w, range));
            }
            else
            {
                WriteTable(stdout, range);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Reads <c>yyyy-MM-dd</c> (local midnight) or <c>yyyy-MM-ddTHH:mm</c>, or throws a usage error naming the option.</summary>
    internal static LocalDateTime ReadLocal(string? text, string option)
    {
        LocalDateTime value;
        if (text is { Length: 10 })
        {
            value = CliText.ReadDate(text, option).AtMidnight();
        }
        else
        {
            var result = Minutes.Parse(text ?? "");
            // As in CliText.ReadDate: NodaTime stops at U+0000, so insist the value reads back as given.
            if (!result.Success || Minutes.Format(result.Value) != text)
            {
                throw new CliUsageException($"{option}: '{text}' is not a local time in the form yyyy-MM-dd or yyyy-MM-ddTHH:mm.");
            }
            value = result.Value;
        }
        if (value < Earliest || value > Latest)
        {
            throw new CliUsageException($"{option}: {Format(value)} is outside 0001-01-01T00:00 to 9999-12-31T00:00.");
        }
        return value;
    }

    private static RangePredicateOptions? ReadPredicateOptions(ParseResult parse, Option<string?> dialect, Option<string?> timeColumn,
        Option<string?> timeUnit, Option<string?> partitionColumns, Option<string?> partitionType)
    {
        string? dialectText = parse.GetValue(dialect);
        if (dialectText is null)
        {
            foreach (var option in new Option[] { timeColumn, timeUnit, partitionColumns, partitionType })
            {
                if (parse.GetResult(option) is { Implicit: false })
                {
                    throw new CliUsageException($"{option.Name} only applies with --dialect hive|spark|trino|athena|duckdb.");
                }
            }
            return null;
        }
        var sqlDialect = dialectText.ToLowerInvariant() switch
        {
            "hive" => SqlDialect.Hive,
            "spark" => SqlDialect.Spark,
            "trino" => SqlDialect.Trino,
            "athena" => SqlDialect.Athena,
            "duckdb" => SqlDialect.DuckDB,
            _ => throw new CliUsageException($"--dialect: '{dialectText}' is not a dialect (use hive, spark, trino, athena or duckdb)."),
        };
        string column = parse.GetValue(timeColumn) ?? throw new CliUsageException("--time-column: the event-time column is required with --dialect.");
        var unit = parse.GetValue(timeUnit)?.ToLowerInvariant() switch
        {
            null or "seconds" => EventTimeUnit.Seconds,
            "milliseconds" => EventTimeUnit.Milliseconds,
            "timestamp" => EventTimeUnit.Timestamp,
            "timestamptz" => EventTimeUnit.TimestampWithTimeZone,
            var other => throw new CliUsageException($"--time-unit: '{other}' is not a unit (use seconds, milliseconds, timestamp or timestamptz)."),
        };
        bool integers = parse.GetValue(partitionType)?.ToLowerInvariant() switch
        {
            null or "string" => false,
            "int" => true,
            var other => throw new CliUsageException($"--partition-type: '{other}' is not a type (use string or int)."),
        };
        string[]? columns = parse.GetValue(partitionColumns)?.Split(',', StringSplitOptions.TrimEntries);
        try
        {
            return new RangePredicateOptions(sqlDialect, column) { TimeUnit = unit, IntegerPartitions = integers, PartitionColumns = columns };
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException($"--time-column: {ex.Message.Split(" (Parameter")[0]}");
        }
    }

    private static void WriteJson(System.Text.Json.Utf8JsonWriter w, LocalRange range)
    {
        JsonLines.WriteIntervals(w, "intervals", range.Intervals);
        w.WriteStartArray("sources");
        Span<char> key = stackalloc char[24];
        foreach (var source in range.Sources)
        {
            w.WriteStartObject();
            source.Key.TryFormat(key, out int written);
            w.WriteString("key", key[..written]);
            w.WriteBoolean("whole", source.IsWhole);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>A readable summary: the intervals, then the sources as runs (a year is a few lines, not 8,760).</summary>
    private static void WriteTable(TextWriter output, LocalRange range)
    {
        if (range.IsEmpty)
        {
            output.WriteLine($"no instant of {range.Zone.Id} reads a local time in [{Format(range.From)}, {Format(range.To)})");
            return;
        }
        foreach (var interval in range.Intervals)
        {
            output.WriteLine($"interval  [{CliText.FormatInstant(interval.Start)}, {CliText.FormatInstant(interval.End)})");
        }
        RangeSource? runStart = null, previous = null;
        int count = 0;
        foreach (var source in range.Sources)
        {
            if (previous is { } p && (p.IsWhole != source.IsWhole || !p.IsWhole))
            {
                WriteRun(output, runStart!.Value, p, count);
                runStart = null;
            }
            if (runStart is null)
            {
                (runStart, count) = (source, 0);
            }
            count++;
            previous = source;
        }
        WriteRun(output, runStart!.Value, previous!.Value, count);
    }

    private static void WriteRun(TextWriter output, RangeSource first, RangeSource last, int count) =>
        output.WriteLine(count == 1
            ? $"source    {first.Key}  {(first.IsWhole ? "whole" : "cut")}"
            : $"sources   {first.Key} .. {last.Key}  {count} whole");

    private static string Format(LocalDateTime local) => Minutes.Format(local);
}

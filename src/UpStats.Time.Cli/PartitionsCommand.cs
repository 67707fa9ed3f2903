using System.CommandLine;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using UpStats.Time.Partitioning;
using UpStats.Time.Rendering;

namespace UpStats.Time.Cli;

/// <summary>
/// <c>upstats-time partitions</c>: every local partition label of a local date range (skipped ones included),
/// with its kind, owned UTC intervals and UTC-hour sources; or, with <c>--hive</c>/<c>--trino</c>, the
/// registration plan as statements.
/// </summary>
internal static class PartitionsCommand
{
    public static Command Create()
    {
        var zone = new Option<string>("--zone") { Description = "Target tzdb time zone, e.g. America/Los_Angeles.", Required = true, HelpName = "ZONE" };
        var from = new Option<string>("--from") { Description = "First local date (yyyy-MM-dd), inclusive.", Required = true, HelpName = "DATE" };
        var to = new Option<string>("--to") { Description = "Last local date (yyyy-MM-dd), exclusive.", Required = true, HelpName = "DATE" };
        var granularity = new Option<string>("--granularity") { Description = "hour (default) or day.", DefaultValueFactory = _ => "hour", HelpName = "hour|day" };
        var json = new Option<bool>("--json") { Description = "JSON Lines output: one record per local partition." };
        var svg = new Option<bool>("--svg") { Description = "Print an SVG timeline instead: UTC hours above, the local partitions below, coloured by kind (at most 366 days)." };
        var command = new Command("partitions", "List the local partitions of a time zone over UTC-hourly source partitions.")
        {
            zone, from, to, granularity, json, svg,
        };
        PlanOptions.AddTo(command);
        CliHelp.AddExamples(command,
            "upstats-time partitions --zone America/Los_Angeles --from 2024-11-03 --to 2024-11-04 --json",
            "upstats-time partitions --zone Asia/Kolkata --from 2024-01-01 --to 2024-01-02 --granularity day",
            "upstats-time partitions --zone America/Los_Angeles --from 2024-11-03 --to 2024-11-04 --hive events_pt --location s3://bucket/events",
            "upstats-time partitions --zone America/Los_Angeles --from 2024-03-09 --to 2024-03-12 --svg > dst.svg");
        command.SetAction(parse =>
        {
            var map = PartitionMap.For(CliText.ReadZone(parse.GetValue(zone), "--zone"), ReadGranularity(parse.GetValue(granularity)));
            var first = CliText.ReadDate(parse.GetValue(from), "--from");
            var last = CliText.ReadDate(parse.GetValue(to), "--to");
            if (first >= last)
            {
                throw new CliUsageException($"--from {first:uuuu-MM-dd} must be before --to {last:uuuu-MM-dd} (the range is [from, to)).");
            }
            bool asJson = parse.GetValue(json), asSvg = parse.GetValue(svg);
            if (asJson && asSvg)
            {
                throw new CliUsageException("partitions: --json and --svg cannot be combined (choose one output form).");
            }
            if ((asJson || asSvg) && PlanOptions.IsRequested(parse))
            {
                throw new CliUsageException($"partitions: {(asJson ? "--json" : "--svg")} cannot be combined with --hive/--trino (a plan prints statements).");
            }
            if (asSvg && Period.Between(first, last, PeriodUnits.Days).Days > PartitionTimelineSvg.MaxDays)
            {
                throw new CliUsageException($"partitions: --svg draws at most {PartitionTimelineSvg.MaxDays} days (a picture a browser still opens); "
                    + $"{first:uuuu-MM-dd} to {last:uuuu-MM-dd} is longer: narrow --from/--to, or use --json for the data.");
            }
            using var stdout = StandardOutput.OpenWriter();
            if (PlanOptions.TryRun(parse, map, first, last, stdout))
            {
                return ExitCodes.Success;
            }
            if (asSvg)
            {
                string title = $"{map.Zone.Id} {map.Granularity.ToString().ToLowerInvariant()} partitions, {first:uuuu-MM-dd} to {last:uuuu-MM-dd}";
                PartitionTimelineSvg.Render(map, map.PartitionsOf(first, last), title).Save(stdout);
                stdout.WriteLine();
                return ExitCodes.Success;
            }
            var lines = new JsonLines(stdout);
            // One local date at a time: a range of years streams instead of being built in memory first.
            for (var date = first; date < last; date = date.PlusDays(1))
            {
                foreach (var partition in map.PartitionsOf(date, date.PlusDays(1)))
                {
                    if (asJson)
                    {
                        lines.Write(w => WriteJson(w, partition));
                    }
                    else
                    {
                        stdout.WriteLine(FormatRow(partition));
                    }
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }

    internal static PartitionGranularity ReadGranularity(string? text) => text?.ToLowerInvariant() switch
    {
        "hour" => PartitionGranularity.Hour,
        "day" => PartitionGranularity.Day,
        _ => throw new CliUsageException($"--granularity: '{text}' is not a granularity (use hour or day)."),
    };

    internal static string KindText(PartitionKind kind) => kind switch
    {
        PartitionKind.Skipped => "skipped",
        PartitionKind.Regular => "regular",
        PartitionKind.Merged => "merged",
        _ => "partial",
    };

    private static void WriteJson(Utf8JsonWriter w, LocalPartition partition)
    {
        w.WriteString("key", partition.Key.ToString());
        w.WriteString("kind", KindText(partition.Kind));
        w.WriteStartArray("intervals");
        foreach (var interval in partition.Intervals)
        {
            w.WriteStartArray();
            w.WriteStringValue(CliText.FormatInstant(interval.Start));
            w.WriteStringValue(CliText.FormatInstant(interval.End));
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteStartArray("sources");
        foreach (var source in partition.Sources)
        {
            w.WriteStartObject();
            w.WriteString("key", source.Key.ToString());
            w.WriteString("start", CliText.FormatInstant(source.Start));
            w.WriteString("end", CliText.FormatInstant(source.End));
            w.WriteBoolean("whole", source.IsWhole);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string FormatRow(LocalPartition partition)
    {
        var intervals = partition.Intervals.Count == 0
            ? "-"
            : string.Join(" ", partition.Intervals.ToArray().Select(i => $"[{CliText.FormatInstant(i.Start)}, {CliText.FormatInstant(i.End)})"));
        var sources = partition.Sources.Count == 0
            ? "-"
            : string.Join(" ", partition.Sources.ToArray().Select(s => s.IsWhole ? s.Key.ToString() : $"{s.Key}[{FormatTime(s.Start)}-{FormatTime(s.End)})"));
        return $"{partition.Key,-13}  {KindText(partition.Kind),-7}  {intervals}  <- {sources}";
    }

    private static string FormatTime(Instant instant) => instant.InUtc().ToString("HH':'mm", null);
}

/// <summary>The <c>--hive</c>/<c>--trino</c> options of <c>partitions</c>: print the registration plan as statements.</summary>
internal static class PlanOptions
{
    private static readonly Option<string?> Hive = new("--hive") { Description = "Print the registration plan as Hive/Spark SQL/Athena statements for this table.", HelpName = "TABLE" };
    private static readonly Option<string?> Trino = new("--trino") { Description = "Print the registration plan as Trino CALL system.register_partition statements for this schema.table.", HelpName = "SCHEMA.TABLE" };
    private static readonly Option<string?> Location = new("--location") { Description = "Prefix of the UTC-hourly source folders (year=/month=/day=/hour=), e.g. s3://bucket/events.", HelpName = "PREFIX" };
    private static readonly Option<string?> Materialized = new("--materialized-location") { Description = "Prefix for materialised (merged/partial) folders; default LOCATION/_local/ZONE.", HelpName = "PREFIX" };
    private static readonly Option<string?> Now = new("--now") { Description = "The plan's now, a timestamp as parse reads it (2024-11-03T10:00:00Z, +0100, a space separator); default the system clock.", HelpName = "T" };
    private static readonly Option<int> GraceMinutes = new("--grace-minutes") { Description = "Minutes to wait after a source hour ends before it counts as complete (default 0).", HelpName = "MINUTES" };

    public static void AddTo(Command command)
    {
        command.Options.Add(Hive);
        command.Options.Add(Trino);
        command.Options.Add(Location);
        command.Options.Add(Materialized);
        command.Options.Add(Now);
        command.Options.Add(GraceMinutes);
    }

    /// <summary>Whether <c>--hive</c> or <c>--trino</c> was given.</summary>
    public static bool IsRequested(ParseResult parse) => parse.GetValue(Hive) is not null || parse.GetValue(Trino) is not null;

    /// <summary>Prints the plan when <c>--hive</c> or <c>--trino</c> is given; otherwise returns false.</summary>
    public static bool TryRun(ParseResult parse, PartitionMap map, LocalDate from, LocalDate to, TextWriter output)
    {
        string? hive = parse.GetValue(Hive), trino = parse.GetValue(Trino);
        if (hive is null && trino is null)
        {
            foreach (var option in new Option[] { Location, Materialized, Now, GraceMinutes })
            {
                if (parse.GetResult(option) is { Implicit: false })
                {
                    throw new CliUsageException($"{option.Name} only applies with --hive TABLE or --trino SCHEMA.TABLE.");
                }
            }
            return false;
        }
        if (hive is not null && trino is not null)
        {
            throw new CliUsageException("--hive and --trino: choose one dialect.");
        }
        var location = parse.GetValue(Location);
        if (string.IsNullOrWhiteSpace(location))
        {
            throw new CliUsageException("--location: the prefix of the UTC-hourly source folders is required with --hive/--trino.");
        }
        int grace = parse.GetValue(GraceMinutes);
        if (grace < 0)
        {
            throw new CliUsageException($"--grace-minutes: {grace} is negative.");
        }
        var clock = parse.GetValue(Now) is { } nowText ? new FixedClock(CliText.ReadInstant(nowText, DateTimeZone.Utc, "--now")) : (IClock)SystemClock.Instance;
        var options = new RegistrationOptions(location)
        {
            MaterializedRoot = parse.GetValue(Materialized),
            Grace = Duration.FromMinutes(grace),
        };
        var plan = RegistrationPlan.Create(map, from, to, clock, options);
        IReadOnlyList<string> lines;
        try
        {
            lines = hive is not null ? HiveStatementRenderer.Render(plan, hive) : TrinoStatementRenderer.Render(plan, trino!);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException($"{(hive is not null ? "--hive" : "--trino")}: {ex.Message.Split(" (Parameter")[0]}");
        }
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }
        return true;
    }
}

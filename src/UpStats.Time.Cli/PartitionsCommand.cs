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
        var zone = new Option<string>("--zone") { Description = "Target tzdb time zone, e.g. America/Los_Angeles.", Required = true };
        var from = new Option<string>("--from") { Description = "First local date (yyyy-MM-dd), inclusive.", Required = true };
        var to = new Option<string>("--to") { Description = "Last local date (yyyy-MM-dd), exclusive.", Required = true };
        var granularity = new Option<string>("--granularity") { Description = "hour (default) or day.", DefaultValueFactory = _ => "hour" };
        var json = new Option<bool>("--json") { Description = "JSON Lines output: one record per local partition." };
        var svg = new Option<bool>("--svg") { Description = "Print an SVG timeline instead: UTC hours above, the local partitions below, coloured by kind." };
        var command = new Command("partitions", "List the local partitions of a time zone over UTC-hourly source partitions (SPEC.md: Partition mapping).")
        {
            zone, from, to, granularity, json, svg,
        };
        PlanOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var map = PartitionMap.For(CliText.ReadZone(parse.GetValue(zone), "--zone"), ReadGranularity(parse.GetValue(granularity)));
            var first = CliText.ReadDate(parse.GetValue(from), "--from");
            var last = CliText.ReadDate(parse.GetValue(to), "--to");
            if (first >= last)
            {
                throw new CliUsageException($"--from {first:uuuu-MM-dd} must be before --to {last:uuuu-MM-dd} (the range is [from, to)).");
            }
            using var stdout = StandardOutput.OpenWriter();
            if (PlanOptions.TryRun(parse, map, first, last, stdout))
            {
                return ExitCodes.Success;
            }
            if (parse.GetValue(svg))
            {
                string title = $"{map.Zone.Id} {map.Granularity.ToString().ToLowerInvariant()} partitions, {first:uuuu-MM-dd} to {last:uuuu-MM-dd}";
                PartitionTimelineSvg.Render(map, map.PartitionsOf(first, last), title).Save(stdout);
                stdout.WriteLine();
                return ExitCodes.Success;
            }
            bool asJson = parse.GetValue(json);
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
        JsonLines.WriteIntervals(w, "intervals", partition.Intervals);
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
    private static readonly Option<string?> Hive = new("--hive") { Description = "Print the registration plan as Hive/Spark SQL/Athena statements for this table." };
    private static readonly Option<string?> Trino = new("--trino") { Description = "Print the registration plan as Trino CALL system.register_partition statements for this schema.table." };
    private static readonly Option<string?> Location = new("--location") { Description = "Prefix of the UTC-hourly source folders (year=/month=/day=/hour=), e.g. s3://bucket/events." };
    private static readonly Option<string?> Materialized = new("--materialized-location") { Description = "Prefix for materialised (merged/partial) folders; default LOCATION/_local/ZONE." };
    private static readonly Option<string?> Now = new("--now") { Description = "The plan's now (yyyy-MM-ddTHH:mm:ssZ or with an offset); default the system clock." };
    private static readonly Option<int> GraceMinutes = new("--grace-minutes") { Description = "Minutes to wait after a source hour ends before it counts as complete (default 0)." };
    private static readonly Option<string?> ReadyAfter = new("--ready-after") { Description = "Print only partitions that became ready after this instant: the --now of the previous successful run (safe hourly re-runs; Trino has no IF NOT EXISTS)." };
    private static readonly Option<bool> NoSemicolon = new("--no-semicolon") { Description = "End statements without ';' (for JDBC and HTTP clients, which take one statement at a time)." };

    public static void AddTo(Command command)
    {
        command.Options.Add(Hive);
        command.Options.Add(Trino);
        command.Options.Add(Location);
        command.Options.Add(Materialized);
        command.Options.Add(Now);
        command.Options.Add(GraceMinutes);
        command.Options.Add(ReadyAfter);
        command.Options.Add(NoSemicolon);
    }

    /// <summary>Prints the plan when <c>--hive</c> or <c>--trino</c> is given; otherwise returns false.</summary>
    public static bool TryRun(ParseResult parse, PartitionMap map, LocalDate from, LocalDate to, TextWriter output)
    {
        string? hive = parse.GetValue(Hive), trino = parse.GetValue(Trino);
        if (hive is null && trino is null)
        {
            foreach (var option in new Option[] { Location, Materialized, Now, GraceMinutes, ReadyAfter, NoSemicolon })
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
        var clock = parse.GetValue(Now) is { } nowText ? new FixedClock(ReadInstant(nowText, "--now")) : (IClock)SystemClock.Instance;
        var options = new RegistrationOptions(location)
        {
            MaterializedRoot = parse.GetValue(Materialized),
            Grace = Duration.FromMinutes(grace),
        };
        var plan = RegistrationPlan.Create(map, from, to, clock, options);
        var print = new StatementOptions
        {
            ReadyAfter = parse.GetValue(ReadyAfter) is { } previous ? ReadInstant(previous, "--ready-after") : null,
            Semicolons = !parse.GetValue(NoSemicolon),
        };
        IReadOnlyList<string> lines;
        try
        {
            lines = hive is not null ? HiveStatementRenderer.Render(plan, hive, print) : TrinoStatementRenderer.Render(plan, trino!, print);
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

    private static Instant ReadInstant(string text, string option)
    {
        var result = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (!result.Success)
        {
            throw new CliUsageException($"{option}: '{text}' is not an instant such as 2024-11-03T10:00:00Z.");
        }
        return result.Value.ToInstant();
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}

using System.CommandLine;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;
using UpStats.Time.Parsing;
using UpStats.Time.Scheduling;

namespace UpStats.Time.Cli;

/// <summary>
/// <c>upstats-time tasks</c>: the tasks of an Upsolver-style schedule, one record per task
/// <c>{"start","end","windowStart","windowEnd"}</c> with <c>--json</c>, a table otherwise.
/// </summary>
internal static class TasksCommand
{
    public static Command Create()
    {
        var startFrom = new Option<string>("--start-from") { Description = "START_FROM: a timestamp (an offset, or read in --zone) or NOW.", Required = true };
        var runInterval = new Option<string>("--run-interval") { Description = "RUN_INTERVAL: 1 MINUTE, 5 MINUTES, 2 HOURS, 7 DAYS, or 5m, 2h, 7d.", Required = true };
        var endAt = new Option<string?>("--end-at") { Description = "END_AT: a timestamp or NOW; without it, the tasks due by now." };
        var lookback = new Option<string?>("--lookback") { Description = "How far each task's window reaches before its start: 30d, 1h, 15m, 10s, 500ms, 1d12h." };
        var zone = new Option<string?>("--zone") { Description = "The tzdb zone whose local clock the task boundaries follow (default UTC)." };
        var now = new Option<string?>("--now") { Description = "The instant NOW stands for (default: the system clock)." };
        var json = new Option<bool>("--json") { Description = "JSON Lines output: one {\"start\",\"end\",\"windowStart\",\"windowEnd\"} per task." };
        var command = new Command("tasks", "List the tasks of a run-interval schedule and the window each one reads.")
        {
            startFrom, runInterval, endAt, lookback, zone, now, json,
        };
        command.SetAction(result =>
        {
            var tz = result.GetValue(zone) is { } id ? CliText.ReadZone(id, "--zone") : DateTimeZone.Utc;
            var interval = RunInterval.Parse(result.GetValue(runInterval) ?? "");
            if (!interval.Success)
            {
                throw new CliUsageException($"--run-interval: {interval.ErrorMessage}");
            }
            var back = LookbackDuration.None;
            if (result.GetValue(lookback) is { } lookbackText)
            {
                var parsed = LookbackDuration.Parse(lookbackText);
                back = parsed.Success ? parsed.Value : throw new CliUsageException($"--lookback: {parsed.ErrorMessage}");
            }
            IClock clock = result.GetValue(now) is { } nowText
                ? new FixedClock(ReadInstant(nowText, tz, "--now"))
                : SystemClock.Instance;
            var start = ReadScheduleTime(result.GetValue(startFrom)!, tz, "--start-from");
            ScheduleTime? end = result.GetValue(endAt) is { } endText ? ReadScheduleTime(endText, tz, "--end-at") : null;
            if (end is { } e && start.Resolve(clock) > e.Resolve(clock))
            {
                throw new CliUsageException($"--end-at: {CliText.FormatInstant(e.Resolve(clock))} is before --start-from {CliText.FormatInstant(start.Resolve(clock))}.");
            }
            var schedule = TaskSchedule.Create(start, interval.Value, end, back, tz, clock);
            Write(schedule.Tasks(), result.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(TaskList tasks, bool json)
    {
        using var output = StandardOutput.OpenWriter();
        if (json)
        {
            var lines = new JsonLines(output);
            foreach (var task in tasks)
            {
                lines.Write(w =>
                {
                    w.WriteString("start", CliText.FormatInstant(task.Start));
                    w.WriteString("end", CliText.FormatInstant(task.End));
                    w.WriteString("windowStart", CliText.FormatInstant(task.WindowStart));
                    w.WriteString("windowEnd", CliText.FormatInstant(task.WindowEnd));
                });
            }
            return;
        }
        const string Row = "{0,-30}  {1,-30}  {2,-30}  {3}";
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Row, "start", "end", "window start", "window end"));
        foreach (var task in tasks)
        {
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, Row,
                CliText.FormatInstant(task.Start), CliText.FormatInstant(task.End),
                CliText.FormatInstant(task.WindowStart), CliText.FormatInstant(task.WindowEnd)));
        }
    }

    private static ScheduleTime ReadScheduleTime(string text, DateTimeZone zone, string option) =>
        text.Trim().Equals("NOW", StringComparison.OrdinalIgnoreCase) ? ScheduleTime.Now : ScheduleTime.At(ReadInstant(text, zone, option));

    /// <summary>
    /// A timestamp in SPEC.md's grammar (the library's <see cref="OffsetTimestamp"/> parser); one without an offset
    /// is read in <paramref name="zone"/> leniently (a time in a gap moves forward, an ambiguous one takes the earlier
    /// instant). A bare date <c>yyyy-MM-dd</c> means the start of that local day.
    /// </summary>
    internal static Instant ReadInstant(string text, DateTimeZone zone, string option)
    {
        string trimmed = text.Trim();
        if (OffsetTimestamp.TryParse(trimmed, zone, Resolvers.LenientResolver, out Instant instant, out var error))
        {
            return instant;
        }
        var date = LocalDatePattern.Iso.Parse(trimmed);
        if (date.Success)
        {
            return zone.AtStartOfDay(date.Value).ToInstant();
        }
        throw new CliUsageException($"{option}: '{text}' is not a timestamp like 2022-08-04T11:03:00Z (or without offset, read in --zone), a date, or NOW: {error.Message}.");
    }

    /// <summary>The clock for <c>--now</c>: always the same instant.</summary>
    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}

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
        var startFrom = new Option<string>("--start-from") { Description = "START_FROM: a timestamp (an offset, or read in --zone) or NOW.", Required = true, HelpName = "T|NOW" };
        var runInterval = new Option<string>("--run-interval") { Description = "RUN_INTERVAL: 1 MINUTE, 5 MINUTES, 2 HOURS, 7 DAYS, or 5m, 2h, 7d.", Required = true, HelpName = "INTERVAL" };
        var endAt = new Option<string?>("--end-at") { Description = "END_AT: a timestamp or NOW; without it, the tasks that have ended by now.", HelpName = "T|NOW" };
        var lookback = new Option<string?>("--lookback") { Description = "How far each task's window reaches before its start: 30d, 1h, 15m, 10s, 500ms, 1d12h, 60 DAYS, or 0.", HelpName = "DURATION" };
        var zone = new Option<string?>("--zone") { Description = "The tzdb zone whose local clock the task boundaries follow (default UTC); the table then shows local times too.", HelpName = "ZONE" };
        var now = new Option<string?>("--now") { Description = "The instant NOW stands for (default: the system clock).", HelpName = "T" };
        var json = new Option<bool>("--json") { Description = "JSON Lines output: one {\"start\",\"end\",\"windowStart\",\"windowEnd\"} per task." };
        var command = new Command("tasks", "List the tasks of a run-interval schedule and the window each one reads.")
        {
            startFrom, runInterval, endAt, lookback, zone, now, json,
        };
        CliHelp.AddExamples(command,
            "upstats-time tasks --start-from NOW --now 2022-08-04T11:03:00Z --run-interval \"5 MINUTES\" --end-at 2022-08-04T11:15:00Z",
            "upstats-time tasks --start-from 2022-01-01 --end-at 2022-04-01 --run-interval \"30 DAYS\" --lookback \"60 DAYS\" --json",
            "upstats-time tasks --start-from 2024-11-03 --end-at 2024-11-04 --run-interval 1h --zone America/Los_Angeles");
        command.SetAction(result =>
        {
            var tz = CliText.ReadZoneOrUtc(result.GetValue(zone), "--zone");
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
                ? new FixedClock(CliText.ReadInstant(nowText, tz, "--now"))
                : SystemClock.Instance;
            var start = ReadScheduleTime(result.GetValue(startFrom)!, tz, "--start-from");
            ScheduleTime? end = result.GetValue(endAt) is { } endText ? ReadScheduleTime(endText, tz, "--end-at") : null;
            if (end is { } e && start.Resolve(clock) > e.Resolve(clock))
            {
                throw new CliUsageException($"--end-at: {CliText.FormatInstant(e.Resolve(clock))} is before --start-from {CliText.FormatInstant(start.Resolve(clock))}.");
            }
            TaskSchedule schedule;
            try
            {
                schedule = TaskSchedule.Create(start, interval.Value, end, back, tz, clock);
            }
            catch (ArgumentOutOfRangeException ex) when (ex.ParamName is "startFrom" or "endAt")
            {
                // Say which option: the library names its own parameter.
                throw new CliUsageException($"{(ex.ParamName == "startFrom" ? "--start-from" : "--end-at")}: {CliApp.WithoutDecoration(ex.Message)}");
            }
            var tasks = schedule.Tasks();
            Write(tasks, result.GetValue(json), result.GetValue(zone) is null ? null : tz);
            if (tasks.IsEmpty && schedule.IsOpenEnded && schedule.TryGetTaskContaining(schedule.StartFrom, out var first))
            {
                // Without END_AT only the tasks that have ended by now are due: say why nothing was printed.
                Console.Error.WriteLine($"upstats-time tasks: no task has ended yet at {CliText.FormatInstant(clock.GetCurrentInstant())}; "
                    + $"the first, {CliText.FormatInstant(first.Start)} to {CliText.FormatInstant(first.End)}, is due when it ends "
                    + "(give --end-at to list planned tasks).");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    // The local wall clock of a boundary: with --zone, 01:00-07:00 and 01:00-08:00 are the point of the zone.
    private static readonly OffsetDateTimePattern LocalPattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>");

    private static void Write(TaskList tasks, bool json, DateTimeZone? zone)
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
        const string LocalRow = "  {0,-32}  {1}";
        output.Write(string.Format(CultureInfo.InvariantCulture, Row, "start", "end", "window start", "window end"));
        output.WriteLine(zone is null ? "" : string.Format(CultureInfo.InvariantCulture, LocalRow, $"local start ({zone.Id})", "local end"));
        foreach (var task in tasks)
        {
            output.Write(string.Format(CultureInfo.InvariantCulture, Row,
                CliText.FormatInstant(task.Start), CliText.FormatInstant(task.End),
                CliText.FormatInstant(task.WindowStart), CliText.FormatInstant(task.WindowEnd)));
            output.WriteLine(zone is null ? "" : string.Format(CultureInfo.InvariantCulture, LocalRow,
                LocalPattern.Format(task.Start.InZone(zone).ToOffsetDateTime()), LocalPattern.Format(task.End.InZone(zone).ToOffsetDateTime())));
        }
    }

    private static ScheduleTime ReadScheduleTime(string text, DateTimeZone zone, string option) =>
        text.Trim().Equals("NOW", StringComparison.OrdinalIgnoreCase) ? ScheduleTime.Now : ScheduleTime.At(CliText.ReadInstant(text, zone, option));
}

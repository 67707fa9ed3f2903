using System.CommandLine;
using System.Text;
using NodaTime;
using UpStats.Time.Parsing;
using UpStats.Time.Paths;

namespace UpStats.Time.Cli;

/// <summary>
/// <c>upstats-time event-time --pattern PATTERN [--prefix PREFIX] [--zone ZONE] [--json]</c>: Upsolver's
/// <c>DATE_PATTERN</c> rule for files. One input line per file, <c>PATH</c> or <c>PATH&lt;TAB&gt;MODIFIED</c>; one record
/// out per line, <c>{"path","eventTime","source"}</c> or <c>{"path","error"}</c>; exit code 1 when any line failed.
/// </summary>
internal static class EventTimeCommand
{
    public static Command Create()
    {
        var pattern = new Option<string>("--pattern") { Description = "The date pattern after the prefix: yyyy (or YYYY), MM, dd, HH, mm; 'quoted' text and non-letters are literal, e.g. 'year='yyyy/'month='MM or yyyy/MM/dd/HH/mm.", Required = true, HelpName = "PATTERN" };
        var prefix = new Option<string?>("--prefix") { Description = "Plain text every path starts with, before the pattern (e.g. topics/events/).", HelpName = "PREFIX" };
        var zone = new Option<string?>("--zone") { Description = "The tzdb zone whose clock the folder names follow (default UTC); a time in a DST gap is the instant of the jump, one read twice its first pass.", HelpName = "ZONE" };
        var json = new Option<bool>("--json") { Description = "JSON Lines: {\"path\",\"eventTime\",\"source\":\"pattern\"|\"modified\"} or {\"path\",\"error\"} per line." };
        var command = new Command("event-time", "Read each file's event time from its path (PATH or PATH<TAB>MODIFIED per input line): the date pattern, else the modified time.")
        {
            pattern, prefix, zone, json,
        };
        CliHelp.AddExamples(command,
            "printf 'topics/events/year=2024/month=11/day=03/hour=08/part-0.json\\n' | upstats-time event-time --pattern \"'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH\" --prefix topics/events/",
            "printf '2024/11/03/01/30/a.csv\\n' | upstats-time event-time --pattern yyyy/MM/dd/HH/mm --zone America/Los_Angeles --json",
            "printf 'orders/manual.csv\\t2024-11-03T09:26:51+0100\\n' | upstats-time event-time --pattern yyyy/MM/dd/HH/mm --prefix orders/");
        command.SetAction(result =>
        {
            var layout = new PathLayout(ReadPattern(result.GetValue(pattern)), result.GetValue(prefix) ?? "",
                CliText.ReadZoneOrUtc(result.GetValue(zone), "--zone"));
            bool asJson = result.GetValue(json);
            using var input = Console.OpenStandardInput();
            using var stdout = StandardOutput.Open();
            JsonLines? lines = null;
            bool header = false;
            bool allValid = ParseCommand.WriteEachLine(input, stdout, (_, line, _, writer) =>
            {
                var (path, time, error) = Resolve(layout, line);
                if (asJson)
                {
                    lines ??= new JsonLines(writer);
                    lines.Write(w =>
                    {
                        w.WriteString("path", path);
                        if (error is null)
                        {
                            w.WriteString("eventTime", CliText.FormatInstant(time.Time));
                            w.WriteString("source", time.Source == FileTimeSource.Pattern ? "pattern" : "modified");
                        }
                        else
                        {
                            w.WriteString("error", error);
                        }
                    });
                }
                else
                {
                    if (!header)
                    {
                        writer.WriteLine($"{"EVENT TIME",-30}  {"SOURCE",-8}  PATH");
                        header = true;
                    }
                    // A table goes to a terminal: control bytes of a path are shown escaped, never sent raw.
                    writer.WriteLine(CliText.Printable(error is null
                        ? $"{CliText.FormatInstant(time.Time),-30}  {(time.Source == FileTimeSource.Pattern ? "pattern" : "modified"),-8}  {path}"
                        : $"{"error",-30}  {"",-8}  {path}: {error}"));
                }
                return error is null;
            });
            return allValid ? ExitCodes.Success : ExitCodes.SomeRecordsFailed;
        });
        return command;
    }

    /// <summary>Reads <c>--pattern</c>, or a usage error with the position and reason.</summary>
    internal static PathPattern ReadPattern(string? text)
    {
        var parsed = PathPattern.Parse(text ?? "");
        return parsed.Success ? parsed.Value : throw new CliUsageException($"--pattern: {parsed.ErrorMessage}");
    }

    /// <summary>One input line: the path, and its event time or why it has none.</summary>
    private static (string Path, FileEventTime Time, string? Error) Resolve(PathLayout layout, ReadOnlySpan<byte> line)
    {
        int tab = line.IndexOf((byte)'\t');
        var path = tab < 0 ? line : line[..tab];
        string pathText = Encoding.UTF8.GetString(path);
        Instant? modified = null;
        if (tab >= 0)
        {
            var modifiedText = line[(tab + 1)..];
            if (!OffsetTimestamp.TryParse(modifiedText, out Instant m, out var modifiedError))
            {
                // A malformed MODIFIED is bad input whether or not the path has a date: say so rather than drop it.
                return (pathText, default, $"MODIFIED '{Encoding.UTF8.GetString(modifiedText)}' is not an offset timestamp: {modifiedError.Message}");
            }
            modified = m;
        }
        var time = layout.EventTime(path, modified);
        return (pathText, time, time.ErrorMessage);
    }
}

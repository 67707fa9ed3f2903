using System.CommandLine;
using System.Globalization;
using NodaTime;
using UpStats.Time.Paths;

namespace UpStats.Time.Cli;

/// <summary>
/// <c>upstats-time prefixes --pattern PATTERN [--prefix PREFIX] [--zone ZONE] --from T --to T [--json]</c>: the folders a
/// discovery task lists for the window <c>[from, to)</c>, one record <c>{"prefix","start","end"}</c> per folder, in the
/// order of their first instant inside the window.
/// </summary>
internal static class PrefixesCommand
{
    public static Command Create()
    {
        var pattern = new Option<string>("--pattern") { Description = "The date pattern of the folders: yyyy (or YYYY), MM, dd, HH, mm; 'quoted' text and non-letters are literal.", Required = true, HelpName = "PATTERN" };
        var prefix = new Option<string?>("--prefix") { Description = "Plain text before the pattern (e.g. topics/events/).", HelpName = "PREFIX" };
        var zone = new Option<string?>("--zone") { Description = "The tzdb zone whose clock the folder names follow (default UTC); also reads --from/--to without an offset.", HelpName = "ZONE" };
        var from = new Option<string>("--from") { Description = "The window's start: a timestamp (an offset, or read in --zone) or a date.", Required = true, HelpName = "T" };
        var to = new Option<string>("--to") { Description = "The window's end (excluded), as --from.", Required = true, HelpName = "T" };
        var json = new Option<bool>("--json") { Description = "JSON Lines: one {\"prefix\",\"start\",\"end\"} per folder, start/end its whole span." };
        var command = new Command("prefixes", "List the folders a task must list for the window [from, to): one per distinct expansion of the pattern, with the span it holds.")
        {
            pattern, prefix, zone, from, to, json,
        };
        CliHelp.AddExamples(command,
            "upstats-time prefixes --pattern yyyy/MM/dd/HH/mm --prefix orders/ --from 2022-08-04T11:03:00Z --to 2022-08-04T11:05:00Z",
            "upstats-time prefixes --pattern \"'year='yyyy/'month='MM/'day='dd/'hour='HH\" --zone America/Los_Angeles --from 2024-11-03 --to 2024-11-04 --json");
        command.SetAction(result =>
        {
            var tz = CliText.ReadZoneOrUtc(result.GetValue(zone), "--zone");
            var layout = new PathLayout(EventTimeCommand.ReadPattern(result.GetValue(pattern)), result.GetValue(prefix) ?? "", tz);
            var start = CliText.ReadInstant(result.GetValue(from)!, tz, "--from");
            var end = CliText.ReadInstant(result.GetValue(to)!, tz, "--to");
            if (start >= end)
            {
                throw new CliUsageException($"--to: {CliText.FormatInstant(end)} is not after --from {CliText.FormatInstant(start)}.");
            }
            // A window past the years a folder can name, or of more than a million folders, is refused by the library
            // with an ArgumentOutOfRangeException that the tool reports as a usage error.
            var prefixes = layout.Prefixes(start, end);
            Write(prefixes, result.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IReadOnlyList<PathPrefix> prefixes, bool json)
    {
        using var output = StandardOutput.OpenWriter();
        if (json)
        {
            var lines = new JsonLines(output);
            foreach (var p in prefixes)
            {
                lines.Write(w =>
                {
                    w.WriteString("prefix", p.Path);
                    w.WriteString("start", CliText.FormatInstant(p.Start));
                    w.WriteString("end", CliText.FormatInstant(p.End));
                });
            }
            return;
        }
        const string Row = "{0,-30}  {1,-30}  {2}";
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Row, "start", "end", "prefix"));
        foreach (var p in prefixes)
        {
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, Row, CliText.FormatInstant(p.Start), CliText.FormatInstant(p.End), p.Path));
        }
    }
}

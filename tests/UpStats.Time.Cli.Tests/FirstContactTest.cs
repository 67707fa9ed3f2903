using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace UpStats.Time.Cli.Tests;

/// <summary>
/// What a newcomer meets first: output redirected to a file by a shell loop, extreme arguments, the help, a file
/// saved with a byte-order mark, control bytes in the input, a pipe that delivers lines as they come.
/// </summary>
public sealed class FirstContactTest : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("upstats-first-contact-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Tool => $"dotnet '{CliRunner.ToolPath}'";

    private static (int ExitCode, string StdErr) Shell(string script)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), $"did not finish: {script}");
        return (process.ExitCode, stderr.Result);
    }

    // A FileStream over fd 1 wrote at its own position, so the second run of a loop overwrote the first.
    [Theory]
    [InlineData("partitions --zone UTC --from 2024-01-01 --to 2024-01-02", "partitions --zone Asia/Kolkata --from 2024-01-01 --to 2024-01-02", 48)]
    [InlineData("parse --to epoch <<< 2015-10-11T00:26:51+0100", "parse --json <<< 2015-10-11T00:26:51+0100", 2)]
    [InlineData("tasks --start-from 2022-08-04T11:00:00Z --end-at 2022-08-04T11:15:00Z --run-interval 5m --json", "tasks --start-from 2022-08-04T11:00:00Z --end-at 2022-08-04T11:10:00Z --run-interval 5m --json", 5)]
    public void Output_RedirectedByAShellLoop_KeepsEveryRunsLines(string first, string second, int lines)
    {
        string file = Path.Combine(_directory, "both.txt");
        var (exit, stderr) = Shell($"{{ {Tool} {first}; {Tool} {second}; }} > '{file}'");
        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Equal(lines, File.ReadAllLines(file).Length);
    }

    [Fact]
    public void Output_SeveralProcessesAppendingToOneFile_LoseNothing()
    {
        string file = Path.Combine(_directory, "appended.txt");
        File.WriteAllText(file, "header\n");
        var (exit, _) = Shell(
            $"for z in UTC Asia/Kolkata Europe/Berlin America/Los_Angeles; do {Tool} partitions --zone $z --from 2024-01-01 --to 2024-01-03 --json & done >> '{file}'; wait");
        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(file);
        Assert.Equal("header", lines[0]);
        Assert.Equal(1 + 4 * 48, lines.Length);
        Assert.All(lines.Skip(1), line => JsonDocument.Parse(line).Dispose());
    }

    /// <summary>Extreme arguments for every command: whatever the library refuses must reach the user as one line.</summary>
    private static IEnumerable<string[]> ExtremeArguments()
    {
        // The ends of NodaTime's range, a range too large to plan, and zones with odd offsets at both ends.
        (string From, string To)[] ranges = [("0001-01-01", "0001-01-03"), ("9999-12-29", "9999-12-31"), ("1900-01-01", "2100-01-01"), ("9999-12-31", "9999-12-31")];
        string[] zones = ["America/Los_Angeles", "Pacific/Kiritimati", "Etc/GMT+12"];
        foreach (var zone in zones)
        {
            foreach (var (from, to) in ranges)
            {
                yield return ["partitions", "--zone", zone, "--from", from, "--to", to, "--hive", "t", "--location", "s3://x", "--now", "9999-12-31T23:59:59Z"];
                yield return ["partitions", "--zone", zone, "--from", from, "--to", to, "--trino", "s.t", "--location", "s3://x"];
                yield return ["partitions", "--zone", zone, "--from", from, "--to", to, "--svg"];
                if (from != "1900-01-01")
                {
                    // (two centuries of daily partitions is a valid 80 MB answer, not an edge case)
                    yield return ["partitions", "--zone", zone, "--from", from, "--to", to, "--json", "--granularity", "day"];
                    yield return ["partitions", "--zone", zone, "--from", from, "--to", to, "--trino", "s.t", "--location", "s3://x", "--granularity", "day"];
                }
            }
            yield return ["tasks", "--zone", zone, "--start-from", "0001-01-01T00:00:00Z", "--end-at", "0001-01-02T00:00:00Z", "--run-interval", "12h", "--lookback", "100000d"];
            yield return ["tasks", "--zone", zone, "--start-from", "9999-12-31T00:00:00", "--end-at", "9999-12-31T23:59:59Z", "--run-interval", "1000000d", "--json"];
            yield return ["tasks", "--zone", zone, "--start-from", "9999-12-31", "--run-interval", "1m", "--now", "9999-12-31T23:59:59.999999999Z"];
        }
        yield return ["tasks", "--start-from", "NOW", "--now", "0001-01-01T00:00:00+18:00", "--run-interval", "1m", "--end-at", "NOW"];
        yield return ["tasks", "--start-from", "9999-12-31T23:00:00Z", "--now", "9999-12-31T23:59:59Z", "--run-interval", "7d", "--lookback", "99999d"];
        yield return ["partitions", "--zone", "UTC", "--from", "2024-01-01", "--to", "2024-01-02", "--hive", "t", "--location", "s3://x", "--grace-minutes", "2147483647"];
        yield return ["partitions", "--zone", "UTC", "--from", "2024-01-01", "--to", "2024-01-02", "--hive", "t", "--location", "s3://x", "--grace-minutes", "99999999999"];
        yield return ["parse", "--to", "epoch", "/"];
        yield return ["parse", "/dev/null/x"];
    }

    // One test over the whole sweep, four processes at a time: the cases are many and each is a process start.
    [Fact]
    public void Command_ExtremeArguments_EndInOneLineNeverAStackTrace()
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var cases = ExtremeArguments().ToList();
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, args =>
        {
            var result = CliRunner.Run("0001-01-01T00:00:00+18:00\n9999-12-31T23:59:59-18:00\n", args);
            string what = $"upstats-time {string.Join(' ', args)} -> exit {result.ExitCode}: {result.StdErr}";
            var errorLines = result.StdErr.TrimEnd('\n').Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (result.ExitCode is not (0 or 1 or 2 or 3) || result.StdErr.Contains("   at ") || result.StdErr.Contains("Exception"))
            {
                failures.Add(what);
            }
            else if (result.ExitCode >= 2 && (errorLines.Length != 1 || !errorLines[0].StartsWith("upstats-time ", StringComparison.Ordinal)
                || errorLines[0].Contains("(Parameter '") || errorLines[0].Contains("Actual value was")))
            {
                failures.Add(what);
            }
        });
        Assert.True(cases.Count > 40);
        Assert.Empty(failures);
    }

    [Fact]
    public void PartitionsSvg_ACentury_IsRefusedWithTheLimit()
    {
        var result = CliRunner.Run(null, "partitions", "--zone", "America/Los_Angeles", "--from", "2000-01-01", "--to", "2100-01-01", "--svg");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StdOut);
        Assert.Contains("at most 366 days", result.StdErr);
    }

    [Fact]
    public void PartitionsSvg_ALeapYear_IsStillDrawn()
    {
        var result = CliRunner.Run(null, "partitions", "--zone", "America/Los_Angeles", "--from", "2024-01-01", "--to", "2025-01-01", "--svg");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("<svg", result.StdOut);
        Assert.True(result.StdOut.Length < 20_000_000, $"{result.StdOut.Length} characters");
    }

    [Theory]
    [InlineData("--json", "--svg")]
    [InlineData("--json", "--hive")]
    [InlineData("--svg", "--trino")]
    public void Partitions_ConflictingOutputForms_AreAUsageError(string first, string second)
    {
        var args = new List<string> { "partitions", "--zone", "UTC", "--from", "2024-01-01", "--to", "2024-01-02", "--location", "s3://x", first };
        args.AddRange(second is "--hive" or "--trino" ? [second, "s.t"] : [second]);
        var result = CliRunner.Run(null, [.. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StdOut);
        Assert.Contains("cannot be combined", Assert.Single(result.StdErr.TrimEnd('\n').Split('\n')));
    }

    // --now took only NodaTime's extended ISO form; every option that takes an instant now reads what `parse` reads.
    [Theory]
    [InlineData("2024-11-03T11:00:00+0100")]
    [InlineData("2024-11-03t10:00:00z")]
    [InlineData("2024-11-03 10:00:00Z")]
    [InlineData("2024-11-03T10:00:00.000+00")]
    public void PartitionsNow_EveryTimestampFormParseAccepts_GivesTheSamePlan(string now)
    {
        string[] plan = ["partitions", "--zone", "America/Los_Angeles", "--from", "2024-11-03", "--to", "2024-11-04", "--hive", "t", "--location", "s3://x", "--now"];
        var expected = CliRunner.Run(null, [.. plan, "2024-11-03T10:00:00Z"]);
        var result = CliRunner.Run(null, [.. plan, now]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected.StdOut, result.StdOut);
    }

    [Fact]
    public void Help_OfEveryCommand_HasExamplesExitCodesAndPlaceholdersAndNoInternalReferences()
    {
        var root = CliRunner.Run(null);
        Assert.Equal(0, root.ExitCode);
        Assert.Contains("Usage:", root.StdOut);
        foreach (var command in new[] { "parse", "partitions", "tasks" })
        {
            var help = CliRunner.Run(null, command, "--help");
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("Examples:", help.StdOut);
            Assert.Contains($"upstats-time {command} ", help.StdOut);
            Assert.Contains("Exit codes:", help.StdOut);
            Assert.DoesNotContain("SPEC", help.StdOut);
            Assert.Equal("", help.StdErr);
        }
        Assert.Contains("--zone <ZONE>", CliRunner.Run(null, "partitions", "--help").StdOut);
        Assert.Contains("--run-interval <INTERVAL>", CliRunner.Run(null, "tasks", "--help").StdOut);
        Assert.DoesNotContain("SPEC", root.StdOut);
    }

    [Theory]
    [InlineData("upstats-time partitions: --grace-minutes: 'soon' is not a whole number.", "partitions", "--zone", "UTC", "--from", "2024-01-01", "--to", "2024-01-02", "--hive", "t", "--location", "s3://x", "--grace-minutes", "soon")]
    [InlineData("upstats-time tasks: unknown option --every (options: --start-from, --run-interval, --end-at, --lookback, --zone, --now, --json, --help).", "tasks", "--start-from", "NOW", "--run-interval", "5m", "--every", "5m")]
    [InlineData("upstats-time partitions: --zone is required (see upstats-time partitions --help).", "partitions", "--from", "2024-01-01", "--to", "2024-01-02")]
    public void UsageErrors_SayWhatIsWrongInWords(string expected, params string[] args)
    {
        var result = CliRunner.Run(null, args);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.StdErr.TrimEnd('\n'));
    }

    [Fact]
    public void Parse_ADirectoryAsTheFile_IsAnIoError()
    {
        var result = CliRunner.Run(null, "parse", _directory);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("is a directory", Assert.Single(result.StdErr.TrimEnd('\n').Split('\n')));
    }

    [Fact]
    public void Parse_AByteOrderMarkBeforeTheFirstLine_IsNotPartOfIt()
    {
        string file = Path.Combine(_directory, "bom.txt");
        File.WriteAllText(file, "2015-10-11T00:26:51+0100\r\n2015-10-11T00:26:52+0100\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        var result = CliRunner.Run(null, "parse", "--to", "epoch", file);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["1444519611", "1444519612"], result.Lines);
        var json = CliRunner.Run(null, "parse", "--json", file);
        Assert.Equal(0, json.ExitCode);
        Assert.StartsWith("{\"input\":\"2015-10-11T00:26:51+0100\"", json.Lines[0]);
    }

    [Fact]
    public void Parse_ControlBytesInTheInput_AreNeverEchoedRaw()
    {
        var result = CliRunner.Run("\u001b[31mred\u0007\n", "parse");
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.StdOut);
        Assert.DoesNotContain('\u0007', result.StdOut);
        Assert.Contains("\\u001B[31mred\\u0007", result.StdOut);
        var json = CliRunner.Run("\u001b[31m\n", "parse", "--json");
        Assert.DoesNotContain('\u001b', json.StdOut);
    }

    // `tail -f log | upstats-time parse --json` must answer each line as it arrives, not at the end of input.
    [Theory]
    [InlineData("--json")]
    [InlineData("--to")]
    [InlineData("")]
    public async Task Parse_LinesArrivingOneByOne_AreAnsweredBeforeTheInputEnds(string form)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(CliRunner.ToolPath);
        info.ArgumentList.Add("parse");
        if (form == "--to")
        {
            info.ArgumentList.Add("--to");
            info.ArgumentList.Add("epoch");
        }
        else if (form != "")
        {
            info.ArgumentList.Add(form);
        }
        using var process = Process.Start(info)!;
        try
        {
            process.StandardInput.Write("2015-10-11T00:26:51+0100\n");
            process.StandardInput.Flush();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            string? line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (form == "")
            {
                // the table's header, then the row
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            Assert.Contains("1444519611", line);
        }
        finally
        {
            process.StandardInput.Close();
            process.WaitForExit(30_000);
        }
    }

    [Fact]
    public void Tasks_WithAZone_ShowLocalTimesAcrossTheRepeatedHour()
    {
        var result = CliRunner.Run(null, "tasks", "--start-from", "2024-11-03T07:00:00Z", "--end-at", "2024-11-03T11:00:00Z", "--run-interval", "1h", "--zone", "America/Los_Angeles");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("local start (America/Los_Angeles)", result.Lines[0]);
        Assert.Contains("2024-11-03T01:00:00-07:00", result.Lines[2]);
        Assert.Contains("2024-11-03T01:00:00-08:00", result.Lines[3]);
        var utc = CliRunner.Run(null, "tasks", "--start-from", "2024-11-03T07:00:00Z", "--end-at", "2024-11-03T11:00:00Z", "--run-interval", "1h");
        Assert.DoesNotContain("local", utc.Lines[0]);
    }

    [Fact]
    public void Tasks_NothingDueYet_SaysWhyOnStderr()
    {
        var result = CliRunner.Run(null, "tasks", "--start-from", "NOW", "--now", "2022-08-04T11:03:00Z", "--run-interval", "5 MINUTES");
        Assert.Equal(0, result.ExitCode);
        Assert.Single(result.Lines); // the header only
        Assert.Contains("no task has ended yet", result.StdErr);
        Assert.Contains("2022-08-04T11:05:00Z", result.StdErr);
    }

    [Theory]
    [InlineData("60 DAYS", "2021-11-02T00:00:00Z")]
    [InlineData("60d", "2021-11-02T00:00:00Z")]
    [InlineData("0", "2022-01-01T00:00:00Z")]
    public void Tasks_LookbackInARunIntervalsWords_IsAccepted(string lookback, string windowStart)
    {
        var result = CliRunner.Run(null, "tasks", "--start-from", "2022-01-01T00:00:00Z", "--end-at", "2022-01-31T00:00:00Z", "--run-interval", "30 DAYS", "--lookback", lookback, "--json");
        Assert.Equal(0, result.ExitCode);
        using var task = JsonDocument.Parse(Assert.Single(result.Lines));
        Assert.Equal(windowStart, task.RootElement.GetProperty("windowStart").GetString());
    }
}

namespace UpStats.Time.Cli.Tests;

public class TasksCommandTest
{
    private static string Record(string start, string end, string? windowStart = null) =>
        $"{{\"start\":\"{start}\",\"end\":\"{end}\",\"windowStart\":\"{windowStart ?? start}\",\"windowEnd\":\"{end}\"}}";

    [Fact]
    public void Tasks_StartFromNowAt1103_FiveMinutes_FirstTaskIs1103To1105()
    {
        var result = CliRunner.Run(null, "tasks", "--start-from", "NOW", "--run-interval", "5 MINUTES", "--now", "2022-08-04T11:03:00Z",
            "--end-at", "2022-08-04T11:15:00Z", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                Record("2022-08-04T11:03:00Z", "2022-08-04T11:05:00Z"),
                Record("2022-08-04T11:05:00Z", "2022-08-04T11:10:00Z"),
                Record("2022-08-04T11:10:00Z", "2022-08-04T11:15:00Z"),
            ],
            result.Lines);
        Assert.Equal("", result.StdErr);
    }

    [Fact]
    public void Tasks_EndAtNowAt1103_FiveMinutes_LastTaskIs1055To1100()
    {
        var result = CliRunner.Run(null, "tasks", "--start-from", "2022-08-04T10:50:00Z", "--run-interval", "5m", "--end-at", "NOW",
            "--now", "2022-08-04T11:03:00Z", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                Record("2022-08-04T10:50:00Z", "2022-08-04T10:55:00Z"),
                Record("2022-08-04T10:55:00Z", "2022-08-04T11:00:00Z"),
            ],
            result.Lines);
    }

    [Fact]
    public void Tasks_OpenEnded_ListsTheTasksDueByNow()
    {
        var result = CliRunner.Run(null, "tasks", "--start-from", "2022-08-04 11:00:00", "--run-interval", "1 MINUTE", "--lookback", "30d",
            "--now", "2022-08-04T11:02:30Z", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                Record("2022-08-04T11:00:00Z", "2022-08-04T11:01:00Z", "2022-07-05T11:00:00Z"),
                Record("2022-08-04T11:01:00Z", "2022-08-04T11:02:00Z", "2022-07-05T11:01:00Z"),
            ],
            result.Lines);
    }

    [Fact]
    public void Tasks_LocalTimestampInZone_DailyTasksAtLocalMidnight()
    {
        var result = CliRunner.Run(null, "tasks", "--start-from", "2024-03-09T00:00:00", "--end-at", "2024-03-11", "--zone", "America/Los_Angeles",
            "--run-interval", "1 DAY", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                Record("2024-03-09T08:00:00Z", "2024-03-10T08:00:00Z"),
                Record("2024-03-10T08:00:00Z", "2024-03-11T07:00:00Z"),
            ],
            result.Lines);
    }

    [Fact]
    public void Tasks_WithoutJson_PrintsATable()
    {
        var result = CliRunner.Run(null, "tasks", "--start-from", "2022-01-01T00:00:00Z", "--run-interval", "30 DAYS", "--lookback", "60d",
            "--end-at", "2022-03-02T00:00:00Z");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, result.Lines.Length);
        Assert.StartsWith("start", result.Lines[0], StringComparison.Ordinal);
        Assert.Contains("window start", result.Lines[0], StringComparison.Ordinal);
        Assert.Equal(["2022-01-31T00:00:00Z", "2022-03-02T00:00:00Z", "2021-12-02T00:00:00Z", "2022-03-02T00:00:00Z"],
            result.Lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("5 HOURS", "does not divide 24 hours")]
    [InlineData("36 HOURS", "is neither below a day nor whole days")]
    [InlineData("five minutes", "--run-interval")]
    public void Tasks_InvalidInterval_ExitsTwoWithOneStderrLine(string interval, string expected)
    {
        var result = CliRunner.Run(null, "tasks", "--start-from", "NOW", "--run-interval", interval);
        AssertUsageError(result, expected);
    }

    [Theory]
    [InlineData("--start-from", "2022-13-01T00:00:00Z", "--start-from")]
    [InlineData("--end-at", "yesterday", "--end-at")]
    [InlineData("--end-at", "2022-02-30T00:00:00Z", "at position 8")]
    [InlineData("--lookback", "30 parsecs", "--lookback")]
    [InlineData("--lookback", "-1d", "--lookback")]
    [InlineData("--zone", "Mars/Olympus", "unknown time zone")]
    [InlineData("--now", "later", "--now")]
    [InlineData("--end-at", "2021-01-01T00:00:00Z", "is before --start-from")]
    [InlineData("--end-at", "9999-12-31T00:00:00Z", "--end-at: 9999-12-31T00:00:00Z is not between")]
    [InlineData("--start-from", "9999-12-31T00:00:00Z", "--start-from: 9999-12-31T00:00:00Z is not between")]
    public void Tasks_InvalidValue_ExitsTwoWithOneStderrLine(string option, string value, string expected)
    {
        var args = new List<string> { "tasks", "--start-from", "2022-01-01T00:00:00Z", "--run-interval", "5m", "--now", "2022-01-01T01:00:00Z" };
        int existing = args.IndexOf(option);
        if (existing >= 0)
        {
            args[existing + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }
        AssertUsageError(CliRunner.Run(null, [.. args]), expected);
    }

    [Fact]
    public void Tasks_LocalStartAfterTheLastInstant_ExitsTwoWithoutAStackTrace() =>
        // 23:00 on 9999-12-31 in Los Angeles is in the year 10000 UTC; this used to crash with an OverflowException.
        AssertUsageError(
            CliRunner.Run(null, "tasks", "--zone", "America/Los_Angeles", "--start-from", "9999-12-31T23:00:00", "--run-interval", "5m", "--end-at", "9999-12-31T23:59:59"),
            "The UTC instant is after 9999-12-31T23:59:59.999999999Z");

    [Fact]
    public void Tasks_MissingRunInterval_ExitsTwo() =>
        AssertUsageError(CliRunner.Run(null, "tasks", "--start-from", "NOW"), "--run-interval");

    private static void AssertUsageError(CliResult result, string expected)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StdOut);
        var lines = result.StdErr.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
    }
}

namespace UpStats.Time.Cli.Tests;

public class EventTimeCommandTest
{
    [Fact]
    public void EventTime_KafkaConnectLayout_ReadsThePathElseTheModifiedTime_ElseAnError()
    {
        const string Input =
            "topics/events/year=2024/month=11/day=03/hour=08/events+0+42.json\n"
            + "topics/events/manual.json\t2024-11-03T09:26:51+0100\r\n"
            + "topics/events/year=2024/month=13/day=03/hour=08/x.json\n";

        var result = CliRunner.Run(Input, "event-time", "--pattern", "'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH", "--prefix", "topics/events/", "--json");

        Assert.Equal(1, result.ExitCode);   // one line failed
        Assert.Equal(
            [
                "{\"path\":\"topics/events/year=2024/month=11/day=03/hour=08/events+0+42.json\",\"eventTime\":\"2024-11-03T08:00:00Z\",\"source\":\"pattern\"}",
                "{\"path\":\"topics/events/manual.json\",\"eventTime\":\"2024-11-03T08:26:51Z\",\"source\":\"modified\"}",
                "{\"path\":\"topics/events/year=2024/month=13/day=03/hour=08/x.json\",\"error\":\"no date in the path (Month must be between 01 and 12 at position 30) and no modified time\"}",
            ],
            result.Lines);
    }

    [Fact]
    public void EventTime_UpsolverMinuteLayoutInAZone_GapIsTheJump_OverlapTheFirstPass()
    {
        const string Input = "2024/03/10/02/30/a.csv\n2024/11/03/01/30/b.csv\n";

        var result = CliRunner.Run(Input, "event-time", "--pattern", "yyyy/MM/dd/HH/mm", "--zone", "America/Los_Angeles", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "{\"path\":\"2024/03/10/02/30/a.csv\",\"eventTime\":\"2024-03-10T10:00:00Z\",\"source\":\"pattern\"}",
                "{\"path\":\"2024/11/03/01/30/b.csv\",\"eventTime\":\"2024-11-03T08:30:00Z\",\"source\":\"pattern\"}",
            ],
            result.Lines);
    }

    [Fact]
    public void EventTime_BadModifiedTime_IsAnErrorForThatLine()
    {
        var result = CliRunner.Run("2024/11/03/x\t2024-11-03T25:00:00Z\n", "event-time", "--pattern", "yyyy/MM/dd", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["{\"path\":\"2024/11/03/x\",\"error\":\"MODIFIED '2024-11-03T25:00:00Z' is not an offset timestamp: Hour must be between 00 and 23 at position 11\"}"], result.Lines);
    }

    [Fact]
    public void EventTime_Table_ShowsTimeSourceAndPath()
    {
        var result = CliRunner.Run("2024/11/03/x\n", "event-time", "--pattern", "yyyy/MM/dd");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Lines.Length);
        Assert.StartsWith("EVENT TIME", result.Lines[0]);
        Assert.Equal("2024-11-03T00:00:00Z            pattern   2024/11/03/x", result.Lines[1]);
    }

    [Fact]
    public void EventTime_ControlBytesInAPath_AreNeverEchoedRaw()
    {
        var table = CliRunner.Run("2024/11/03/\u001b[31mred\n", "event-time", "--pattern", "yyyy/MM/dd");
        var json = CliRunner.Run("2024/11/03/\u001b[31mred\n", "event-time", "--pattern", "yyyy/MM/dd", "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.DoesNotContain('\u001b', table.StdOut);
        Assert.Contains("2024/11/03/\\u001B[31mred", table.StdOut);
        Assert.DoesNotContain('\u001b', json.StdOut);
    }

    [Theory]
    [InlineData("yyyy/MM/dd/hh", "upstats-time event-time: --pattern: 'hh' is not supported: use yyyy (or YYYY), MM, dd, HH and mm, and put literal letters in single quotes ('year=') at position 11: 'yyyy/MM/dd/^hh'")]
    [InlineData("MM/dd", "upstats-time event-time: --pattern: A path pattern must contain a year (yyyy) at position 5: 'MM/dd^'")]
    public void EventTime_BadPattern_IsAUsageErrorWithThePosition(string pattern, string message)
    {
        var result = CliRunner.Run("x\n", "event-time", "--pattern", pattern);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StdOut);
        Assert.Equal(message + "\n", result.StdErr);
    }
}

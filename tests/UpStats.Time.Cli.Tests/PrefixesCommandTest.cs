namespace UpStats.Time.Cli.Tests;

public class PrefixesCommandTest
{
    [Fact]
    public void Prefixes_FallBackInLosAngeles_RepeatedHourIsOneFolderWithItsWholeSpan()
    {
        var result = CliRunner.Run(null, "prefixes", "--pattern", "'year='yyyy/'month='MM/'day='dd/'hour='HH", "--prefix", "s3://b/events/",
            "--zone", "America/Los_Angeles", "--from", "2024-11-03T08:30:00Z", "--to", "2024-11-03T10:30:00Z", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "{\"prefix\":\"s3://b/events/year=2024/month=11/day=03/hour=01\",\"start\":\"2024-11-03T08:00:00Z\",\"end\":\"2024-11-03T10:00:00Z\"}",
                "{\"prefix\":\"s3://b/events/year=2024/month=11/day=03/hour=02\",\"start\":\"2024-11-03T10:00:00Z\",\"end\":\"2024-11-03T11:00:00Z\"}",
            ],
            result.Lines);
        Assert.Equal("", result.StdErr);
    }

    [Fact]
    public void Prefixes_UpsolverMinuteTask_ListsItsMinuteFolders_NoTrailingSlash()
    {
        var result = CliRunner.Run(null, "prefixes", "--pattern", "yyyy/MM/dd/HH/mm/", "--prefix", "orders/",
            "--from", "2022-08-04T11:03:00Z", "--to", "2022-08-04T11:05:00Z", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            [
                "{\"prefix\":\"orders/2022/08/04/11/03\",\"start\":\"2022-08-04T11:03:00Z\",\"end\":\"2022-08-04T11:04:00Z\"}",
                "{\"prefix\":\"orders/2022/08/04/11/04\",\"start\":\"2022-08-04T11:04:00Z\",\"end\":\"2022-08-04T11:05:00Z\"}",
            ],
            result.Lines);
    }

    [Fact]
    public void Prefixes_LocalTimesAreReadInTheZone_AndTheTableHasAHeader()
    {
        var result = CliRunner.Run(null, "prefixes", "--pattern", "yyyy-MM-dd", "--zone", "Asia/Kolkata", "--from", "2024-01-01", "--to", "2024-01-03");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, result.Lines.Length);
        Assert.Equal("2023-12-31T18:30:00Z            2024-01-01T18:30:00Z            2024-01-01", result.Lines[1]);
        Assert.EndsWith("2024-01-02", result.Lines[2]);
    }

    [Theory]
    [InlineData("2024-01-02", "2024-01-01", "upstats-time prefixes: --to: 2024-01-01T00:00:00Z is not after --from 2024-01-02T00:00:00Z.")]
    [InlineData("2024-01-01", "2024-01-01", "upstats-time prefixes: --to: 2024-01-01T00:00:00Z is not after --from 2024-01-01T00:00:00Z.")]
    [InlineData("2000-01-01", "2004-01-01", "upstats-time prefixes: The window holds more than 1,000,000 folders; list it in pieces.")]
    [InlineData("yesterday", "2004-01-01", "upstats-time prefixes: --from: 'yesterday' is not a timestamp such as 2022-08-04T11:03:00Z or 2015-10-11T00:26:51+0100 (without an offset it is read in the zone), nor a date: Expected a digit at position 0.")]
    public void Prefixes_BadWindow_IsAUsageError(string from, string to, string message)
    {
        var result = CliRunner.Run(null, "prefixes", "--pattern", "yyyy/MM/dd/HH/mm", "--from", from, "--to", to);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StdOut);
        Assert.Equal(message + "\n", result.StdErr);
    }

    [Fact]
    public void Prefixes_YearsAFourDigitYearCannotName_AreAUsageError()
    {
        var result = CliRunner.Run(null, "prefixes", "--pattern", "yyyy/MM/dd", "--zone", "Asia/Tokyo", "--from", "9999-12-31T15:00:00Z", "--to", "9999-12-31T16:00:00Z");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("upstats-time prefixes: 9999-12-31T15:00:00Z is not between 0001-01-01T00:00:00Z and 9999-12-30T00:00:00Z, the range in which every local time, grid cell and boundary is representable.\n", result.StdErr);
    }
}

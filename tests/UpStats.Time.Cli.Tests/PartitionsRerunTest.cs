namespace UpStats.Time.Cli.Tests;

// `partitions --trino` re-runs: --ready-after prints only what became ready since the previous run; --no-semicolon.
public class PartitionsRerunTest
{
    private static CliResult Trino(params string[] more) =>
        CliRunner.Run(null, ["partitions", "--zone", "America/Los_Angeles", "--from", "2024-11-03", "--to", "2024-11-04",
            "--trino", "web.events_pt", "--location", "s3://bucket/events", .. more]);

    [Fact]
    public void PartitionsTrino_ReadyAfterThePreviousRun_PrintsOnlyTheNewlyReadyHours()
    {
        var first = Trino("--now", "2024-11-03T10:00:00Z").Lines.Where(l => l.StartsWith("CALL", StringComparison.Ordinal)).ToList();
        var second = Trino("--now", "2024-11-03T12:00:00Z", "--ready-after", "2024-11-03T10:00:00Z");
        Assert.Equal(0, second.ExitCode);
        var calls = second.Lines.Where(l => l.StartsWith("CALL", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, first.Count);   // PT 00 (ready 08:00Z) and the merged 01 (ready 10:00Z)
        Assert.Equal(2, calls.Count);   // PT 02 and 03 (ready 11:00Z and 12:00Z)
        Assert.Contains("partition_values => ARRAY['2024', '11', '03', '02']", calls[0], StringComparison.Ordinal);
        Assert.Contains("partition_values => ARRAY['2024', '11', '03', '03']", calls[1], StringComparison.Ordinal);
        Assert.Empty(first.Intersect(calls));
    }

    [Fact]
    public void PartitionsTrino_NoSemicolon_EndsEachCallWithItsParenthesis()
    {
        var result = Trino("--now", "2024-11-05T00:00:00Z", "--no-semicolon");
        Assert.Equal(0, result.ExitCode);
        var calls = result.Lines.Where(l => l.StartsWith("CALL", StringComparison.Ordinal)).ToList();
        Assert.Equal(24, calls.Count);
        Assert.All(calls, c => Assert.EndsWith("')", c, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--ready-after", "yesterday", "--ready-after: 'yesterday' is not a timestamp")]
    [InlineData("--no-semicolon", null, "--no-semicolon only applies with --hive TABLE or --trino SCHEMA.TABLE")]
    public void Partitions_BadRerunOptions_OneLineAndExit2(string option, string? value, string expected)
    {
        string[] args = ["partitions", "--zone", "UTC", "--from", "2024-11-03", "--to", "2024-11-04"];
        if (value is not null)
        {
            args = [.. args, "--hive", "t", "--location", "s3://x"];
        }
        var result = CliRunner.Run(null, value is null ? [.. args, option] : [.. args, option, value]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.StdErr, StringComparison.Ordinal);
    }
}

namespace UpStats.Time.Cli.Tests;

public class UsageTest
{
    [Fact]
    public void UnknownCommand_ExitsTwoWithOneStderrLine()
    {
        var result = CliRunner.Run(null, "no-such-command");
        Assert.Equal(2, result.ExitCode);
        var lines = result.StdErr.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.Contains("no-such-command", lines[0]);
        Assert.DoesNotContain("   at ", result.StdErr);
    }
}

public class ParseUsageTest
{
    [Fact]
    public void Parse_UnknownOption_IsNamedAsAnOptionNotAFile()
    {
        var result = CliRunner.Run("", "parse", "--bogus");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("upstats-time parse: unknown option --bogus (options: --json, --to epoch|iso; the input is FILE or -).", result.StdErr.TrimEnd('\n'));
    }
}

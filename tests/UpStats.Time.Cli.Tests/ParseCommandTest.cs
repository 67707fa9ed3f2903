using System.Text.Json;

namespace UpStats.Time.Cli.Tests;

/// <summary>
/// <c>upstats-time parse</c> run as a real process on files and stdin with good and bad lines: the JSON Lines
/// command-line contract, exit codes, <c>--to epoch</c>/<c>--to iso</c>, CRLF input, and usage errors.
/// </summary>
public sealed class ParseCommandTest : IDisposable
{
    private const string Good = "2015-10-11T00:26:51+0100";
    private const string BadMonth = "2015-13-11T00:26:51+0100";
    private readonly string _directory = Directory.CreateTempSubdirectory("upstats-parse-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string FileWith(string content)
    {
        string path = Path.Combine(_directory, $"{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void ParseJson_UpStatsValue_PrintsUtcAndEpochSeconds()
    {
        var result = CliRunner.Run(null, "parse", "--json", FileWith(Good + "\n"));
        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Lines);
        Assert.Equal("""{"input":"2015-10-11T00:26:51+0100","utc":"2015-10-10T23:26:51Z","epochSeconds":1444519611}""", line);
    }

    [Fact]
    public void ParseJson_GoodAndBadLines_OneRecordPerLineAndExitOne()
    {
        string content = $"{Good}\n{BadMonth}\n\n1969-12-31T23:59:59.5Z\n2015-10-11T00:26:51";
        var result = CliRunner.Run(null, "parse", "--json", FileWith(content));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(5, result.Lines.Length);
        using var bad = JsonDocument.Parse(result.Lines[1]);
        Assert.Equal(BadMonth, bad.RootElement.GetProperty("input").GetString());
        Assert.Equal(5, bad.RootElement.GetProperty("error").GetProperty("position").GetInt32());
        Assert.Equal("Month must be between 01 and 12", bad.RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal("MonthOutOfRange", bad.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.False(bad.RootElement.TryGetProperty("utc", out _));
        Assert.Equal("""{"input":"","error":{"position":0,"message":"The value is empty","code":"Empty"}}""", result.Lines[2]);
        Assert.Equal("""{"input":"1969-12-31T23:59:59.5Z","utc":"1969-12-31T23:59:59.5Z","epochSeconds":-1}""", result.Lines[3]);
        using var noOffset = JsonDocument.Parse(result.Lines[4]);
        Assert.Equal(19, noOffset.RootElement.GetProperty("error").GetProperty("position").GetInt32());
        Assert.Equal("", result.StdErr);
    }

    [Fact]
    public void ParseJson_CrlfInput_DropsTheCarriageReturn()
    {
        var result = CliRunner.Run(null, "parse", "--json", FileWith($"{Good}\r\n{Good}\r\n"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Lines.Length);
        Assert.All(result.Lines, l => Assert.StartsWith("""{"input":"2015-10-11T00:26:51+0100","utc":""", l));
    }

    [Fact]
    public void ParseJson_Stdin_ReadsStandardInputForDashAndWithoutFile()
    {
        var dash = CliRunner.Run($"{Good}\n{BadMonth}\n", "parse", "--json", "-");
        var none = CliRunner.Run($"{Good}\n{BadMonth}\n", "parse", "--json");
        Assert.Equal(1, dash.ExitCode);
        Assert.Equal(2, dash.Lines.Length);
        Assert.Equal(dash.StdOut, none.StdOut);
        Assert.Equal(dash.ExitCode, none.ExitCode);
    }

    [Fact]
    public void ParseToEpoch_GoodAndBadLines_EmptyLineForFailureAndReasonOnStderr()
    {
        var result = CliRunner.Run($"{Good}\r\n{BadMonth}\n2015-10-10T23:26:52Z", "parse", "--to", "epoch");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["1444519611", "", "1444519612"], result.Lines);
        Assert.Equal("line 2: position 5: Month must be between 01 and 12\n", result.StdErr);
    }

    [Fact]
    public void ParseToEpoch_AllGood_ExitsZero()
    {
        var lines = Enumerable.Range(0, 5000).Select(i => $"2015-10-11T00:{i / 60 % 60:D2}:{i % 60:D2}+0100").ToArray();
        var result = CliRunner.Run(null, "parse", "--to", "epoch", FileWith(string.Join("\n", lines) + "\n"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(5000, result.Lines.Length);
        Assert.Equal("1444518000", result.Lines[0]);
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (1444518000L + i / 60 % 60 * 60 + i % 60).ToString(System.Globalization.CultureInfo.InvariantCulture)), result.Lines);
    }

    [Fact]
    public void ParseToIso_GoodAndBadLines_PrintsUtc()
    {
        var result = CliRunner.Run($"{Good}\n{BadMonth}\n", "parse", "--to", "iso");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["2015-10-10T23:26:51Z", ""], result.Lines);
        Assert.Equal("line 2: position 5: Month must be between 01 and 12\n", result.StdErr);
    }

    [Fact]
    public void Parse_DefaultTable_ShowsValuesAndErrors()
    {
        var result = CliRunner.Run($"{Good}\n{BadMonth}\n", "parse");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(3, result.Lines.Length);
        Assert.Contains("2015-10-10T23:26:51Z", result.Lines[1]);
        Assert.Contains("1444519611", result.Lines[1]);
        Assert.Contains("error at position 5: Month must be between 01 and 12", result.Lines[2]);
    }

    [Fact]
    public void Parse_MissingFile_IsAnIoErrorWithOneStderrLine()
    {
        var result = CliRunner.Run(null, "parse", "--json", Path.Combine(_directory, "missing.txt"));
        Assert.Equal(3, result.ExitCode);
        Assert.Equal("", result.StdOut);
        var line = Assert.Single(result.StdErr.TrimEnd('\n').Split('\n'));
        Assert.Contains("missing.txt", line);
    }

    [Theory]
    [InlineData("--to", "bogus")]
    [InlineData("--json", "--to", "epoch")]
    public void Parse_InvalidOptions_ExitTwoWithOneStderrLine(params string[] args)
    {
        var result = CliRunner.Run("", ["parse", .. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StdErr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", result.StdErr);
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;

namespace UpStats.Time.Cli.Tests;

/// <summary>
/// Every <c>```console</c> block of README.md and docs/*.md is a shell session: each <c>$ command</c> (with <c>\</c>
/// continuation lines) is run in bash with <c>upstats-time</c> standing for the built tool, and what it prints
/// (stdout and stderr) must be the lines that follow it in the docs. A line ending in <c>…</c> matches any line
/// that starts with the text before it.
/// </summary>
public partial class DocConsoleBlocksTest
{
    private static readonly string Root = UpStats.Time.TestSupport.RepositoryRoot.Path;

    public static TheoryData<string, int, string> Commands()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in new[] { "README.md" }.Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Select(f => Path.GetRelativePath(Root, f)).Order(StringComparer.Ordinal)))
        {
            int n = 0;
            foreach (Match block in ConsoleBlock().Matches(File.ReadAllText(Path.Combine(Root, file))))
            {
                foreach (var (command, _) in Sessions(block.Groups[1].Value))
                {
                    data.Add(file, n++, command);
                }
            }
        }
        return data;
    }

    [Fact]
    public void Docs_HaveConsoleSessionsToCheck() => Assert.True(Commands().Count >= 4);

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_PrintsWhatTheDocsShow(string file, int index, string command)
    {
        var expected = AllSessions(file)[index].Output;
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = Root };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"upstats-time() {{ dotnet '{CliRunner.ToolPath}' \"$@\"; }}\n{{ {command}\n}} 2>&1");
        using var process = Process.Start(info)!;
        string printed = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000));
        var lines = printed.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == expected.Count, $"{file}: `{command}` printed {lines.Length} lines, the docs show {expected.Count}:\n{printed}");
        for (int i = 0; i < lines.Length; i++)
        {
            string want = expected[i];
            bool ok = want.EndsWith('…') ? lines[i].StartsWith(want[..^1], StringComparison.Ordinal) : lines[i] == want;
            Assert.True(ok, $"{file}: `{command}` line {i + 1}:\n printed: {lines[i]}\n docs:    {want}");
        }
    }

    private static List<(string Command, List<string> Output)> AllSessions(string file) =>
        ConsoleBlock().Matches(File.ReadAllText(Path.Combine(Root, file))).SelectMany(b => Sessions(b.Groups[1].Value)).ToList();

    private static IEnumerable<(string Command, List<string> Output)> Sessions(string block)
    {
        var lines = block.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("$ ", StringComparison.Ordinal))
            {
                continue;
            }
            string command = lines[i][2..];
            while (command.EndsWith('\\') && i + 1 < lines.Length)
            {
                command = command[..^1] + " " + lines[++i].Trim();
            }
            var output = new List<string>();
            while (i + 1 < lines.Length && !lines[i + 1].StartsWith("$ ", StringComparison.Ordinal))
            {
                output.Add(lines[++i]);
            }
            while (output.Count > 0 && output[^1].Length == 0)
            {
                output.RemoveAt(output.Count - 1);
            }
            yield return (command, output);
        }
    }

    [GeneratedRegex(@"^```console\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex ConsoleBlock();
}

using System.Diagnostics;

namespace UpStats.Time.Cli.Tests;

/// <summary>The result of one run of the real <c>upstats-time</c> process.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>Standard output split into lines (without the final empty one).</summary>
    public string[] Lines => StdOut.Split('\n', StringSplitOptions.None) is var l && l.Length > 0 && l[^1] == "" ? l[..^1] : StdOut.Split('\n');
}

/// <summary>Runs the built tool (<c>upstats-time.dll</c>, copied beside the tests) as a process, as a user would.</summary>
public static class CliRunner
{
    public static readonly string ToolPath = Path.Combine(AppContext.BaseDirectory, "upstats-time.dll");

    public static CliResult Run(string? stdin, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ToolPath);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the tool");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }
        process.StandardInput.Close();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"upstats-time {string.Join(' ', args)} did not finish in 60 s");
        }
        return new CliResult(process.ExitCode, stdout.Result.Replace("\r\n", "\n"), stderr.Result.Replace("\r\n", "\n"));
    }
}

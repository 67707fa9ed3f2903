using System.Diagnostics;

namespace UpStats.Time.Cli.Tests;

// `upstats-time tasks … | head -1`: once the reader has gone the tool must stop, not compute a century of tasks.
public class BrokenPipeTest
{
    [Theory]
    [InlineData("tasks", "--start-from", "2000-01-01T00:00:00Z", "--run-interval", "1m", "--end-at", "2100-01-01T00:00:00Z", "--json")]
    [InlineData("partitions", "--zone", "America/Los_Angeles", "--from", "2000-01-01", "--to", "2100-01-01", "--json")]
    public async Task Command_ReaderClosesThePipe_ExitsQuietlyAndPromptly(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "upstats-time.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.StartsWith("{\"", process.StandardOutput.ReadLine());
        process.StandardOutput.Close();
        bool exited = process.WaitForExit(30_000);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }
        Assert.True(exited, "the tool kept running after its reader closed the pipe");
        Assert.Equal(0, process.ExitCode);
        Assert.DoesNotContain("   at ", await stderr);
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace UpStats.Time.Tests.Rendering;

/// <summary>
/// Checks SQL against the engines' own ANTLR4 grammars (npm package dt-sql-parser: Hive, Spark SQL, Trino) by running
/// <c>tests/sql-grammar/check.mjs</c> with Node.js, one batch per call.
/// </summary>
/// <remarks>
/// Decision: the grammar checks never skip. Node.js 18+ and npm must be installed (<c>.ci/run</c> installs the Debian
/// packages <c>nodejs npm</c> when they are missing, and so does the first check when it runs as root on a machine
/// with apt-get, so that the README's <c>dotnet test</c> passes on a fresh machine with only the .NET SDK); the first check runs <c>npm ci</c> in tests/sql-grammar when its
/// node_modules is absent, so plain <c>dotnet test</c> works on any machine with Node.js. Without Node.js the tests
/// fail with a message that says how to install it, in CI and outside it alike.
/// </remarks>
internal static class SqlGrammar
{
    private static readonly Lazy<string> Folder = new(Prepare, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>For each (dialect, sql) the grammar's errors; empty when the statement parses.</summary>
    public static IReadOnlyList<string[]> Errors(IReadOnlyList<(string Dialect, string Sql)> statements)
    {
        var input = new StringBuilder();
        foreach (var (dialect, sql) in statements)
        {
            input.Append(JsonSerializer.Serialize(new { dialect, sql })).Append('\n');
        }
        var (exit, stdout, stderr) = Run("node", ["check.mjs"], Folder.Value, input.ToString());
        if (exit != 0)
        {
            throw new InvalidOperationException($"node check.mjs failed ({exit}): {stderr}");
        }
        var results = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray())
            .ToList();
        if (results.Count != statements.Count)
        {
            throw new InvalidOperationException($"check.mjs answered {results.Count} of {statements.Count} statements: {stderr}");
        }
        return results;
    }

    private static string Prepare()
    {
        string folder = FindFolder();
        if ((!OnPath("node") || !OnPath("npm")) && OperatingSystem.IsLinux() && Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
        {
            // A fresh machine with only the .NET SDK: the README's `dotnet test` must still pass there, so install
            // Node.js from the distribution the way .ci/run does (root and apt-get only; elsewhere the message below).
            Environment.SetEnvironmentVariable("DEBIAN_FRONTEND", "noninteractive");
            Run("apt-get", ["update", "-qq"], folder, null);
            Run("apt-get", ["install", "-y", "-qq", "nodejs", "npm"], folder, null);
        }
        if (!OnPath("node") || !OnPath("npm"))
        {
            throw new InvalidOperationException(
                "The SQL grammar checks need Node.js 18+ and npm, which are not on PATH. Install them (Debian/Ubuntu: "
                + "apt-get install -y nodejs npm; .ci/run does this in CI), then run dotnet test again. The checks are never skipped.");
        }
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "dt-sql-parser")))
        {
            var (exit, stdout, stderr) = Run("npm", ["ci", "--no-audit", "--no-fund"], folder, null);
            if (exit != 0)
            {
                throw new InvalidOperationException($"npm ci in {folder} failed ({exit}): {stdout}\n{stderr}");
            }
        }
        return folder;
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "sql-grammar");
            if (File.Exists(Path.Combine(candidate, "package-lock.json")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"tests/sql-grammar not found above {AppContext.BaseDirectory}");
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, program)));

    private static (int Exit, string StdOut, string StdErr) Run(string program, string[] args, string folder, string? stdin)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }
        process.StandardInput.Close();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 300 s");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

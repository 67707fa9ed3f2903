using System.Diagnostics;
using UpStats.Lake.Engines;
using UpStats.Lake.Migration;

namespace UpStats.Lake.Tests;

/// <summary>The sample's command lines (fixed: outside checks drive them), run as a real process.</summary>
public class LakeCommandLineTest
{
    public static TheoryData<string> Engines => TestLake.Engines;

    [Theory]
    [MemberData(nameof(Engines))]
    public void GenerateMigrateReplicate_CommandLines_WorkEndToEnd(string engine)
    {
        using var lake = TestLake.Create(engine);
        using var copy = TestLake.Create(TestLake.Sqlite);
        var store = Store(lake);

        var generate = LakeProcess.Run(["generate", .. store, "--rows", "600", "--seed", "4"]);
        Assert.True(generate.ExitCode == 0, generate.Stderr);
        Assert.Contains("holds 600 raw rows", generate.Stdout, StringComparison.Ordinal);
        var again = LakeProcess.Run(["generate", .. store, "--rows", "600", "--seed", "4"]);
        Assert.Contains("generated 0 raw rows", again.Stdout, StringComparison.Ordinal);

        var migrate = LakeProcess.Run(["migrate", .. store, "--chunk", "100"]);
        Assert.True(migrate.ExitCode == 0, migrate.Stderr);
        Assert.Contains("chunk 6: raw ids 501-600", migrate.Stdout, StringComparison.Ordinal);
        Assert.Contains("malformed date_created: raw id ", migrate.Stderr, StringComparison.Ordinal);
        Assert.Contains("checkpoint: raw id 600", migrate.Stdout, StringComparison.Ordinal);

        var replicate = LakeProcess.Run("replicate", "--from", lake.Location.Value, "--to", copy.Location.Value, "--chunk", "250");
        Assert.True(replicate.ExitCode == 0, replicate.Stderr);
        Assert.Contains("copied 600 raw rows (ids 1-600)", replicate.Stdout, StringComparison.Ordinal);
        using var source = lake.Open();
        using var target = copy.Open();
        Assert.Equal(source.AllJobs(), target.AllJobs());

        var someJob = source.AllJobs().First(j => j.DateCreated is not null);
        var show = LakeProcess.Run(["show", .. store, "--job", someJob.JobId, "--zone", "Asia/Kathmandu"]);
        Assert.True(show.ExitCode == 0, show.Stderr);
        Assert.Contains("+05:45", show.Stdout, StringComparison.Ordinal);

        var newer = LakeProcess.Run(["newer", .. store, "--limit", "5"]);
        Assert.Contains("5 newer jobs", newer.Stdout, StringComparison.Ordinal);
        var newerAgain = LakeProcess.Run(["newer", .. store, "--limit", "5"]);
        Assert.Contains("newer than ", newerAgain.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(newer.Stdout.Split('\n')[1], newerAgain.Stdout, StringComparison.Ordinal);
    }

    // A mistyped --db used to create an empty store and answer "nothing there".
    [Theory]
    [InlineData("show", "--db", "--job", "1")]
    [InlineData("newer", "--db")]
    [InlineData("migrate", "--db")]
    [InlineData("replicate", "--from", "--to", "/tmp/upstats-never-used-target.db")]
    public void ReadingCommands_AMissingSqliteStore_AreRefusedWithoutCreatingIt(params string[] args)
    {
        string missing = Path.Combine(Path.GetTempPath(), $"upstats-missing-{Guid.NewGuid():N}.db");
        var command = args.ToList();
        command.Insert(2, missing);
        var result = LakeProcess.Run([.. command]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"no lake at {missing}", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Theory]
    [InlineData("20")] // a transaction per chunk
    [InlineData("60")] // three chunks per transaction, as SQLite's default groups ten
    public void Migrate_ProcessKilledMidRun_RerunGivesSameTableAsCleanRun(string commitEvery)
    {
        using var lake = TestLake.Create(TestLake.Sqlite);
        using var clean = TestLake.Create(TestLake.Sqlite);
        using (var database = lake.Open())
        {
            Commands.GenerateCommand.Generate(database, 3000, seed: 8);
        }
        File.Copy(lake.Location.Value, clean.Location.Value, overwrite: true);

        // Kill the process (no clean-up, no finally blocks) as soon as it has reported its third chunk.
        using (var process = Process.Start(LakeProcess.StartInfo("migrate", "--db", lake.Location.Value, "--chunk", "20", "--commit-every", commitEvery))!)
        {
            process.StandardInput.Close();
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            string? line;
            while ((line = process.StandardOutput.ReadLine()) is not null && !line.StartsWith("chunk 3:", StringComparison.Ordinal))
            {
            }
            Assert.NotNull(line);
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        using (var database = lake.Open())
        {
            var resumedFrom = database.ReadCheckpoint();
            Assert.InRange(resumedFrom.LastRawId, 60, 2999);
        }

        var rerun = LakeProcess.Run("migrate", "--db", lake.Location.Value, "--chunk", "20", "--commit-every", commitEvery);
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        Assert.StartsWith("resuming after raw id ", rerun.Stdout, StringComparison.Ordinal);

        using var killed = lake.Open();
        using var reference = clean.Open();
        var totals = new JobMigration(reference, 500).Run(SilentProgress.Instance);
        Assert.Equal(reference.AllJobs(), killed.AllJobs());
        Assert.Equal(totals, killed.ReadCheckpoint());
    }

    [Theory]
    [InlineData("generate", "--rows", "-1")]
    [InlineData("migrate", "--chunk", "0")]
    [InlineData("migrate", "--commit-every", "0")]
    [InlineData("show", "--job", "x", "--zone", "Mars/Olympus")]
    [InlineData("generate")]
    [InlineData("frobnicate")]
    public void Run_BadUsage_OneStderrLineAndExitCode2(params string[] args)
    {
        using var lake = TestLake.Create(TestLake.Sqlite);
        var result = LakeProcess.Run([.. args, "--db", lake.Location.Value]);
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoStoreOption_UsesSqliteFileInTempFolder()
    {
        Assert.Equal(Path.Combine(Path.GetTempPath(), "upstats-lake", "lake.db"), Commands.LakeOptions.DefaultDatabase);
    }

    private static string[] Store(TestLake lake) =>
        lake.Location.IsPostgres ? ["--pg", lake.Location.Value] : ["--db", lake.Location.Value];
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using UpStats.Lake.Engines;
using UpStats.Lake.Migration;

namespace UpStats.Lake.Commands;

/// <summary><c>migrate --db FILE [--chunk N]</c>: re-derives <c>jobs.date_created</c> from the raw store.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var store = new LakeOptions();
        var chunk = ChunkOption();
        var commit = CommitOption();
        var command = new Command("migrate", "Re-derive jobs(job_id, raw_id, date_created, error) from the raw responses: streaming, resumable, idempotent.");
        store.AddTo(command);
        command.Options.Add(chunk);
        command.Options.Add(commit);
        command.SetAction(result =>
        {
            using var database = LakeDatabase.Open(store.Read(result).MustExist("--db"));
            return Migrate(database, ReadChunk(result, chunk), ReadCommit(result, commit));
        });
        return command;
    }

    /// <summary>The <c>--chunk</c> option.</summary>
    public static Option<int?> ChunkOption() => new("--chunk")
    {
        Description = "raw rows per chunk: read, decoded and written together (default: 2000)",
    };

    /// <summary>The <c>--commit-every</c> option.</summary>
    public static Option<int?> CommitOption() => new("--commit-every")
    {
        Description = "raw rows per transaction, rounded up to whole chunks; a crash loses at most this much work (default: 6000 on SQLite, 20000 on PostgreSQL)",
    };

    /// <summary>Reads <c>--commit-every</c>, which must be positive when given (null: the engine's default).</summary>
    public static int? ReadCommit(ParseResult result, Option<int?> option)
    {
        var value = result.GetValue(option);
        return value is null or >= 1 ? value : throw new LakeUsageException("--commit-every: must be 1 or more.");
    }

    /// <summary>Reads <c>--chunk</c>, which must be positive when given (null: the engine's default).</summary>
    public static int? ReadChunk(ParseResult result, Option<int?> option)
    {
        var value = result.GetValue(option);
        return value is null or >= 1 ? value : throw new LakeUsageException("--chunk: must be 1 or more.");
    }

    /// <summary>Runs the migration with a bar on a terminal or plain lines otherwise, and prints the summary.</summary>
    public static int Migrate(LakeDatabase database, int? chunkSize, int? commitRows)
    {
        var chunk = chunkSize ?? database.Engine.DefaultChunkSize;
        var chunksPerCommit = Math.Max(1, (int)Math.Ceiling((double)(commitRows ?? database.Engine.DefaultCommitRows) / chunk));
        var migration = new JobMigration(database, chunk, chunksPerCommit);
        var before = database.ReadCheckpoint();
        var stopwatch = Stopwatch.StartNew();
        var interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        var totals = interactive
            ? BarProgress.Run(progress => migration.Run(progress))
            : migration.Run(new PlainProgress(Console.Out, Console.Error));
        var seconds = Math.Max(stopwatch.Elapsed.TotalSeconds, 1e-9);
        var rawRows = totals.RawRows - before.RawRows;
        var jobs = totals.Jobs - before.Jobs + totals.RepeatedJobs - before.RepeatedJobs;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"this run: {rawRows} raw rows, {jobs} job values parsed in {seconds:0.00} s ({rawRows / seconds:0} raw rows/s, {jobs / seconds:0} job values/s), peak working set {PeakWorkingSetMegabytes():0} MB"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"jobs: {totals.Jobs} rows ({totals.FailedJobs} malformed date_created, {totals.RepeatedJobs} repeated); raw rows: {totals.RawRows} ({totals.DuplicateRows} duplicates, {totals.UnreadableRows} unreadable); checkpoint: raw id {totals.LastRawId}"));
        return 0;
    }

    // The process's peak resident set (VmHWM on Linux): what /usr/bin/time -v reports as maximum resident set size.
    private static double PeakWorkingSetMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}

using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace UpStats.Lake.Migration;

/// <summary>Plain lines, for logs and pipes: one per chunk on stdout, one per malformed value on stderr.</summary>
internal sealed class PlainProgress(TextWriter output, TextWriter errors) : IMigrationProgress
{
    private long _total;

    public void Started(MigrationTotals resumedFrom, long pendingRows)
    {
        _total = resumedFrom.RawRows + pendingRows;
        output.WriteLine(resumedFrom.LastRawId == 0
            ? Invariant($"migrating {pendingRows} raw rows")
            : Invariant($"resuming after raw id {resumedFrom.LastRawId}: {pendingRows} raw rows to go"));
    }

    public void ChunkCommitted(ChunkReport chunk, MigrationTotals totals) =>
        output.WriteLine(Invariant($"chunk {chunk.Number}: raw ids {chunk.FirstRawId}-{chunk.LastRawId}, {chunk.Jobs} jobs staged ({chunk.FailedJobs} malformed); {totals.RawRows}/{_total} raw rows"));

    public void Merged(MergeReport merge, MigrationTotals totals) =>
        output.WriteLine(Invariant($"merged {merge.Staged} staged jobs: {merge.Written} written to jobs ({merge.FailedJobs} malformed), {merge.Staged - merge.Written} repeats of earlier raw rows"));

    public void Malformed(long rawId, string jobId, string value, string error) =>
        errors.WriteLine(Invariant($"malformed date_created: raw id {rawId}, job {jobId}, value '{value}': {error}"));

    public void Unreadable(long rawId, string error) =>
        errors.WriteLine(Invariant($"unreadable raw row: raw id {rawId}: {error}"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A Spectre.Console progress bar for a terminal; malformed values are printed above it.</summary>
/// <remarks>
/// Every write above a live progress bar redraws it, so the lines of a transaction are printed as one block
/// when its chunks are reported, not one by one (26,000 malformed values at 1M rows used to mean 26,000
/// redraws).
/// </remarks>
internal sealed class BarProgress(ProgressTask task) : IMigrationProgress
{
    private readonly List<IRenderable> _lines = [];

    /// <summary>Runs <paramref name="work"/> with a progress bar on the terminal.</summary>
    public static T Run<T>(Func<IMigrationProgress, T> work) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context => work(new BarProgress(context.AddTask("migrating raw rows"))));

    public void Started(MigrationTotals resumedFrom, long pendingRows)
    {
        task.MaxValue = Math.Max(1, resumedFrom.RawRows + pendingRows);
        task.Value = resumedFrom.RawRows;
    }

    public void ChunkCommitted(ChunkReport chunk, MigrationTotals totals)
    {
        if (_lines.Count > 0)
        {
            AnsiConsole.Write(new Rows(_lines));
            _lines.Clear();
        }
        task.Value = totals.RawRows;
        task.Description = $"raw id {chunk.LastRawId}";
    }

    public void Merged(MergeReport merge, MigrationTotals totals)
    {
        if (_lines.Count > 0)
        {
            AnsiConsole.Write(new Rows(_lines));
            _lines.Clear();
        }
        task.Description = $"merged: {totals.Jobs} jobs, {totals.FailedJobs} malformed";
    }

    public void Malformed(long rawId, string jobId, string value, string error) =>
        _lines.Add(new Markup(Markup.Escape(Invariant($"malformed date_created: raw id {rawId}, job {jobId}, value '{value}': {error}")), new Style(Color.Yellow)));

    public void Unreadable(long rawId, string error) =>
        _lines.Add(new Markup(Markup.Escape(Invariant($"unreadable raw row: raw id {rawId}: {error}")), new Style(Color.Red)));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

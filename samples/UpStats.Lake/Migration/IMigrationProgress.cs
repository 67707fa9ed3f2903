namespace UpStats.Lake.Migration;

/// <summary>What a migration tells as it goes: a progress bar on a terminal, plain lines otherwise, nothing in tests.</summary>
internal interface IMigrationProgress
{
    /// <summary>The run starts with <paramref name="pendingRows"/> raw rows after the checkpoint.</summary>
    void Started(MigrationTotals resumedFrom, long pendingRows);

    /// <summary>A chunk committed: its raw rows are read and its jobs staged.</summary>
    void ChunkCommitted(ChunkReport chunk, MigrationTotals totals);

    /// <summary>The staged jobs were merged into <c>jobs</c> (at the end of a run).</summary>
    void Merged(MergeReport merge, MigrationTotals totals);

    /// <summary>A job whose <c>date_created</c> did not parse (reported once, after the merge wrote its row).</summary>
    void Malformed(long rawId, string jobId, string value, string error);

    /// <summary>A raw row that is not a readable response.</summary>
    void Unreadable(long rawId, string error);
}

/// <summary>One committed chunk.</summary>
/// <param name="Number">1-based within this run.</param>
/// <param name="FirstRawId">Its first raw id.</param>
/// <param name="LastRawId">Its last raw id (the new checkpoint).</param>
/// <param name="RawRows">Raw rows in it.</param>
/// <param name="Jobs">Jobs staged: the first of each id within its transaction (the merge drops those an earlier transaction already had).</param>
/// <param name="FailedJobs">Jobs staged with an error.</param>
internal sealed record ChunkReport(int Number, long FirstRawId, long LastRawId, int RawRows, int Jobs, int FailedJobs);

/// <summary>One merge of the staged jobs into <c>jobs</c>.</summary>
/// <param name="Staged">Jobs staged since the last merge.</param>
/// <param name="Written">Rows written to <c>jobs</c> (the rest repeated an id already there or staged from a lower raw id).</param>
/// <param name="FailedJobs">Rows written with an error.</param>
internal sealed record MergeReport(long Staged, long Written, long FailedJobs);

/// <summary>Reports nothing.</summary>
internal sealed class SilentProgress : IMigrationProgress
{
    public static SilentProgress Instance { get; } = new();

    public void Started(MigrationTotals resumedFrom, long pendingRows)
    {
    }

    public void ChunkCommitted(ChunkReport chunk, MigrationTotals totals)
    {
    }

    public void Merged(MergeReport merge, MigrationTotals totals)
    {
    }

    public void Malformed(long rawId, string jobId, string value, string error)
    {
    }

    public void Unreadable(long rawId, string error)
    {
    }
}

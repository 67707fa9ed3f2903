using UpStats.Lake.Migration;

namespace UpStats.Lake.Tests.Migration;

/// <summary>Keeps what a migration reported.</summary>
internal sealed class RecordingProgress : IMigrationProgress
{
    public List<(long RawId, string JobId, string Value, string Error)> Malformed { get; } = [];
    public List<(long RawId, string Error)> Unreadable { get; } = [];
    public List<ChunkReport> Chunks { get; } = [];
    public List<MergeReport> Merges { get; } = [];
    public long PendingAtStart { get; private set; }

    public void Started(MigrationTotals resumedFrom, long pendingRows) => PendingAtStart = pendingRows;

    public void ChunkCommitted(ChunkReport chunk, MigrationTotals totals) => Chunks.Add(chunk);

    public void Merged(MergeReport merge, MigrationTotals totals) => Merges.Add(merge);

    void IMigrationProgress.Malformed(long rawId, string jobId, string value, string error) => Malformed.Add((rawId, jobId, value, error));

    void IMigrationProgress.Unreadable(long rawId, string error) => Unreadable.Add((rawId, error));
}

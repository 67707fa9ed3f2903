using UpStats.Lake.Engines;

namespace UpStats.Lake.Replication;

/// <summary>
/// Incremental replication of the raw store: the rows of the source above the target's high-water mark (its
/// highest raw id) are copied with their ids, a chunk per transaction, so a run killed half-way resumes
/// where its last chunk committed. The target then migrates only the new rows (its checkpoint is at the
/// old high-water mark).
/// </summary>
internal static class Replicator
{
    /// <summary>Copies the new rows; returns how many and the high-water marks before and after.</summary>
    public static (long Copied, long From, long To) CopyNewRows(LakeDatabase source, LakeDatabase target, int chunkSize)
    {
        var from = target.HighWaterMark();
        var mark = from;
        long copied = 0;
        while (true)
        {
            var rows = source.ReadRawRows(mark, chunkSize);
            if (rows.Count == 0)
            {
                return (copied, from, mark);
            }
            using var transaction = target.Begin();
            target.InsertRawRows(transaction, rows);
            transaction.Commit();
            copied += rows.Count;
            mark = rows[^1].Id;
        }
    }
}

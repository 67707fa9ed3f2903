namespace UpStats.Lake.Migration;

/// <summary>
/// The migration's running totals, stored with its checkpoint in the same transaction as each chunk, so a
/// resumed run ends with the same totals as one clean run.
/// </summary>
/// <param name="LastRawId">The highest raw row id already migrated (0: none).</param>
/// <param name="RawRows">Raw rows read, duplicates and unreadable ones included.</param>
/// <param name="DuplicateRows">Rows with empty data: a repeated response, whose jobs came with its first copy.</param>
/// <param name="UnreadableRows">Rows whose data is not zlib of a JSON response with a <c>jobs</c> array (see <c>raw_errors</c>).</param>
/// <param name="Jobs">Rows written to <c>jobs</c>.</param>
/// <param name="RepeatedJobs">Jobs seen again in a later response: the first (lowest raw id) was kept.</param>
/// <param name="FailedJobs">Rows of <c>jobs</c> whose <c>date_created</c> did not parse (NULL, with the error).</param>
internal sealed record MigrationTotals(
    long LastRawId,
    long RawRows,
    long DuplicateRows,
    long UnreadableRows,
    long Jobs,
    long RepeatedJobs,
    long FailedJobs)
{
    /// <summary>Before any chunk.</summary>
    public static MigrationTotals None { get; } = new(0, 0, 0, 0, 0, 0, 0);
}

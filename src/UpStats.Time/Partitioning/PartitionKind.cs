namespace UpStats.Time.Partitioning;

/// <summary>
/// What a local partition is made of, which decides what an engine must do to serve it. The kinds are
/// decided in this order: <see cref="Skipped"/>, then <see cref="Partial"/>, then <see cref="Regular"/>,
/// else <see cref="Merged"/>.
/// </summary>
/// <remarks>
/// <see cref="Skipped"/> is the zero value so that <c>default(LocalPartition)</c> (no intervals) is consistent.
/// </remarks>
public enum PartitionKind
{
    /// <summary>The label lies in a DST gap and owns no instant (PT 2024-03-10T02): nothing to register.</summary>
    Skipped = 0,

    /// <summary>Exactly one whole source partition: register its location as is, nothing is copied.</summary>
    Regular = 1,

    /// <summary>
    /// Several whole source partitions (PT 2024-11-03T01 reads UTC hours 08 and 09; every day over hourly
    /// sources): copy them into one folder, then register that folder.
    /// </summary>
    Merged = 2,

    /// <summary>
    /// At least one source partition is cut (Asia/Kolkata +05:30 takes half of two UTC hours): copy the rows of
    /// the owned slices into one folder, filtering the cut sources by time, then register that folder.
    /// </summary>
    Partial = 3,
}

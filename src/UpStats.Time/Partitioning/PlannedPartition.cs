using NodaTime;

namespace UpStats.Time.Partitioning;

/// <summary>One local partition in a <see cref="RegistrationPlan"/>: where it will live, when it can, and what to do now.</summary>
public sealed class PlannedPartition
{
    internal PlannedPartition(LocalPartition partition, PartitionStatus status, Instant? readyAt, string? location,
        IReadOnlyList<KeyValuePair<string, string>> partitionValues, IReadOnlyList<PartitionAction> actions)
    {
        Partition = partition;
        Status = status;
        ReadyAt = readyAt;
        Location = location;
        PartitionValues = partitionValues;
        Actions = actions;
    }

    /// <summary>The local partition.</summary>
    public LocalPartition Partition { get; }

    /// <summary>The partition's key.</summary>
    public LocalPartitionKey Key => Partition.Key;

    /// <summary>Skipped, waiting or ready.</summary>
    public PartitionStatus Status { get; }

    /// <summary>
    /// Readiness: the earliest instant after which all its sources are complete (the end of the latest source
    /// partition plus the grace); <c>null</c> when skipped.
    /// </summary>
    public Instant? ReadyAt { get; }

    /// <summary>The folder the partition is registered at (the source folder when regular, its own folder otherwise); <c>null</c> when skipped.</summary>
    public string? Location { get; }

    /// <summary>The target table's partition columns and values for this key.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> PartitionValues { get; }

    /// <summary>What to do now: empty unless <see cref="Status"/> is <see cref="PartitionStatus.Ready"/>; a materialisation always precedes its registration.</summary>
    public IReadOnlyList<PartitionAction> Actions { get; }

    /// <summary>For example <c>2024-11-03T01 Ready at 2024-11-03T10:00:00Z</c>.</summary>
    public override string ToString() => $"{Key} {Status}{(ReadyAt is { } r ? $" at {r}" : "")}";
}

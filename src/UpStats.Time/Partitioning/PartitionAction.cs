using NodaTime;

namespace UpStats.Time.Partitioning;

/// <summary>
/// One step an engine takes for a local partition: <see cref="MaterializeAction"/> (copy rows into the
/// partition's own folder) or <see cref="RegisterAction"/> (point the partition at a folder). Re-running an
/// action gives the same result: materialising replaces the folder's contents, registering adds only if absent.
/// </summary>
public abstract class PartitionAction
{
    private protected PartitionAction(LocalPartitionKey key) => Key = key;

    /// <summary>The local partition the action serves.</summary>
    public LocalPartitionKey Key { get; }
}

/// <summary>
/// Register the partition at <see cref="Location"/>: <c>ALTER TABLE … ADD IF NOT EXISTS PARTITION (…) LOCATION …</c>.
/// </summary>
public sealed class RegisterAction : PartitionAction
{
    internal RegisterAction(LocalPartitionKey key, string location, IReadOnlyList<KeyValuePair<string, string>> partitionValues)
        : base(key)
    {
        Location = location;
        PartitionValues = partitionValues;
    }

    /// <summary>The folder the partition reads: the source folder of a regular partition, the materialised one otherwise.</summary>
    public string Location { get; }

    /// <summary>The target table's partition columns and their values (<c>year=2024, month=11, day=03, hour=01</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> PartitionValues { get; }

    /// <summary>For example <c>register 2024-11-03T01 at s3://…</c>.</summary>
    public override string ToString() => $"register {Key} at {Location}";
}

/// <summary>
/// Replace the contents of <see cref="TargetLocation"/> with the rows of <see cref="Copies"/>: whole source
/// folders, and the rows of cut ones whose time lies in their slice. Done before the partition is registered.
/// </summary>
public sealed class MaterializeAction : PartitionAction
{
    internal MaterializeAction(LocalPartitionKey key, string targetLocation, IReadOnlyList<SourceCopy> copies)
        : base(key)
    {
        TargetLocation = targetLocation;
        Copies = copies;
    }

    /// <summary>The partition's own folder (deterministic: the target template under the materialised root).</summary>
    public string TargetLocation { get; }

    /// <summary>What to copy, in time order.</summary>
    public IReadOnlyList<SourceCopy> Copies { get; }

    /// <summary>For example <c>materialise 2024-11-03T01 at s3://… from 2 sources</c>.</summary>
    public override string ToString() => $"materialise {Key} at {TargetLocation} from {Copies.Count} sources";
}

/// <summary>The rows of one source folder to copy: all of them (<see cref="IsWhole"/>), or those with a time in <c>[Start, End)</c>.</summary>
public sealed class SourceCopy
{
    internal SourceCopy(SourceSlice slice, string sourceLocation)
    {
        Source = slice.Key;
        SourceLocation = sourceLocation;
        Start = slice.Start;
        End = slice.End;
        IsWhole = slice.IsWhole;
    }

    /// <summary>The source partition.</summary>
    public SourcePartitionKey Source { get; }

    /// <summary>Its folder.</summary>
    public string SourceLocation { get; }

    /// <summary>The first instant to copy (inclusive).</summary>
    public Instant Start { get; }

    /// <summary>The end of the rows to copy (exclusive).</summary>
    public Instant End { get; }

    /// <summary>Whether the whole folder is copied (no filter on time).</summary>
    public bool IsWhole { get; }

    /// <summary>For example <c>2024-11-03T08 whole</c>.</summary>
    public override string ToString() => IsWhole ? $"{Source} whole" : $"{Source} [{Start}, {End})";
}

namespace UpStats.Time.Partitioning;

/// <summary>How much local time one local partition covers.</summary>
public enum PartitionGranularity
{
    /// <summary>One local clock hour: keys like <c>2024-11-03T01</c>.</summary>
    Hour = 0,

    /// <summary>One local calendar day: keys like <c>2024-11-03</c>.</summary>
    Day = 1,
}

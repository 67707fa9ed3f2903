namespace UpStats.Time.Partitioning;

/// <summary>Where a local partition stands in a <see cref="RegistrationPlan"/> at the plan's "now".</summary>
public enum PartitionStatus
{
    /// <summary>The label owns no instant: there is nothing to register, ever.</summary>
    Skipped = 0,

    /// <summary>Some source is not complete yet (its hour plus the grace has not ended): nothing is done yet.</summary>
    Waiting = 1,

    /// <summary>Every source is complete: the partition's actions are in the plan.</summary>
    Ready = 2,
}

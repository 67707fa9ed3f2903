using NodaTime;
using UpStats.Time.Grid;

namespace UpStats.Time.Partitioning;

/// <summary>
/// How the source data is partitioned: folders of a fixed step on some zone's clock. The default,
/// <see cref="UtcHourly"/>, is what Kafka Connect's S3 sink writes: one folder per UTC hour.
/// </summary>
public sealed class SourceLayout : IEquatable<SourceLayout>
{
    private SourceLayout(DateTimeZone zone, int stepMinutes)
    {
        Zone = zone;
        StepMinutes = stepMinutes;
        Grid = LocalClockGrid.EveryMinutes(zone, stepMinutes);
        Precision = stepMinutes % 1440 == 0 ? KeyPrecision.Day : stepMinutes % 60 == 0 ? KeyPrecision.Hour : KeyPrecision.Minute;
        Slices = new SourceSliceSeries(this);
    }

    /// <summary>One source partition per UTC hour (<c>year=/month=/day=/hour=</c>).</summary>
    public static SourceLayout UtcHourly { get; } = new(DateTimeZone.Utc, 60);

    /// <summary>Source partitions of <paramref name="stepMinutes"/> minutes on <paramref name="zone"/>'s clock.</summary>
    /// <param name="zone">The clock the source folders are named by (usually UTC).</param>
    /// <param name="stepMinutes">The length of one source partition: a divisor of 1,440 (15, 60, 1,440, …).</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepMinutes"/> does not divide a day.</exception>
    public static SourceLayout Create(DateTimeZone zone, int stepMinutes)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (stepMinutes < 1 || stepMinutes > 1440 || 1440 % stepMinutes != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stepMinutes), stepMinutes, "A source partition must last a whole number of minutes that divides 1,440 (24 hours) evenly.");
        }
        return zone.Equals(DateTimeZone.Utc) && stepMinutes == 60 ? UtcHourly : new SourceLayout(zone, stepMinutes);
    }

    /// <summary>The zone whose clock names the source folders.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The length of one source partition in minutes.</summary>
    public int StepMinutes { get; }

    /// <summary>The source grid: one cell per source partition.</summary>
    internal LocalClockGrid Grid { get; }

    internal KeyPrecision Precision { get; }

    /// <summary>Computes the slices of an interval inside a stretch of constant offset (a fixed-offset layout).</summary>
    internal SourceSliceSeries Slices { get; }

    /// <summary>The key of the source partition holding <paramref name="instant"/>.</summary>
    public SourcePartitionKey KeyOf(Instant instant) => new(Grid.CellOfTicks(instant.ToUnixTimeTicks()), Precision);

    /// <inheritdoc/>
    public bool Equals(SourceLayout? other) => other is not null && Zone.Equals(other.Zone) && StepMinutes == other.StepMinutes;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SourceLayout);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Zone.Id, StepMinutes);

    /// <summary>For example <c>UTC every 60 minutes</c>.</summary>
    public override string ToString() => $"{Zone.Id} every {StepMinutes} minutes";
}

using NodaTime;
using UpStats.Time.Paths;

namespace UpStats.Time.Partitioning;

/// <summary>
/// Where the data lives and how long to wait: the inputs of a <see cref="RegistrationPlan"/> besides the map
/// and the clock.
/// </summary>
public sealed class RegistrationOptions
{
    /// <summary>Options for source folders under <paramref name="sourceRoot"/> (e.g. <c>s3://bucket/events</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="sourceRoot"/> is empty.</exception>
    public RegistrationOptions(string sourceRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceRoot);
        SourceRoot = sourceRoot;
    }

    /// <summary>The prefix of the source partitions' folders (the UTC-hourly table's location).</summary>
    public string SourceRoot { get; }

    /// <summary>
    /// The prefix under which merged and partial partitions are materialised. Default:
    /// <c>{SourceRoot}/_local/{zone id with '/' as '_'}</c> — Hive and Spark skip folders starting with <c>_</c>, so
    /// the copies never show up in the source table.
    /// </summary>
    public string? MaterializedRoot { get; init; }

    /// <summary>The source folder layout; default <see cref="PathPattern.Hourly"/>.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public PathPattern SourceTemplate
    {
        get;
        // Checked here, not later in RegistrationPlan.Create, where a null would surface as a NullReferenceException.
        init => field = value ?? throw new ArgumentNullException(nameof(value));
    } = PathPattern.Hourly;

    /// <summary>
    /// The layout of materialised folders, whose <c>name=value</c> segments are also the target table's
    /// partition columns; default <see cref="PathPattern.Hourly"/> for hours, <see cref="PathPattern.Daily"/> for days.
    /// </summary>
    public PathPattern? TargetTemplate { get; init; }

    /// <summary>How long after its source hour has ended a source folder is taken as complete (late files); default zero.</summary>
    public Duration Grace { get; init; } = Duration.Zero;
}

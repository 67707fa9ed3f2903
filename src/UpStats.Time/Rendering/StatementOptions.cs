using NodaTime;

namespace UpStats.Time.Rendering;

/// <summary>
/// How a registration plan is printed: which ready partitions to include (a re-run prints only what became ready
/// since the previous run) and whether statements end with <c>;</c>.
/// </summary>
/// <remarks>
/// Why <see cref="ReadyAfter"/>: Trino's <c>system.register_partition</c> has no <c>IF NOT EXISTS</c> and the Trino CLI
/// stops a script at the first error, so an hourly workflow that re-prints the whole plan fails on the first partition
/// the previous run registered and never reaches the new ones. Passing the previous successful run's <em>now</em> makes
/// consecutive runs print disjoint sets whose union is every ready partition: each is registered exactly once.
/// </remarks>
public sealed class StatementOptions
{
    /// <summary>Every ready partition, statements ending with <c>;</c>.</summary>
    public static StatementOptions Default { get; } = new();

    /// <summary>
    /// When set, only the partitions whose readiness lies after this instant: those that became ready since the
    /// run whose now it was (the others were registered then). Default: all ready partitions.
    /// </summary>
    public Instant? ReadyAfter { get; init; }

    /// <summary>Whether each statement ends with <c>;</c> (a script for a CLI); <c>false</c> for JDBC and HTTP clients, which take one statement without it. Default <c>true</c>.</summary>
    public bool Semicolons { get; init; } = true;
}

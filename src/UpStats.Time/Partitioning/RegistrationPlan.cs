using NodaTime;
using UpStats.Time.Paths;

namespace UpStats.Time.Partitioning;

/// <summary>
/// What an hourly workflow must do so that a table partitioned by a local clock serves UTC-partitioned data:
/// Udemy's PT view as a value. For every local partition of a date range: register the source folder
/// (regular), or materialise one folder from the sources first (merged, partial), but only once every
/// source is complete (<see cref="PlannedPartition.ReadyAt"/>); skipped labels get nothing.
/// </summary>
/// <remarks>
/// Re-running a plan is idempotent: folder names are deterministic (template under a fixed root),
/// materialising replaces a folder's contents, and registering is <c>ADD IF NOT EXISTS</c>. A plan made
/// later simply contains more ready partitions.
/// </remarks>
/// <example>
/// The Pacific-Time partitions of 2024-11-03 (the fall-back day), planned two days later:
/// <code>
/// var map = PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour);
/// RegistrationPlan plan = RegistrationPlan.Create(map, new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 4),
///     new FakeClock(Instant.FromUtc(2024, 11, 5, 0, 0)), new RegistrationOptions("s3://bucket/events"));
/// PlannedPartition one = plan.Partitions[1];   // 2024-11-03T01: the repeated hour, UTC hours 08 and 09
/// PartitionStatus status = one.Status;         // Ready
/// string? location = one.Location;             // s3://bucket/events/_local/America_Los_Angeles/year=2024/month=11/day=03/hour=01
/// foreach (PartitionAction action in one.Actions)
///     Console.WriteLine(action);
/// // materialise 2024-11-03T01 at s3://bucket/events/_local/America_Los_Angeles/year=2024/month=11/day=03/hour=01 from 2 sources
/// // register 2024-11-03T01 at s3://bucket/events/_local/America_Los_Angeles/year=2024/month=11/day=03/hour=01
/// int due = plan.Actions.Count();              // 25: 24 registrations and one materialisation
/// </code>
/// </example>
public sealed class RegistrationPlan
{
    private const int MaxPartitions = 1_000_000;

    private RegistrationPlan(PartitionMap map, Instant now, RegistrationOptions options, IReadOnlyList<PlannedPartition> partitions)
    {
        Map = map;
        Now = now;
        Options = options;
        Partitions = partitions;
    }

    /// <summary>The partition map planned.</summary>
    public PartitionMap Map { get; }

    /// <summary>The instant the plan was made for.</summary>
    public Instant Now { get; }

    /// <summary>The locations, templates and grace used.</summary>
    public RegistrationOptions Options { get; }

    /// <summary>Every local partition of the range, in order, skipped ones included.</summary>
    public IReadOnlyList<PlannedPartition> Partitions { get; }

    /// <summary>Every action due now, in partition order.</summary>
    public IEnumerable<PartitionAction> Actions => Partitions.SelectMany(p => p.Actions);

    /// <summary>Plans the local partitions of the local dates <c>[from, to)</c> as of <paramref name="clock"/>'s now.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>, or the target template names no partition column.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range holds more than 1,000,000 partitions (about 114 years of hours): plan it in pieces.</exception>
    public static RegistrationPlan Create(PartitionMap map, LocalDate from, LocalDate to, IClock clock, RegistrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(options);
        var now = clock.GetCurrentInstant();
        var target = options.TargetTemplate ?? (map.Granularity == PartitionGranularity.Day ? PathPattern.Daily : PathPattern.Hourly);
        if (target.Columns.Count == 0)
        {
            throw new ArgumentException($"The target template '{target}' has no name=value segment, so it names no partition column.", nameof(options));
        }
        string materializedRoot = options.MaterializedRoot ?? Join(options.SourceRoot, "_local/" + map.Zone.Id.Replace('/', '_'));
        var partitions = map.PartitionsOf(from, to);
        if (partitions.Count > MaxPartitions)
        {
            // Every planned partition is materialised with its folder names and actions (about a kilobyte each), unlike
            // the lazy partition list: a mistyped year (9999 for 2025) would otherwise take the machine's memory.
            throw new ArgumentOutOfRangeException(nameof(to), to, "The range holds more than 1,000,000 partitions; plan it in pieces.");
        }
        var planned = new List<PlannedPartition>(partitions.Count);
        foreach (var partition in partitions)
        {
            var values = target.PartitionValues(partition.Key.Label);
            if (partition.Kind == PartitionKind.Skipped)
            {
                planned.Add(new PlannedPartition(partition, PartitionStatus.Skipped, null, null, values, []));
                continue;
            }
            long lastEnd = long.MinValue;
            foreach (var slice in partition.Sources)
            {
                lastEnd = Math.Max(lastEnd, map.SourceEndTicks(slice.Key));
            }
            var readyAt = Instant.FromUnixTimeTicks(lastEnd) + options.Grace;
            string location = partition.Kind == PartitionKind.Regular
                ? Join(options.SourceRoot, options.SourceTemplate.Format(partition.Sources[0].Key.Label))
                : Join(materializedRoot, target.Format(partition.Key.Label));
            if (now < readyAt)
            {
                planned.Add(new PlannedPartition(partition, PartitionStatus.Waiting, readyAt, location, values, []));
                continue;
            }
            var actions = new List<PartitionAction>(2);
            if (partition.Kind != PartitionKind.Regular)
            {
                var copies = new List<SourceCopy>(partition.Sources.Count);
                foreach (var slice in partition.Sources)
                {
                    copies.Add(new SourceCopy(slice, Join(options.SourceRoot, options.SourceTemplate.Format(slice.Key.Label))));
                }
                actions.Add(new MaterializeAction(partition.Key, location, copies));
            }
            actions.Add(new RegisterAction(partition.Key, location, values));
            planned.Add(new PlannedPartition(partition, PartitionStatus.Ready, readyAt, location, values, actions));
        }
        return new RegistrationPlan(map, now, options, planned);
    }

    private static string Join(string root, string relative) => root.TrimEnd('/') + "/" + relative.TrimStart('/');
}

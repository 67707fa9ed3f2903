using System.Globalization;
using NodaTime;
using NodaTime.Text;
using UpStats.Time.Partitioning;

namespace UpStats.Time.Rendering;

/// <summary>The comment lines both renderers put around statements: what each partition is, what it waits for, what to copy.</summary>
internal static class PlanComments
{
    private static readonly InstantPattern Utc = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF'Z'");

    internal static string Instant(Instant instant) => Utc.Format(instant);

    internal static string Kind(PartitionKind kind) => kind.ToString().ToLower(CultureInfo.InvariantCulture);

    /// <summary>The lines for one partition, with <paramref name="register"/> rendering its registration statement.</summary>
    internal static IEnumerable<string> Lines(PlannedPartition planned, Func<RegisterAction, string> register, Func<string, string> literal, StatementOptions options)
    {
        var key = planned.Key;
        if (planned.Status == PartitionStatus.Ready && options.ReadyAfter is { } previous && planned.ReadyAt <= previous)
        {
            // Ready at the previous run already, so registered by it: printing it again would fail on Trino.
            yield break;
        }
        switch (planned.Status)
        {
            case PartitionStatus.Skipped:
                yield return SqlText.Comment($"{key} skipped: the label is in a DST gap and owns no instant; no partition.");
                yield break;
            case PartitionStatus.Waiting:
                yield return SqlText.Comment($"{key} {Kind(planned.Partition.Kind)}: waits until {Instant(planned.ReadyAt!.Value)} (its last source is not complete).");
                yield break;
        }
        foreach (var action in planned.Actions)
        {
            switch (action)
            {
                case MaterializeAction m:
                    yield return SqlText.Comment($"{key} {Kind(planned.Partition.Kind)}: replace the contents of {literal(m.TargetLocation)} with:");
                    foreach (var copy in m.Copies)
                    {
                        yield return SqlText.Comment(copy.IsWhole
                            ? $"  all rows of {literal(copy.SourceLocation)}"
                            : $"  rows of {literal(copy.SourceLocation)} with time in [{Instant(copy.Start)}, {Instant(copy.End)})");
                    }
                    break;
                case RegisterAction r:
                    string statement = register(r);
                    yield return options.Semicolons ? statement : statement.TrimEnd(';');
                    break;
            }
        }
    }
}

using UpStats.Time.Partitioning;

namespace UpStats.Time.Tests.Partitioning;

/// <summary>
/// The partition rules checked the slow way with NodaTime (<c>InZone</c>, <c>MapLocal</c>,
/// <c>GetZoneIntervals</c>) — never with the grid code under test. <see cref="CheckDay"/> returns the
/// problems it finds for the partitions of one local date, so that properties and exhaustive loops share it.
/// </summary>
internal static class PartitionOracle
{
    /// <summary>The first instant whose local date is <paramref name="date"/> or later.</summary>
    public static Instant StartOfDate(DateTimeZone zone, LocalDate date)
    {
        var mapping = zone.MapLocal(date.AtMidnight());
        // In a gap, the jump instant is the first one reading a local time at or after midnight.
        return mapping.Count > 0 ? mapping.First().ToInstant() : mapping.LateInterval.Start;
    }

    /// <summary>
    /// The instants whose local date is <paramref name="date"/>, from NodaTime's zone intervals: within one interval
    /// of offset o they are those with t + o in [midnight, next midnight). Not always one interval: St John's in
    /// 1987 set its clock back at 00:01, so 00:00–00:01 of the 25th came between two stretches of the 24th.
    /// </summary>
    public static List<Interval> InstantsOfDate(DateTimeZone zone, LocalDate date) =>
        InstantsOfLocalRange(zone, date.AtMidnight(), date.PlusDays(1).AtMidnight());

    /// <summary>The instants whose local time is in [<paramref name="localFrom"/>, <paramref name="localTo"/>), as <see cref="InstantsOfDate"/> finds them.</summary>
    public static List<Interval> InstantsOfLocalRange(DateTimeZone zone, LocalDateTime localFrom, LocalDateTime localTo)
    {
        var from = localFrom.InUtc().ToInstant();
        var to = localTo.InUtc().ToInstant();
        var result = new List<Interval>();
        foreach (var zi in zone.GetZoneIntervals(from - Duration.FromDays(2), to + Duration.FromDays(2)))
        {
            var offset = Duration.FromTicks(zi.WallOffset.Ticks);
            var start = zi.HasStart && zi.Start > from - offset ? zi.Start : from - offset;
            var end = zi.HasEnd && zi.End < to - offset ? zi.End : to - offset;
            if (start >= end)
            {
                continue;
            }
            if (result.Count > 0 && result[^1].End == start)
            {
                result[^1] = new Interval(result[^1].Start, end);
            }
            else
            {
                result.Add(new Interval(start, end));
            }
        }
        return result;
    }

    /// <summary>The label NodaTime gives an instant: its local time floored to the hour or the day.</summary>
    public static LocalDateTime LabelOf(DateTimeZone zone, Instant instant, PartitionGranularity granularity)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return granularity == PartitionGranularity.Day ? local.Date.AtMidnight() : local.Date + new LocalTime(local.Hour, 0);
    }

    /// <summary>Whether every local time in [label, end) is in a gap (<c>MapLocal</c> maps none of it).</summary>
    public static bool IsSkipped(DateTimeZone zone, LocalDateTime label, LocalDateTime end)
    {
        var mapping = zone.MapLocal(label);
        if (mapping.Count > 0)
        {
            return false;
        }
        var gapEnd = mapping.LateInterval.Start.WithOffset(mapping.LateInterval.WallOffset).LocalDateTime;
        return gapEnd >= end;
    }

    /// <summary>Whether some local time in [label, end) is read twice (<c>MapLocal</c> gives two instants).</summary>
    public static bool HasAmbiguity(DateTimeZone zone, LocalDateTime label, LocalDateTime end)
    {
        var around = label.InUtc().ToInstant();
        var intervals = zone.GetZoneIntervals(around - Duration.FromDays(3), around + Duration.FromDays(4)).ToList();
        for (int i = 1; i < intervals.Count; i++)
        {
            var before = intervals[i - 1];
            var after = intervals[i];
            if (after.WallOffset >= before.WallOffset)
            {
                continue;
            }
            // Backward jump: local times [start + new offset, start + old offset) are read twice.
            var overlapStart = after.Start.WithOffset(after.WallOffset).LocalDateTime;
            var overlapEnd = after.Start.WithOffset(before.WallOffset).LocalDateTime;
            if (overlapStart < end && label < overlapEnd)
            {
                var probe = overlapStart > label ? overlapStart : label;
                if (zone.MapLocal(probe).Count == 2)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// Every partition-mapping rule for the partitions of one local date; an empty list when all hold.
    /// </summary>
    public static List<string> CheckDay(PartitionMap map, LocalDate date)
    {
        var problems = new List<string>();
        var zone = map.Zone;
        var partitions = map.PartitionsOf(date, date.PlusDays(1));
        int expectedCount = map.Granularity == PartitionGranularity.Day ? 1 : 24;
        if (partitions.Count != expectedCount)
        {
            problems.Add($"{partitions.Count} partitions instead of {expectedCount}");
            return problems;
        }
        var dayStart = StartOfDate(zone, date);
        var owned = new List<Interval>();
        var step = map.Granularity == PartitionGranularity.Day ? Period.FromDays(1) : Period.FromHours(1);
        for (int k = 0; k < partitions.Count; k++)
        {
            var p = partitions[k];
            var label = date.AtMidnight() + (map.Granularity == PartitionGranularity.Day ? Period.Zero : Period.FromHours(k));
            var end = label + step;
            string where = $"{zone.Id} {p.Key}";
            if (p.Key.Label != label)
            {
                problems.Add($"{where}: key label {p.Key.Label} instead of {label}");
            }
            var intervals = p.Intervals.ToArray();
            // Ordered, disjoint, adjacent ones joined, non-empty.
            for (int i = 0; i < intervals.Length; i++)
            {
                if (intervals[i].Start >= intervals[i].End)
                {
                    problems.Add($"{where}: empty interval {intervals[i]}");
                }
                if (i > 0 && intervals[i - 1].End >= intervals[i].Start)
                {
                    problems.Add($"{where}: intervals {intervals[i - 1]} and {intervals[i]} not ordered, disjoint and separated");
                }
            }
            // Every owned instant's NodaTime label is the key (probing both ends and the middle of each interval).
            foreach (var interval in intervals)
            {
                foreach (var probe in new[] { interval.Start, interval.End - Duration.Epsilon, interval.Start + (interval.End - interval.Start) / 2 })
                {
                    var expected = LabelOf(zone, probe, map.Granularity);
                    if (expected != label || map.KeyOf(probe) != p.Key)
                    {
                        problems.Add($"{where}: owns {probe} whose local label is {expected} (KeyOf says {map.KeyOf(probe)})");
                    }
                }
            }
            owned.AddRange(intervals);
            // Skipped exactly when NodaTime maps no local time of the label's cell.
            bool skipped = IsSkipped(zone, label, end);
            if (skipped != (p.Kind == PartitionKind.Skipped) || skipped != (intervals.Length == 0))
            {
                problems.Add($"{where}: kind {p.Kind} with {intervals.Length} intervals, but NodaTime says skipped={skipped}");
            }
            // Source slices tile the owned intervals exactly, in order, each inside its source partition.
            var slices = p.Sources.ToArray();
            int s = 0;
            foreach (var interval in intervals)
            {
                var t = interval.Start;
                while (t < interval.End && s < slices.Length)
                {
                    var slice = slices[s++];
                    if (slice.Start != t || slice.End <= slice.Start || slice.End > interval.End)
                    {
                        problems.Add($"{where}: slice {slice} does not continue {t} within {interval}");
                        break;
                    }
                    foreach (var probe in new[] { slice.Start, slice.End - Duration.Epsilon })
                    {
                        var sourceLocal = probe.InZone(map.Source.Zone).LocalDateTime;
                        // The source clock's reading floored to the source step (steps divide a day, so days start on labels).
                        var sinceMidnight = sourceLocal - sourceLocal.Date.AtMidnight();
                        long minuteOfDay = sinceMidnight.Hours * 60L + sinceMidnight.Minutes;
                        var sourceLabel = sourceLocal.Date.AtMidnight().PlusMinutes(minuteOfDay - minuteOfDay % map.Source.StepMinutes);
                        if (sourceLabel != slice.Key.Label || map.SourceKeyOf(probe) != slice.Key)
                        {
                            problems.Add($"{where}: slice {slice} holds {probe} of source {sourceLabel}");
                        }
                    }
                    // Whole: the slice is all of its source partition, which NodaTime says owns exactly these instants.
                    var sourceOwns = InstantsOfLocalRange(map.Source.Zone, slice.Key.Label, slice.Key.Label.PlusMinutes(map.Source.StepMinutes));
                    bool whole = sourceOwns.Count == 1 && sourceOwns[0] == slice.Interval;
                    if (slice.IsWhole != whole)
                    {
                        problems.Add($"{where}: slice {slice} says whole={slice.IsWhole}, but its source owns {string.Join(", ", sourceOwns)}");
                    }
                    t = slice.End;
                }
                if (t != interval.End)
                {
                    problems.Add($"{where}: slices stop at {t} inside {interval}");
                }
            }
            if (s != slices.Length)
            {
                problems.Add($"{where}: {slices.Length - s} slices outside the owned intervals");
            }
            // Kind: skipped, else partial (a cut), else regular (one whole source), else merged.
            var expectedKind = intervals.Length == 0 ? PartitionKind.Skipped
                : slices.Any(x => !x.IsWhole) ? PartitionKind.Partial
                : slices.Length == 1 ? PartitionKind.Regular
                : PartitionKind.Merged;
            if (p.Kind != expectedKind)
            {
                problems.Add($"{where}: kind {p.Kind} instead of {expectedKind}");
            }
            // With hours over UTC hours, a partition of whole sources is merged exactly when NodaTime reads some of it twice.
            if (map.Granularity == PartitionGranularity.Hour && map.Source.Equals(SourceLayout.UtcHourly)
                && p.Kind is PartitionKind.Regular or PartitionKind.Merged
                && (p.Kind == PartitionKind.Merged) != HasAmbiguity(zone, label, end))
            {
                problems.Add($"{where}: kind {p.Kind}, but NodaTime says ambiguous={HasAmbiguity(zone, label, end)}");
            }
        }
        // The partitions of the date tile exactly the instants of the date: no instant twice, none missing.
        owned.Sort((a, b) => a.Start.CompareTo(b.Start));
        var dateInstants = InstantsOfDate(zone, date);
        var joined = new List<Interval>();
        foreach (var interval in owned)
        {
            if (joined.Count > 0 && joined[^1].End > interval.Start)
            {
                problems.Add($"{zone.Id} {date}: {joined[^1]} and {interval} overlap");
            }
            if (joined.Count > 0 && joined[^1].End == interval.Start)
            {
                joined[^1] = new Interval(joined[^1].Start, interval.End);
            }
            else
            {
                joined.Add(interval);
            }
        }
        if (!joined.SequenceEqual(dateInstants))
        {
            problems.Add($"{zone.Id} {date}: owned {string.Join(", ", joined)} but the date's instants are {string.Join(", ", dateInstants)}");
        }
        if (dateInstants.Count > 0 && dateInstants[0].Start != dayStart)
        {
            problems.Add($"{zone.Id} {date}: the date starts at {dateInstants[0].Start}, MapLocal says {dayStart}");
        }
        return problems;
    }
}

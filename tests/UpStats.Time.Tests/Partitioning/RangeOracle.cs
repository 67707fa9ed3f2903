namespace UpStats.Time.Tests.Partitioning;

/// <summary>
/// The brute-force answer for a local range: walk UTC time in steps and ask NodaTime (<c>InZone</c>) which local
/// time each step reads. The step is a minute, or less where an offset or transition falls on a second (Monrovia's
/// −0:44:30 until 1972), so that every step lies wholly inside or outside the range.
/// </summary>
internal static class RangeOracle
{
    internal sealed record Answer(List<Interval> Intervals, List<(LocalDateTime Label, bool Whole)> Sources);

    public static Answer Walk(DateTimeZone zone, LocalDateTime from, LocalDateTime to, DateTimeZone sourceZone, int sourceStepMinutes)
    {
        // Every instant that reads a local time in the range lies within 18 hours of it; a source partition it
        // touches lies within a source step and 18 more hours: walk far enough to see all of each one's instants.
        var margin = Duration.FromHours(37) + Duration.FromMinutes(sourceStepMinutes);
        var lo = from.InUtc().ToInstant() - margin;
        var hi = to.InUtc().ToInstant() + margin;
        long step = StepSeconds(zone, lo, hi) is var a && StepSeconds(sourceZone, lo, hi) is var b ? Gcd(a, b) : 60;
        long t0 = Math.DivRem(lo.ToUnixTimeSeconds(), step, out _) * step - step;
        var intervals = new List<Interval>();
        var sources = new SortedDictionary<LocalDateTime, (bool Any, bool All)>();
        Instant? open = null;
        for (long t = t0; t < hi.ToUnixTimeSeconds(); t += step)
        {
            var instant = Instant.FromUnixTimeSeconds(t);
            var local = instant.InZone(zone).LocalDateTime;
            bool member = from <= local && local < to;
            if (member && open is null)
            {
                open = instant;
            }
            else if (!member && open is { } start)
            {
                intervals.Add(new Interval(start, instant));
                open = null;
            }
            var sourceLocal = instant.InZone(sourceZone).LocalDateTime;
            int minuteOfDay = (sourceLocal.Hour * 60) + sourceLocal.Minute;
            var label = sourceLocal.Date.AtMidnight().PlusMinutes(minuteOfDay / sourceStepMinutes * sourceStepMinutes);
            sources[label] = sources.TryGetValue(label, out var seen) ? (seen.Any || member, seen.All && member) : (member, member);
        }
        if (open is not null)
        {
            throw new InvalidOperationException("the walk ended inside the range");
        }
        return new Answer(intervals, sources.Where(s => s.Value.Any).Select(s => (s.Key, s.Value.All)).ToList());
    }

    /// <summary>The largest step (seconds, dividing 60) on which every offset and transition of the zone near the window falls.</summary>
    private static long StepSeconds(DateTimeZone zone, Instant lo, Instant hi)
    {
        long step = 60;
        foreach (var zi in zone.GetZoneIntervals(lo, hi))
        {
            step = Gcd(step, Math.Abs(zi.WallOffset.Seconds));
            if (zi.HasStart)
            {
                step = Gcd(step, Math.Abs(zi.Start.ToUnixTimeSeconds()) % 60);
            }
        }
        return step;
    }

    private static long Gcd(long a, long b) => b == 0 ? (a == 0 ? 60 : a) : Gcd(b, a % b);
}

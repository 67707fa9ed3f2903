using UpStats.Time.Grid;

namespace UpStats.Time.Tests.Grid;

/// <summary>
/// The definition of the local-clock grid written the slow, obvious way with NodaTime's <c>MapLocal</c>:
/// a label read once gives one boundary, read twice (ambiguous) gives two, and a label in a gap gives the
/// instant of the jump. Used as the oracle for the fast tick arithmetic in <see cref="LocalClockGrid"/>.
/// </summary>
internal static class GridOracle
{
    /// <summary>Every boundary whose label lies in the local range [from, to], sorted and distinct.</summary>
    public static List<Instant> Boundaries(LocalClockGrid grid, LocalDateTime from, LocalDateTime to)
    {
        var result = new SortedSet<Instant>();
        for (var label = grid.IsLabel(from) ? from : grid.NextLabel(from); label <= to; label = grid.NextLabel(label))
        {
            var mapping = grid.Zone.MapLocal(label);
            switch (mapping.Count)
            {
                case 0:
                    result.Add(mapping.LateInterval.Start);
                    break;
                case 1:
                    result.Add(mapping.Single().ToInstant());
                    break;
                default:
                    result.Add(mapping.First().ToInstant());
                    result.Add(mapping.Last().ToInstant());
                    break;
            }
        }
        return result.ToList();
    }

    /// <summary>The boundaries near <paramref name="instant"/> (labels within two steps plus two days of its local time).</summary>
    public static List<Instant> BoundariesAround(LocalClockGrid grid, Instant instant)
    {
        var local = instant.InZone(grid.Zone).LocalDateTime;
        var reach = Period.FromDays(2) + grid.Step + grid.Step;
        return Boundaries(grid, local - reach, local + reach);
    }
}

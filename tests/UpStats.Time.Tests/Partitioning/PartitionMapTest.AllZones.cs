using UpStats.Time.Partitioning;

namespace UpStats.Time.Tests.Partitioning;

// Exhaustive: the local date of every transition of every tzdb zone in 1970–2037, hourly partitions over UTC hours.
// Covers every shape tzdb has in that range: 1-hour and 30-minute DST (Lord Howe), 2-hour jumps (Troll), :30/:45
// offsets (Kolkata, Kathmandu, Chatham, St John's, whose 1987 jump at 00:01 splits a date in two), a skipped day
// (Apia 2011-12-30), jumps at local midnight (Sao Paulo), negative DST (Dublin), several changes a year (Casablanca).
public partial class PartitionMapTest
{
    [Fact]
    public void PartitionsOf_EveryTransitionDateOfEveryZone_FollowsEveryRule()
    {
        int dates = 0;
        var failures = new List<string>();
        foreach (var id in Generators.ZonesToWalk)
        {
            var zone = DateTimeZoneProviders.Tzdb[id];
            var map = PartitionMap.For(zone, PartitionGranularity.Hour);
            foreach (var zi in zone.GetZoneIntervals(Generators.Start1970, Generators.End2037))
            {
                if (!zi.HasStart || zi.Start <= Generators.Start1970)
                {
                    continue;
                }
                failures.AddRange(PartitionOracle.CheckDay(map, zi.Start.InZone(zone).Date));
                dates++;
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(dates > Generators.ScaledToZonesWalked(10_000), $"only {dates} transition dates checked");
    }
}

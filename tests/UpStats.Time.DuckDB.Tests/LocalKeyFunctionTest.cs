using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Text;
using UpStats.Time.Partitioning;
using UpStats.Time.Tests;

namespace UpStats.Time.DuckDB.Tests;

/// <summary>
/// <c>upstats_local_key</c> against <see cref="PartitionMap.KeyOf"/> (and NodaTime's local time) in every tzdb zone,
/// at instants around each zone's transitions; NULLs; unknown zones and granularities named in the error.
/// </summary>
public class LocalKeyFunctionTest
{
    private static readonly LocalDateTimePattern HourPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH");
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.CreateWithInvariantCulture("uuuu-MM-dd");

    /// <summary>NodaTime's answer: the local time in the zone, floored to the hour or day.</summary>
    private static string NodaKey(Instant instant, DateTimeZone zone, PartitionGranularity granularity)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return granularity == PartitionGranularity.Hour
            ? HourPattern.Format(local.Date.At(new LocalTime(local.Hour, 0)))
            : DayPattern.Format(local.Date);
    }

    [Theory]
    [InlineData("hour", PartitionGranularity.Hour)]
    [InlineData("day", PartitionGranularity.Day)]
    public void LocalKey_EveryTzdbZone_EqualsTheLibraryAndNodaTime(string granularityText, PartitionGranularity granularity)
    {
        // Every zone, with the zone as a column (a different zone every few rows): each transition of 2020-2025 and
        // the hour either side, plus instants across 1970-2037; 1,000+ zones x ~20 rows is over a hundred chunks.
        var rows = new List<(long? Seconds, string? Zone)>();
        var from = Instant.FromUtc(2020, 1, 1, 0, 0);
        var to = Instant.FromUtc(2026, 1, 1, 0, 0);
        foreach (var id in Generators.ZonesToWalk)
        {
            var zone = DateTimeZoneProviders.Tzdb[id];
            foreach (var interval in zone.GetZoneIntervals(from, to).Where(z => z.HasStart && z.Start > from).Take(8))
            {
                foreach (long delta in new long[] { -3601, -1, 0, 1, 3599 })
                {
                    rows.Add(((interval.Start + Duration.FromSeconds(delta)).ToUnixTimeSeconds(), id));
                }
            }
            foreach (long seconds in new long[] { 0, 86_399, 1_000_000_007, int.MaxValue, -1 })
            {
                rows.Add((seconds, id));
            }
        }
        using var db = new Db();
        db.LoadInstants(rows);
        var sql = db.Rows($"SELECT upstats_local_key(seconds, zone, '{granularityText}') FROM e ORDER BY i").Select(r => (string?)r[0]).ToList();
        Assert.Equal(rows.Count, sql.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            var zone = DateTimeZoneProviders.Tzdb[rows[i].Zone!];
            var instant = Instant.FromUnixTimeSeconds(rows[i].Seconds!.Value);
            string library = PartitionMap.For(zone, granularity).KeyOf(instant).ToString();
            Assert.True(library == sql[i], $"{zone.Id} at {instant}: SQL {sql[i]} vs library {library}");
            Assert.Equal(NodaKey(instant, zone, granularity), sql[i]);
        }
    }

    [Property(MaxTest = 40)]
    public Property LocalKey_ConstantZone_EqualsTheLibrary_OnDrawnInstants() =>
        Prop.ForAll(Arb.From(from zone in Generators.Zone
                             from instants in Gen.ArrayOf(Generators.NearTransition(zone))
                             from granularity in Gen.Elements(PartitionGranularity.Hour, PartitionGranularity.Day)
                             select (zone, instants, granularity)), c =>
        {
            using var db = new Db();
            db.LoadInstants(c.instants.Select(i => ((long?)i.ToUnixTimeSeconds(), (string?)null)).ToList());
            var sql = db.Rows($"SELECT upstats_local_key(seconds, '{c.zone.Id}', '{c.granularity.ToString().ToLowerInvariant()}') FROM e ORDER BY i")
                .Select(r => (string?)r[0]).ToList();
            var map = PartitionMap.For(c.zone, c.granularity);
            var expected = c.instants.Select(i => map.KeyOf(Instant.FromUnixTimeSeconds(i.ToUnixTimeSeconds())).ToString()).ToList();
            return sql.SequenceEqual(expected).Label($"{c.zone.Id} {c.granularity}: SQL [{string.Join(", ", sql)}] vs [{string.Join(", ", expected)}]");
        });

    [Fact]
    public void LocalKey_FallBackHour_IsOneKeyForBothPasses()
    {
        using var db = new Db();
        // 2024-11-03 01:30 PDT = 08:30Z and 01:30 PST = 09:30Z: the same local hour.
        Assert.Equal("2024-11-03T01", db.Scalar("SELECT upstats_local_key(upstats_epoch('2024-11-03T08:30:00Z'), 'America/Los_Angeles', 'hour')"));
        Assert.Equal("2024-11-03T01", db.Scalar("SELECT upstats_local_key(upstats_epoch('2024-11-03T09:30:00Z'), 'America/Los_Angeles', 'hour')"));
        Assert.Equal("2024-11-03", db.Scalar("SELECT upstats_local_key(upstats_epoch('2024-11-03T09:30:00Z'), 'America/Los_Angeles', 'DAY')"));
    }

    [Fact]
    public void LocalKey_AnyNullArgument_GivesNull()
    {
        using var db = new Db();
        db.LoadInstants([(null, "UTC"), (0, null), (0, "UTC")]);
        Assert.Equal(new string?[] { null, null, "1970-01-01T00" },
            db.Rows("SELECT upstats_local_key(seconds, zone, 'hour') FROM e ORDER BY i").Select(r => (string?)r[0]));
        Assert.Null(db.Scalar("SELECT upstats_local_key(0, 'UTC', NULL)"));
        Assert.Null(db.Scalar("SELECT upstats_local_key(NULL, 'UTC', 'hour')"));
    }

    [Fact]
    public void LocalKey_UnknownZone_IsAQueryErrorNamingIt()
    {
        using var db = new Db();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT upstats_local_key(0, 'Mars/Olympus_Mons', 'hour')"));
        Assert.Contains("upstats_local_key: unknown time zone 'Mars/Olympus_Mons'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalKey_UnknownZoneInAColumn_IsAQueryErrorNamingIt()
    {
        using var db = new Db();
        db.LoadInstants([(0, "UTC"), (0, "Europe/Nowhere")]);
        var error = Assert.ThrowsAny<Exception>(() => db.Rows("SELECT upstats_local_key(seconds, zone, 'hour') FROM e"));
        Assert.Contains("unknown time zone 'Europe/Nowhere'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalKey_UnknownGranularity_IsAQueryErrorNamingIt()
    {
        using var db = new Db();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT upstats_local_key(0, 'UTC', 'week')"));
        Assert.Contains("upstats_local_key: unknown granularity 'week'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalKey_EpochBeyondNodaTimesRange_IsAQueryErrorNamingIt()
    {
        using var db = new Db();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT upstats_local_key(9223372036854775807, 'UTC', 'hour')"));
        Assert.Contains("9223372036854775807 epoch seconds is outside", error.Message, StringComparison.Ordinal);
    }
}

using UpStats.Time.Partitioning;
using UpStats.Time.Rendering;

namespace UpStats.Time.Tests.Rendering;

// The predicate's text: its length bound in every zone, column names and quoting, layouts of other steps, errors.
public partial class RangePredicateRendererTest
{
    private static readonly PartitionMap La = PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour);

    [Fact]
    public void Render_TenYearsInEveryZone_StaysUnder4000Characters()
    {
        // The longest bound spellings: epoch milliseconds, and Hive's TIMESTAMPLOCALTZ '… UTC' (the longest literal).
        RangePredicateOptions[] options =
        [
            new(SqlDialect.Trino, "event_time") { TimeUnit = EventTimeUnit.Milliseconds },
            new(SqlDialect.Hive, "event_time") { TimeUnit = EventTimeUnit.TimestampWithTimeZone },
            new(SqlDialect.DuckDB, "event_time") { TimeUnit = EventTimeUnit.Timestamp },
        ];
        int longest = 0;
        foreach (var id in Generators.ZonesToWalk)
        {
            var map = PartitionMap.For(DateTimeZoneProviders.Tzdb[id], PartitionGranularity.Hour);
            foreach (var (from, to) in new[]
            {
                (new LocalDateTime(2015, 1, 1, 0, 0), new LocalDateTime(2025, 1, 1, 0, 0)),
                (new LocalDateTime(2011, 11, 6, 1, 30), new LocalDateTime(2021, 11, 7, 1, 30)),
                (new LocalDateTime(1970, 1, 1, 0, 0), new LocalDateTime(1980, 1, 1, 0, 0)),
            })
            {
                var range = map.RangeOf(from, to);
                foreach (var o in options)
                {
                    longest = Math.Max(longest, RangePredicateRenderer.Render(range, o).Length);
                }
            }
        }
        Assert.InRange(longest, 100, 4000);
    }

    [Fact]
    public void Render_UserQuotedAndReservedColumnNames_KeepOrGainQuotes()
    {
        var day = La.RangeOf(new LocalDate(2020, 4, 9), new LocalDate(2020, 4, 10));
        string hive = RangePredicateRenderer.Render(day, new RangePredicateOptions(SqlDialect.Hive, "e.`Time`") { PartitionColumns = ["`Y`", "month", "date", "h"] });
        Assert.Equal("(`Y` = '2020' AND month = '04' AND (`date` = '09' AND h >= '07' OR `date` = '10' AND h <= '06')) AND (e.`Time` >= 1586415600 AND e.`Time` < 1586502000)", hive);
        string duck = RangePredicateRenderer.Render(day, new RangePredicateOptions(SqlDialect.DuckDB, "select") { PartitionColumns = ["y", "m", "d", "\"H\""] });
        Assert.EndsWith("AND (\"select\" >= 1586415600 AND \"select\" < 1586502000)", duck, StringComparison.Ordinal);
        Assert.Contains("\"H\" >= '07'", duck, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DailyAndQuarterHourLayouts_UseThreeAndFiveColumns()
    {
        var zone = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];
        var daily = PartitionMap.For(zone, PartitionGranularity.Hour, SourceLayout.Create(DateTimeZone.Utc, 1440)).RangeOf(new LocalDate(2024, 1, 15), new LocalDate(2024, 1, 16));
        Assert.Equal("(year = '2024' AND month = '01' AND day >= '14' AND day <= '15') AND (t >= 1705257000 AND t < 1705343400)",
            RangePredicateRenderer.Render(daily, new RangePredicateOptions(SqlDialect.Spark, "t")));
        var quarter = PartitionMap.For(zone, PartitionGranularity.Hour, SourceLayout.Create(DateTimeZone.Utc, 15)).RangeOf(new LocalDateTime(2024, 1, 15, 10, 0), new LocalDateTime(2024, 1, 15, 10, 30));
        Assert.Equal("(year = '2024' AND month = '01' AND day = '15' AND hour = '04' AND minute >= '30' AND minute <= '45') AND (t >= 1705293000 AND t < 1705294800)",
            RangePredicateRenderer.Render(quarter, new RangePredicateOptions(SqlDialect.Spark, "t")));
    }

    [Fact]
    public void Render_RunEdgesInsideUtcDays_NestTheComparisonsOnlyWhereAFolderIsCut()
    {
        // Los Angeles' last day of 2023 is 2023-12-31 08:00Z to 2024-01-01 08:00Z: both ends cut a UTC day, so the
        // month, day and hour comparisons nest; a UTC month is whole days, so no hour column appears.
        var newYearsEve = La.RangeOf(new LocalDate(2023, 12, 31), new LocalDate(2024, 1, 1));
        Assert.Equal(
            "((year = '2023' AND (month > '12' OR month = '12' AND (day > '31' OR day = '31' AND hour >= '08')) OR year = '2024' AND (month < '01' OR month = '01' AND (day < '01' OR day = '01' AND hour <= '07')))) AND (t >= 1704009600 AND t < 1704096000)",
            RangePredicateRenderer.Render(newYearsEve, new RangePredicateOptions(SqlDialect.Spark, "t")));
        var march = PartitionMap.For(DateTimeZone.Utc, PartitionGranularity.Hour).RangeOf(new LocalDate(2024, 3, 1), new LocalDate(2024, 4, 1));
        Assert.Equal(
            "(year = '2024' AND month = '03' AND (day = '01' OR day > '01' AND day < '31' OR day = '31')) AND (t >= 1709251200 AND t < 1711929600)",
            RangePredicateRenderer.Render(march, new RangePredicateOptions(SqlDialect.Spark, "t")));
    }

    [Fact]
    public void Render_SourcesWithAGap_OneParenthesizedTermPerRun()
    {
        // Troll (Antarctica) falls back from +02 to +00: local 01:15–01:45 on 2024-10-27 is 23:15Z (the day before)
        // and 01:15Z, whose hour folders 23 and 01 are not consecutive.
        var map = PartitionMap.For(DateTimeZoneProviders.Tzdb["Antarctica/Troll"], PartitionGranularity.Hour);
        var repeated = map.RangeOf(new LocalDateTime(2024, 10, 27, 1, 15), new LocalDateTime(2024, 10, 27, 1, 45));
        Assert.Equal(
            "((year = '2024' AND month = '10' AND day = '26' AND hour = '23') OR (year = '2024' AND month = '10' AND day = '27' AND hour = '01')) AND ((t >= 1729984500 AND t < 1729986300) OR (t >= 1729991700 AND t < 1729993500))",
            RangePredicateRenderer.Render(repeated, new RangePredicateOptions(SqlDialect.Spark, "t")));
    }

    [Fact]
    public void Render_BoundsBetweenWholeUnits_RoundUpToTheNextUnit()
    {
        // For an integer column, t >= 10.5 is t >= 11 and t < 10.5 is t < 11.
        var utc = PartitionMap.For(DateTimeZone.Utc, PartitionGranularity.Hour);
        var range = utc.RangeOf(new LocalDateTime(2024, 1, 15, 10, 0).PlusMilliseconds(500), new LocalDateTime(2024, 1, 15, 10, 0, 2));
        Assert.EndsWith("AND (t >= 1705312801 AND t < 1705312802)", RangePredicateRenderer.Render(range, new RangePredicateOptions(SqlDialect.Trino, "t")), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmptyRange_IsConstantFalse()
    {
        var range = PartitionMap.For(DateTimeZoneProviders.Tzdb["Pacific/Apia"], PartitionGranularity.Hour).RangeOf(new LocalDate(2011, 12, 30), new LocalDate(2011, 12, 31));
        Assert.Equal(RangePredicateRenderer.False, RangePredicateRenderer.Render(range, new RangePredicateOptions(SqlDialect.Hive, "t")));
        Assert.Equal("1 = 0", RangePredicateRenderer.False);
    }

    [Fact]
    public void Render_WrongNumberOfPartitionColumns_NamesTheLayout()
    {
        var day = La.RangeOf(new LocalDate(2020, 4, 9), new LocalDate(2020, 4, 10));
        var ex = Assert.Throws<ArgumentException>(() => RangePredicateRenderer.Render(day, new RangePredicateOptions(SqlDialect.Hive, "t") { PartitionColumns = ["y", "m", "d"] }));
        Assert.Equal("options", ex.ParamName);
        Assert.StartsWith("The source layout (UTC every 60 minutes) has 4 partition columns (year, month, day, hour); 3 names were given.", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new RangePredicateOptions((SqlDialect)99, "t"));
        Assert.Throws<ArgumentException>(() => new RangePredicateOptions(SqlDialect.Trino, "a..b"));
    }

    [Fact]
    public void Render_BoundsOnHalfMinutes_StayExactInMilliseconds()
    {
        // Africa/Monrovia was UTC-0:44:30 until 1972: its local midnight is 00:44:30Z, not on a whole minute.
        var zone = DateTimeZoneProviders.Tzdb["Africa/Monrovia"];
        var day = PartitionMap.For(zone, PartitionGranularity.Hour).RangeOf(new LocalDate(1971, 6, 1), new LocalDate(1971, 6, 2));
        long start = day.Intervals[0].Start.ToUnixTimeSeconds();
        Assert.Equal(30, start % 60);
        Assert.EndsWith($"AND (t >= {start * 1000} AND t < {(start + 86400) * 1000})",
            RangePredicateRenderer.Render(day, new RangePredicateOptions(SqlDialect.Trino, "t") { TimeUnit = EventTimeUnit.Milliseconds }), StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Partitioning;
using UpStats.Time.Rendering;

namespace UpStats.Time.Tests.Rendering;

// Event-time columns of the engines' timestamp types: the literal each dialect gets for a zone-less TIMESTAMP column
// and for a zone-aware one, an edge inside a repeated hour (two intervals), a bound off the whole minute (Monrovia),
// and the property that a timestamp predicate is the epoch predicate with every bound spelled as the same instant.
public partial class RangePredicateRendererTest
{
    private const string PtDayPartitions = "(year = '2020' AND month = '04' AND (day = '09' AND hour >= '07' OR day = '10' AND hour <= '06')) AND ";

    public static TheoryData<SqlDialect, EventTimeUnit, string> TimestampBounds => new()
    {
        { SqlDialect.Hive, EventTimeUnit.Timestamp, "(t >= TIMESTAMP '2020-04-09 07:00:00' AND t < TIMESTAMP '2020-04-10 07:00:00')" },
        { SqlDialect.Hive, EventTimeUnit.TimestampWithTimeZone, "(t >= TIMESTAMPLOCALTZ '2020-04-09 07:00:00 UTC' AND t < TIMESTAMPLOCALTZ '2020-04-10 07:00:00 UTC')" },
        { SqlDialect.Spark, EventTimeUnit.Timestamp, "(t >= TIMESTAMP '2020-04-09 07:00:00Z' AND t < TIMESTAMP '2020-04-10 07:00:00Z')" },
        { SqlDialect.Spark, EventTimeUnit.TimestampWithTimeZone, "(t >= TIMESTAMP '2020-04-09 07:00:00Z' AND t < TIMESTAMP '2020-04-10 07:00:00Z')" },
        { SqlDialect.Trino, EventTimeUnit.Timestamp, "(t >= TIMESTAMP '2020-04-09 07:00:00' AND t < TIMESTAMP '2020-04-10 07:00:00')" },
        { SqlDialect.Trino, EventTimeUnit.TimestampWithTimeZone, "(t >= TIMESTAMP '2020-04-09 07:00:00 UTC' AND t < TIMESTAMP '2020-04-10 07:00:00 UTC')" },
        { SqlDialect.Athena, EventTimeUnit.Timestamp, "(t >= TIMESTAMP '2020-04-09 07:00:00' AND t < TIMESTAMP '2020-04-10 07:00:00')" },
        { SqlDialect.Athena, EventTimeUnit.TimestampWithTimeZone, "(t >= TIMESTAMP '2020-04-09 07:00:00 UTC' AND t < TIMESTAMP '2020-04-10 07:00:00 UTC')" },
        { SqlDialect.DuckDB, EventTimeUnit.Timestamp, "(t >= TIMESTAMP '2020-04-09 07:00:00' AND t < TIMESTAMP '2020-04-10 07:00:00')" },
        { SqlDialect.DuckDB, EventTimeUnit.TimestampWithTimeZone, "(t >= TIMESTAMPTZ '2020-04-09 07:00:00+00' AND t < TIMESTAMPTZ '2020-04-10 07:00:00+00')" },
    };

    [Theory]
    [MemberData(nameof(TimestampBounds))]
    public void Render_TimestampColumn_WritesTheDialectsLiteralsForThePacificDay(SqlDialect dialect, EventTimeUnit unit, string timePart)
    {
        var day = La.RangeOf(new LocalDate(2020, 4, 9), new LocalDate(2020, 4, 10));
        Assert.Equal(PtDayPartitions + timePart, RangePredicateRenderer.Render(day, new RangePredicateOptions(dialect, "t") { TimeUnit = unit }));
    }

    [Fact]
    public void Render_TimestampColumnEdgeInsideRepeatedHour_TwoIntervalsOfLiterals()
    {
        var repeated = La.RangeOf(new LocalDateTime(2024, 11, 3, 1, 30), new LocalDateTime(2024, 11, 3, 2, 0));
        Assert.Equal(
            "(year = '2024' AND month = '11' AND day = '03' AND hour >= '08' AND hour <= '09') AND "
            + "((ts >= TIMESTAMPTZ '2024-11-03 08:30:00+00' AND ts < TIMESTAMPTZ '2024-11-03 09:00:00+00') OR "
            + "(ts >= TIMESTAMPTZ '2024-11-03 09:30:00+00' AND ts < TIMESTAMPTZ '2024-11-03 10:00:00+00'))",
            RangePredicateRenderer.Render(repeated, new RangePredicateOptions(SqlDialect.DuckDB, "ts") { TimeUnit = EventTimeUnit.TimestampWithTimeZone }));
    }

    [Fact]
    public void Render_TimestampBoundsOnHalfMinutes_KeepTheSeconds()
    {
        // Africa/Monrovia was UTC-0:44:30 until 1972: its local midnight is 00:44:30Z.
        var day = PartitionMap.For(DateTimeZoneProviders.Tzdb["Africa/Monrovia"], PartitionGranularity.Hour).RangeOf(new LocalDate(1971, 6, 1), new LocalDate(1971, 6, 2));
        Assert.EndsWith("AND (t >= TIMESTAMP '1971-06-01 00:44:30 UTC' AND t < TIMESTAMP '1971-06-02 00:44:30 UTC')",
            RangePredicateRenderer.Render(day, new RangePredicateOptions(SqlDialect.Trino, "t") { TimeUnit = EventTimeUnit.TimestampWithTimeZone }), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UndefinedTimeUnit_IsAnArgumentError()
    {
        var day = La.RangeOf(new LocalDate(2020, 4, 9), new LocalDate(2020, 4, 10));
        var ex = Assert.Throws<ArgumentException>(() => RangePredicateRenderer.Render(day, new RangePredicateOptions(SqlDialect.Trino, "t") { TimeUnit = (EventTimeUnit)9 }));
        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public void Render_EmptyRangeOfTimestampColumn_IsConstantFalse()
    {
        var apia = PartitionMap.For(DateTimeZoneProviders.Tzdb["Pacific/Apia"], PartitionGranularity.Hour).RangeOf(new LocalDate(2011, 12, 30), new LocalDate(2011, 12, 31));
        Assert.Equal("1 = 0", RangePredicateRenderer.Render(apia, new RangePredicateOptions(SqlDialect.Spark, "t") { TimeUnit = EventTimeUnit.Timestamp }));
    }

    /// <summary>
    /// Any zone and local range, any dialect, either timestamp kind: the predicate is the epoch-seconds predicate with
    /// each bound written as a literal that reads back (with DateTimeOffset as the oracle) as that very second, and the
    /// literal carries UTC exactly where the column is zone-aware (always for Spark, whose TIMESTAMP is an instant).
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Render_TimestampPredicate_IsTheEpochPredicateWithTheSameInstants() =>
        Prop.ForAll(Arb.From(
            from r in Generators.ZoneAndLocalRange
            from dialect in Gen.Elements(Enum.GetValues<SqlDialect>())
            from unit in Gen.Elements(EventTimeUnit.Timestamp, EventTimeUnit.TimestampWithTimeZone)
            select (r, dialect, unit)), c =>
        {
            var range = PartitionMap.For(c.r.Zone, PartitionGranularity.Hour).RangeOf(c.r.From, c.r.To);
            string epoch = RangePredicateRenderer.Render(range, new RangePredicateOptions(c.dialect, "t"));
            string stamped = RangePredicateRenderer.Render(range, new RangePredicateOptions(c.dialect, "t") { TimeUnit = c.unit });
            var (keyword, suffix) = ExpectedLiteral(c.dialect, c.unit);
            string back = Literal.Replace(stamped, m =>
            {
                Assert.Equal(keyword, m.Groups[1].Value);
                Assert.EndsWith(suffix, m.Groups[2].Value, StringComparison.Ordinal);
                string wallClock = m.Groups[2].Value[..^suffix.Length];
                var utc = DateTimeOffset.ParseExact(wallClock, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                return utc.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            });
            bool literals = range.IsEmpty || Literal.IsMatch(stamped);
            return (back == epoch && literals).Label($"{c.r.Zone.Id} [{c.r.From}, {c.r.To}) {c.dialect} {c.unit}:\n{stamped}\n{epoch}");
        });

    private static readonly Regex Literal = new("(TIMESTAMPLOCALTZ|TIMESTAMPTZ|TIMESTAMP) '([^']*)'", RegexOptions.CultureInvariant);

    /// <summary>The documented spelling per dialect and column kind, written out again as the test's own table.</summary>
    private static (string Keyword, string Suffix) ExpectedLiteral(SqlDialect dialect, EventTimeUnit unit) => (dialect, unit) switch
    {
        (SqlDialect.Spark, _) => ("TIMESTAMP", "Z"),
        (SqlDialect.Hive, EventTimeUnit.TimestampWithTimeZone) => ("TIMESTAMPLOCALTZ", " UTC"),
        (SqlDialect.Trino or SqlDialect.Athena, EventTimeUnit.TimestampWithTimeZone) => ("TIMESTAMP", " UTC"),
        (SqlDialect.DuckDB, EventTimeUnit.TimestampWithTimeZone) => ("TIMESTAMPTZ", "+00"),
        _ => ("TIMESTAMP", ""),
    };
}

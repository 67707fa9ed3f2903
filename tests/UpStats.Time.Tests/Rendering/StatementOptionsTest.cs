using UpStats.Time.Paths;
using NodaTime.Testing;
using UpStats.Time.Partitioning;
using UpStats.Time.Rendering;

namespace UpStats.Time.Tests.Rendering;

// Statements real engines accept: the user's quoting kept, reserved words quoted, Trino re-runs that never repeat a
// registration, statements without ';' for JDBC/HTTP clients.
public class StatementOptionsTest
{
    private static readonly PartitionMap La = PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour);

    private static RegistrationPlan PlanAt(Instant now, RegistrationOptions? options = null) =>
        RegistrationPlan.Create(La, new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 4), new FakeClock(now), options ?? new RegistrationOptions("s3://bucket/events"));

    [Theory]
    [InlineData("sales.`order`", "ALTER TABLE sales.`order` ADD")]
    [InlineData("sales.order", "ALTER TABLE sales.`order` ADD")]
    [InlineData("`sales`.events", "ALTER TABLE `sales`.events ADD")]
    [InlineData("Date.events_pt", "ALTER TABLE `Date`.events_pt ADD")]
    [InlineData("db.`my table`", "ALTER TABLE db.`my table` ADD")]
    public void HiveRender_UserQuotesKeptAndReservedWordsQuoted(string table, string expectedStart)
    {
        var lines = HiveStatementRenderer.Render(PlanAt(Instant.FromUtc(2024, 11, 5, 0, 0)), table);
        Assert.StartsWith(expectedStart, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void HiveRender_TargetColumnNamedDate_IsQuoted()
    {
        var options = new RegistrationOptions("s3://bucket/events") { TargetTemplate = PathPattern.ParseOrThrow("date={yyyy}-{MM}-{dd}/hour={HH}") };
        var lines = HiveStatementRenderer.Render(PlanAt(Instant.FromUtc(2024, 11, 5, 0, 0), options), "events_pt");
        Assert.Contains("PARTITION (`date`='2024-11-03', hour='00')", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void TrinoRender_QuotedOrReservedCatalog_StaysQuoted()
    {
        var plan = PlanAt(Instant.FromUtc(2024, 11, 5, 0, 0));
        Assert.StartsWith("CALL \"Hive\".system.register_partition(", TrinoStatementRenderer.Render(plan, "\"Hive\".web.events_pt")[0], StringComparison.Ordinal);
        Assert.StartsWith("CALL \"table\".system.register_partition(", TrinoStatementRenderer.Render(plan, "table.web.events_pt")[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoSemicolons_EndsStatementsWithoutOne()
    {
        var plan = PlanAt(Instant.FromUtc(2024, 11, 5, 0, 0));
        var options = new StatementOptions { Semicolons = false };
        var trino = TrinoStatementRenderer.Render(plan, "web.events_pt", options).Where(l => l.StartsWith("CALL", StringComparison.Ordinal)).ToList();
        var hive = HiveStatementRenderer.Render(plan, "events_pt", options).Where(l => l.StartsWith("ALTER", StringComparison.Ordinal)).ToList();
        Assert.Equal(24, trino.Count);
        Assert.Equal(24, hive.Count);
        Assert.All(trino, l => Assert.EndsWith("')", l, StringComparison.Ordinal));
        Assert.All(hive, l => Assert.EndsWith("'", l, StringComparison.Ordinal));
        Assert.All(trino.Concat(hive), l => Assert.False(l.EndsWith(';'), l));
    }

    [Fact]
    public void TrinoRender_HourlyReRunsWithReadyAfter_RegisterEveryPartitionExactlyOnce()
    {
        // An hourly workflow from 07:00Z to the next day, each run passing the previous run's now.
        var registered = new List<string>();
        Instant? previous = null;
        for (var now = Instant.FromUtc(2024, 11, 3, 7, 0); now <= Instant.FromUtc(2024, 11, 4, 12, 0); now += Duration.FromHours(1))
        {
            var lines = TrinoStatementRenderer.Render(PlanAt(now), "web.events_pt", new StatementOptions { ReadyAfter = previous });
            registered.AddRange(lines.Where(l => l.StartsWith("CALL", StringComparison.Ordinal)));
            previous = now;
        }
        Assert.Equal(registered.Count, registered.Distinct().Count());
        var all = TrinoStatementRenderer.Render(PlanAt(Instant.FromUtc(2024, 11, 4, 12, 0)), "web.events_pt").Where(l => l.StartsWith("CALL", StringComparison.Ordinal));
        Assert.Equal(all.Order(StringComparer.Ordinal), registered.Order(StringComparer.Ordinal));
        Assert.Equal(24, registered.Count);
    }

    [Fact]
    public void Render_ReadyAfterTheLastReadiness_PrintsNoStatement()
    {
        var plan = PlanAt(Instant.FromUtc(2024, 11, 5, 0, 0));
        var lines = HiveStatementRenderer.Render(plan, "events_pt", new StatementOptions { ReadyAfter = Instant.FromUtc(2024, 11, 5, 0, 0) });
        Assert.DoesNotContain(lines, l => l.StartsWith("ALTER", StringComparison.Ordinal));
    }
}

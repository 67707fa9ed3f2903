using NodaTime.Testing;
using UpStats.Time.Partitioning;
using UpStats.Time.Rendering;

namespace UpStats.Time.Tests.Rendering;

// Golden statements for Hive/Spark SQL/Athena and Trino, including quotes in names and locations.
public class StatementRendererTest
{
    private static RegistrationPlan FallBackPlan(string sourceRoot) =>
        RegistrationPlan.Create(PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour),
            new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 4), new FakeClock(Instant.FromUtc(2024, 11, 3, 10, 0)), new RegistrationOptions(sourceRoot));

    private static RegisterAction Register(RegistrationPlan plan, string key) =>
        plan.Partitions.Single(p => p.Key.ToString() == key).Actions.OfType<RegisterAction>().Single();

    [Fact]
    public void HiveAddPartition_RegularHour_IsTheGoldenStatement()
    {
        var statement = HiveStatementRenderer.AddPartition("db.events_pt", Register(FallBackPlan("s3://bucket/events"), "2024-11-03T00"));
        Assert.Equal("ALTER TABLE db.events_pt ADD IF NOT EXISTS PARTITION (year='2024', month='11', day='03', hour='00') "
            + "LOCATION 's3://bucket/events/year=2024/month=11/day=03/hour=07';", statement);
    }

    [Fact]
    public void HiveRender_UdemyFallBackDay_IsTheGoldenPlanAtUtc10()
    {
        var lines = HiveStatementRenderer.Render(FallBackPlan("s3://bucket/events"), "events_pt");
        Assert.Equal(
        [
            "ALTER TABLE events_pt ADD IF NOT EXISTS PARTITION (year='2024', month='11', day='03', hour='00') LOCATION 's3://bucket/events/year=2024/month=11/day=03/hour=07';",
            "-- 2024-11-03T01 merged: replace the contents of 's3://bucket/events/_local/America_Los_Angeles/year=2024/month=11/day=03/hour=01' with:",
            "--   all rows of 's3://bucket/events/year=2024/month=11/day=03/hour=08'",
            "--   all rows of 's3://bucket/events/year=2024/month=11/day=03/hour=09'",
            "ALTER TABLE events_pt ADD IF NOT EXISTS PARTITION (year='2024', month='11', day='03', hour='01') LOCATION 's3://bucket/events/_local/America_Los_Angeles/year=2024/month=11/day=03/hour=01';",
            "-- 2024-11-03T02 regular: waits until 2024-11-03T11:00:00Z (its last source is not complete).",
        ], lines.Take(6));
        Assert.Equal(24 + 3, lines.Count);
    }

    [Fact]
    public void HiveAddPartition_QuotesInTableAndLocation_AreEscaped()
    {
        var action = Register(FallBackPlan("s3://bucket/o'brien\\x"), "2024-11-03T00");
        var statement = HiveStatementRenderer.AddPartition("my-db.o'brien", action);
        Assert.Equal("ALTER TABLE `my-db`.`o'brien` ADD IF NOT EXISTS PARTITION (year='2024', month='11', day='03', hour='00') "
            + "LOCATION 's3://bucket/o\\'brien\\\\x/year=2024/month=11/day=03/hour=07';", statement);
    }

    [Fact]
    public void HiveAddPartition_BacktickedNameWithADot_IsOnePart()
    {
        var statement = HiveStatementRenderer.AddPartition("`my.db`.`a``b`", Register(FallBackPlan("s3://b"), "2024-11-03T00"));
        Assert.StartsWith("ALTER TABLE `my.db`.`a``b` ADD", statement, StringComparison.Ordinal);
    }

    [Fact]
    public void TrinoRegisterPartition_RegularHour_IsTheGoldenCall()
    {
        var statement = TrinoStatementRenderer.RegisterPartition("web.events_pt", Register(FallBackPlan("s3://bucket/events"), "2024-11-03T00"));
        Assert.Equal("CALL system.register_partition(schema_name => 'web', table_name => 'events_pt', "
            + "partition_columns => ARRAY['year', 'month', 'day', 'hour'], partition_values => ARRAY['2024', '11', '03', '00'], "
            + "location => 's3://bucket/events/year=2024/month=11/day=03/hour=07');", statement);
    }

    [Fact]
    public void TrinoRegisterPartition_QuotesAndCatalog_AreEscaped()
    {
        var action = Register(FallBackPlan("s3://bucket/it's"), "2024-11-03T00");
        var statement = TrinoStatementRenderer.RegisterPartition("\"my-hive\".web.\"o'brien\"\"s\"", action);
        Assert.Equal("CALL \"my-hive\".system.register_partition(schema_name => 'web', table_name => 'o''brien\"s', "
            + "partition_columns => ARRAY['year', 'month', 'day', 'hour'], partition_values => ARRAY['2024', '11', '03', '00'], "
            + "location => 's3://bucket/it''s/year=2024/month=11/day=03/hour=07');", statement);
    }

    [Fact]
    public void TrinoRender_TableWithoutSchema_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => TrinoStatementRenderer.Render(FallBackPlan("s3://b"), "events_pt"));
        Assert.Contains("schema.table", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LocationWithALineBreak_CannotEndAComment()
    {
        var lines = HiveStatementRenderer.Render(FallBackPlan("s3://b/x\nDROP TABLE t;--"), "t");
        Assert.All(lines, l => Assert.DoesNotContain('\n', l));
        Assert.DoesNotContain(lines, l => l.StartsWith("DROP", StringComparison.Ordinal));
    }
}

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
    public void Render_MalformedTable_IsAnArgumentError_EvenWhenNoPartitionIsReady()
    {
        // At 02:00Z nothing of the day is complete: every partition waits, so no statement would name the table.
        var waiting = RegistrationPlan.Create(PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour),
            new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 4), new FakeClock(Instant.FromUtc(2024, 11, 3, 2, 0)), new RegistrationOptions("s3://b/e"));
        Assert.DoesNotContain(waiting.Partitions, p => p.Status == PartitionStatus.Ready);
        Assert.Equal("table", Assert.ThrowsAny<ArgumentException>(() => HiveStatementRenderer.Render(waiting, "db..t")).ParamName);
        Assert.Equal("table", Assert.ThrowsAny<ArgumentException>(() => TrinoStatementRenderer.Render(waiting, "db..t")).ParamName);
        Assert.True(StatementOptions.Default.Semicolons);
        Assert.True(new StatementOptions().Semicolons);
    }

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

    private static RegistrationPlan Plan(string zone, LocalDate from, Instant now) =>
        RegistrationPlan.Create(PartitionMap.For(DateTimeZoneProviders.Tzdb[zone], PartitionGranularity.Hour),
            from, from.PlusDays(1), new FakeClock(now), new RegistrationOptions("s3://b"));

    [Fact]
    public void HiveRender_SpringForwardGap_SaysTheHourIsSkipped()
    {
        var lines = HiveStatementRenderer.Render(Plan("America/Los_Angeles", new LocalDate(2024, 3, 10), Instant.FromUtc(2024, 3, 12, 0, 0)), "t");
        Assert.Equal("-- 2024-03-10T02 skipped: the label is in a DST gap and owns no instant; no partition.", lines[2]);
        Assert.StartsWith("ALTER TABLE t ADD IF NOT EXISTS PARTITION (year='2024', month='03', day='10', hour='01') ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("ALTER TABLE t ADD IF NOT EXISTS PARTITION (year='2024', month='03', day='10', hour='03') ", lines[3], StringComparison.Ordinal);
        Assert.Equal(24, lines.Count);
    }

    [Fact]
    public void TrinoRender_HalfHourZone_CopiesPartialRowsOfTwoUtcHours()
    {
        var lines = TrinoStatementRenderer.Render(Plan("Asia/Kolkata", new LocalDate(2024, 1, 15), Instant.FromUtc(2024, 1, 16, 0, 0)), "web.t");
        Assert.Equal(
        [
            "-- 2024-01-15T00 partial: replace the contents of 's3://b/_local/Asia_Kolkata/year=2024/month=01/day=15/hour=00' with:",
            "--   rows of 's3://b/year=2024/month=01/day=14/hour=18' with time in [2024-01-14T18:30:00Z, 2024-01-14T19:00:00Z)",
            "--   rows of 's3://b/year=2024/month=01/day=14/hour=19' with time in [2024-01-14T19:00:00Z, 2024-01-14T19:30:00Z)",
            "CALL system.register_partition(schema_name => 'web', table_name => 't', partition_columns => ARRAY['year', 'month', 'day', 'hour'], "
                + "partition_values => ARRAY['2024', '01', '15', '00'], location => 's3://b/_local/Asia_Kolkata/year=2024/month=01/day=15/hour=00');",
        ], lines.Take(4));
        // Every local hour of a +05:30 zone is partial: a header, two partial copies and the registration.
        Assert.Equal(24 * 4, lines.Count);
    }

    [Fact]
    public void TrinoRender_WaitingPartition_SaysUntilWhen()
    {
        var lines = TrinoStatementRenderer.Render(Plan("Asia/Kolkata", new LocalDate(2024, 1, 15), Instant.FromUtc(2024, 1, 14, 19, 0)), "web.t");
        Assert.Equal("-- 2024-01-15T00 partial: waits until 2024-01-14T20:00:00Z (its last source is not complete).", lines[0]);
        Assert.Equal(24, lines.Count);
    }

    [Theory]
    [InlineData("a.b.c.d")]
    [InlineData("t")]
    public void TrinoRegisterPartition_NotTwoOrThreeParts_ThrowsNamingTheTable(string table)
    {
        var action = Register(FallBackPlan("s3://b"), "2024-11-03T00");
        var ex = Assert.Throws<ArgumentException>(() => TrinoStatementRenderer.RegisterPartition(table, action));
        Assert.Equal("table", ex.ParamName);
        Assert.Contains($"not {table}.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Renderers_NullArguments_Throw()
    {
        Assert.Equal("action", Assert.Throws<ArgumentNullException>(() => HiveStatementRenderer.AddPartition("t", null!)).ParamName);
        Assert.Equal("action", Assert.Throws<ArgumentNullException>(() => TrinoStatementRenderer.RegisterPartition("s.t", null!)).ParamName);
        Assert.Equal("plan", Assert.Throws<ArgumentNullException>(() => HiveStatementRenderer.Render(null!, "t")).ParamName);
        Assert.Equal("plan", Assert.Throws<ArgumentNullException>(() => TrinoStatementRenderer.Render(null!, "s.t")).ParamName);
        Assert.Equal("table", Assert.Throws<ArgumentException>(() => HiveStatementRenderer.Render(FallBackPlan("s3://b"), "a..b")).ParamName);
    }
}

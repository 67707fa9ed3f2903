namespace UpStats.Time.Cli.Tests;

// The `partitions` command-line contract, run on the real tool.
public class PartitionsCommandTest
{
    [Fact]
    public void PartitionsJson_UdemyFallBackDay_PrintsTheMergedHourExactly()
    {
        var result = CliRunner.Run(null, "partitions", "--zone", "America/Los_Angeles", "--from", "2024-11-03", "--to", "2024-11-04", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.StdErr);
        Assert.Equal(24, result.Lines.Length);
        Assert.Equal("{\"key\":\"2024-11-03T00\",\"kind\":\"regular\",\"intervals\":[[\"2024-11-03T07:00:00Z\",\"2024-11-03T08:00:00Z\"]],"
            + "\"sources\":[{\"key\":\"2024-11-03T07\",\"start\":\"2024-11-03T07:00:00Z\",\"end\":\"2024-11-03T08:00:00Z\",\"whole\":true}]}", result.Lines[0]);
        Assert.Equal("{\"key\":\"2024-11-03T01\",\"kind\":\"merged\",\"intervals\":[[\"2024-11-03T08:00:00Z\",\"2024-11-03T10:00:00Z\"]],"
            + "\"sources\":[{\"key\":\"2024-11-03T08\",\"start\":\"2024-11-03T08:00:00Z\",\"end\":\"2024-11-03T09:00:00Z\",\"whole\":true},"
            + "{\"key\":\"2024-11-03T09\",\"start\":\"2024-11-03T09:00:00Z\",\"end\":\"2024-11-03T10:00:00Z\",\"whole\":true}]}", result.Lines[1]);
        Assert.StartsWith("{\"key\":\"2024-11-03T23\",\"kind\":\"regular\",\"intervals\":[[\"2024-11-04T07:00:00Z\"", result.Lines[23], StringComparison.Ordinal);
    }

    [Fact]
    public void PartitionsJson_UdemySpringForwardDay_ListsTheSkippedHour()
    {
        var result = CliRunner.Run(null, "partitions", "--zone", "America/Los_Angeles", "--from", "2024-03-10", "--to", "2024-03-11", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(24, result.Lines.Length);
        Assert.Equal("{\"key\":\"2024-03-10T02\",\"kind\":\"skipped\",\"intervals\":[],\"sources\":[]}", result.Lines[2]);
    }

    [Fact]
    public void PartitionsJson_DayGranularityKolkata_IsPartialWithCutEnds()
    {
        var result = CliRunner.Run(null, "partitions", "--zone", "Asia/Kolkata", "--from", "2024-01-15", "--to", "2024-01-17", "--granularity", "day", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Lines.Length);
        Assert.StartsWith("{\"key\":\"2024-01-15\",\"kind\":\"partial\",\"intervals\":[[\"2024-01-14T18:30:00Z\",\"2024-01-15T18:30:00Z\"]],"
            + "\"sources\":[{\"key\":\"2024-01-14T18\",\"start\":\"2024-01-14T18:30:00Z\",\"end\":\"2024-01-14T19:00:00Z\",\"whole\":false},", result.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Partitions_Table_IsReadable()
    {
        var result = CliRunner.Run(null, "partitions", "--zone", "America/Los_Angeles", "--from", "2024-03-10", "--to", "2024-03-11");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(24, result.Lines.Length);
        Assert.StartsWith("2024-03-10T02  skipped", result.Lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void PartitionsHive_FallBackAtUtc10_PrintsCopiesThenTheMergedRegistration()
    {
        var result = CliRunner.Run(null, "partitions", "--zone", "America/Los_Angeles", "--from", "2024-11-03", "--to", "2024-11-04",
            "--hive", "events_pt", "--location", "s3://bucket/events", "--now", "2024-11-03T10:00:00Z");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("--   all rows of 's3://bucket/events/year=2024/month=11/day=03/hour=09'", result.Lines[3]);
        Assert.Equal("ALTER TABLE events_pt ADD IF NOT EXISTS PARTITION (year='2024', month='11', day='03', hour='01') "
            + "LOCATION 's3://bucket/events/_local/America_Los_Angeles/year=2024/month=11/day=03/hour=01';", result.Lines[4]);
        Assert.Equal("-- 2024-11-03T02 regular: waits until 2024-11-03T11:00:00Z (its last source is not complete).", result.Lines[5]);
    }

    [Fact]
    public void PartitionsTrino_PrintsRegisterPartitionCalls()
    {
        var result = CliRunner.Run(null, "partitions", "--zone", "UTC", "--from", "2024-01-01", "--to", "2024-01-02",
            "--trino", "web.events", "--location", "s3://b/e", "--now", "2024-02-01T00:00:00Z");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(24, result.Lines.Length);
        Assert.All(result.Lines, l => Assert.StartsWith("CALL system.register_partition(schema_name => 'web', table_name => 'events'", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unknown time zone 'Mars/Olympus'", "--zone", "Mars/Olympus", "--from", "2024-01-01", "--to", "2024-01-02")]
    [InlineData("--from: '2024-13-01' is not a date", "--zone", "UTC", "--from", "2024-13-01", "--to", "2024-01-02")]
    [InlineData("--to: 'tomorrow' is not a date", "--zone", "UTC", "--from", "2024-01-01", "--to", "tomorrow")]
    [InlineData("--granularity: 'week' is not a granularity", "--zone", "UTC", "--from", "2024-01-01", "--to", "2024-01-02", "--granularity", "week")]
    [InlineData("must be before --to", "--zone", "UTC", "--from", "2024-01-02", "--to", "2024-01-02")]
    [InlineData("must be before --to", "--zone", "UTC", "--from", "2024-01-03", "--to", "2024-01-02")]
    [InlineData("--zone", "--from", "2024-01-01", "--to", "2024-01-02")]
    [InlineData("--location", "--zone", "UTC", "--from", "2024-01-01", "--to", "2024-01-02", "--hive", "t")]
    [InlineData("--now: 'soon' is not a timestamp", "--zone", "UTC", "--from", "2024-01-01", "--to", "2024-01-02", "--hive", "t", "--location", "s3://b", "--now", "soon")]
    [InlineData("--trino: Trino needs the table as schema.table", "--zone", "UTC", "--from", "2024-01-01", "--to", "2024-01-02", "--trino", "t", "--location", "s3://b")]
    [InlineData("--location only applies with --hive", "--zone", "UTC", "--from", "2024-01-01", "--to", "2024-01-02", "--location", "s3://b")]
    public void Partitions_BadArgument_ExitsTwoWithOneStderrLine(string expected, params string[] args)
    {
        var result = CliRunner.Run(null, ["partitions", .. args]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StdOut);
        var lines = result.StdErr.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StdErr, StringComparison.Ordinal);
    }
}

namespace UpStats.Time.Cli.Tests;

// The `where` command's contract, run on the real tool: the JSON record, the predicate per dialect, usage errors.
public class WhereCommandTest
{
    [Fact]
    public void WhereJson_UdemyPacificDay_IsOneIntervalAnd24WholeHours()
    {
        var result = CliRunner.Run(null, "where", "--zone", "America/Los_Angeles", "--from", "2020-04-09", "--to", "2020-04-10", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.StdErr);
        var line = Assert.Single(result.Lines);
        Assert.StartsWith("{\"intervals\":[[\"2020-04-09T07:00:00Z\",\"2020-04-10T07:00:00Z\"]],\"sources\":[{\"key\":\"2020-04-09T07\",\"whole\":true},", line, StringComparison.Ordinal);
        Assert.EndsWith("{\"key\":\"2020-04-10T06\",\"whole\":true}]}", line, StringComparison.Ordinal);
        Assert.Equal(24, line.Split("\"key\"").Length - 1);
    }

    [Fact]
    public void WhereJson_HalfHourInsideTheRepeatedHour_IsTwoIntervalsOfCutSources()
    {
        var result = CliRunner.Run(null, "where", "--zone", "America/Los_Angeles", "--from", "2024-11-03T01:30", "--to", "2024-11-03T02:00", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "{\"intervals\":[[\"2024-11-03T08:30:00Z\",\"2024-11-03T09:00:00Z\"],[\"2024-11-03T09:30:00Z\",\"2024-11-03T10:00:00Z\"]],"
            + "\"sources\":[{\"key\":\"2024-11-03T08\",\"whole\":false},{\"key\":\"2024-11-03T09\",\"whole\":false}]}", Assert.Single(result.Lines));
    }

    [Fact]
    public void WhereJson_ApiaSkippedDay_IsEmptyAndNoError()
    {
        var result = CliRunner.Run(null, "where", "--zone", "Pacific/Apia", "--from", "2011-12-30", "--to", "2011-12-31", "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.StdErr);
        Assert.Equal("{\"intervals\":[],\"sources\":[]}", Assert.Single(result.Lines));
    }

    [Fact]
    public void WhereDialect_EmptyRange_IsConstantFalse()
    {
        var result = CliRunner.Run(null, "where", "--zone", "Pacific/Apia", "--from", "2011-12-30", "--to", "2011-12-31", "--dialect", "trino", "--time-column", "ts");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("1 = 0", Assert.Single(result.Lines));
    }

    [Theory]
    [InlineData("hive", "`order`")]
    [InlineData("spark", "`order`")]
    [InlineData("trino", "\"order\"")]
    [InlineData("athena", "\"order\"")]
    [InlineData("duckdb", "\"order\"")]
    public void WhereDialect_PacificDay_PartitionsThenTime_ReservedColumnQuoted(string dialect, string quoted) =>
        Assert.Equal(PacificDayPartitions + $"AND ({quoted} >= 1586415600 AND {quoted} < 1586502000)", PacificDayPredicate("--dialect", dialect, "--time-column", "order"));

    [Fact]
    public void WhereDialect_TenYearsInMillisecondsWithIntegerPartitions_StaysShort()
    {
        var result = CliRunner.Run(null, "where", "--zone", "America/Los_Angeles", "--from", "2015-01-01", "--to", "2025-01-01",
            "--dialect", "spark", "--time-column", "ts", "--time-unit", "milliseconds", "--partition-type", "int", "--partition-columns", "y,m,d,h");
        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Lines);
        Assert.True(line.Length < 4000, line);
        Assert.Contains("y = 2015 AND (m > 1 OR m = 1 AND (d > 1 OR d = 1 AND h >= 8))", line, StringComparison.Ordinal);
        Assert.EndsWith("AND (ts >= 1420099200000 AND ts < 1735718400000)", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hive", "timestamp", "TIMESTAMP '2020-04-09 07:00:00'", "TIMESTAMP '2020-04-10 07:00:00'")]
    [InlineData("hive", "timestamptz", "TIMESTAMPLOCALTZ '2020-04-09 07:00:00 UTC'", "TIMESTAMPLOCALTZ '2020-04-10 07:00:00 UTC'")]
    [InlineData("spark", "timestamp", "TIMESTAMP '2020-04-09 07:00:00Z'", "TIMESTAMP '2020-04-10 07:00:00Z'")]
    [InlineData("spark", "TimestampTZ", "TIMESTAMP '2020-04-09 07:00:00Z'", "TIMESTAMP '2020-04-10 07:00:00Z'")]
    [InlineData("trino", "timestamp", "TIMESTAMP '2020-04-09 07:00:00'", "TIMESTAMP '2020-04-10 07:00:00'")]
    [InlineData("trino", "timestamptz", "TIMESTAMP '2020-04-09 07:00:00 UTC'", "TIMESTAMP '2020-04-10 07:00:00 UTC'")]
    [InlineData("athena", "TIMESTAMP", "TIMESTAMP '2020-04-09 07:00:00'", "TIMESTAMP '2020-04-10 07:00:00'")]
    [InlineData("athena", "timestamptz", "TIMESTAMP '2020-04-09 07:00:00 UTC'", "TIMESTAMP '2020-04-10 07:00:00 UTC'")]
    [InlineData("duckdb", "timestamp", "TIMESTAMP '2020-04-09 07:00:00'", "TIMESTAMP '2020-04-10 07:00:00'")]
    [InlineData("duckdb", "timestamptz", "TIMESTAMPTZ '2020-04-09 07:00:00+00'", "TIMESTAMPTZ '2020-04-10 07:00:00+00'")]
    public void WhereDialect_TimestampColumn_BoundsAreTheDialectsLiterals(string dialect, string unit, string start, string end) =>
        Assert.Equal(PacificDayPartitions + $"AND (event_ts >= {start} AND event_ts < {end})",
            PacificDayPredicate("--dialect", dialect, "--time-column", "event_ts", "--time-unit", unit));

    [Fact]
    public void WhereDialect_TenYearsOfZoneAwareTimestamps_StaysShort()
    {
        var result = CliRunner.Run(null, "where", "--zone", "America/Los_Angeles", "--from", "2015-01-01", "--to", "2025-01-01",
            "--dialect", "hive", "--time-column", "ts", "--time-unit", "timestamptz");
        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.Lines);
        Assert.True(line.Length < 4000, line);
        Assert.EndsWith("AND (ts >= TIMESTAMPLOCALTZ '2015-01-01 08:00:00 UTC' AND ts < TIMESTAMPLOCALTZ '2025-01-01 08:00:00 UTC')", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_Table_ShowsIntervalsAndRuns()
    {
        var result = CliRunner.Run(null, "where", "--zone", "Asia/Kolkata", "--from", "2024-01-15", "--to", "2024-01-16");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["interval  [2024-01-14T18:30:00Z, 2024-01-15T18:30:00Z)", "source    2024-01-14T18  cut", "sources   2024-01-14T19 .. 2024-01-15T17  23 whole", "source    2024-01-15T18  cut"],
            result.Lines);
    }

    [Theory]
    [InlineData("--from 2024-01-02 --to 2024-01-01", "--from 2024-01-02T00:00 must be before --to 2024-01-01T00:00")]
    [InlineData("--from 2024-01-01T10:00 --to 2024-01-01T10:00", "must be before")]
    [InlineData("--from 2024-01-01T10 --to 2024-01-02", "--from: '2024-01-01T10' is not a local time")]
    [InlineData("--from 2024-02-30 --to 2024-03-02", "--from: '2024-02-30' is not a date")]
    [InlineData("--from 2024-01-01 --to 9999-12-31T01:00", "--to: 9999-12-31T01:00 is outside")]
    [InlineData("--from 2024-01-01 --to 2024-01-02 --dialect mysql --time-column t", "--dialect: 'mysql' is not a dialect")]
    [InlineData("--from 2024-01-01 --to 2024-01-02 --dialect hive", "--time-column: the event-time column is required")]
    [InlineData("--from 2024-01-01 --to 2024-01-02 --time-column t", "--time-column only applies with --dialect")]
    [InlineData("--from 2024-01-01 --to 2024-01-02 --dialect hive --time-column t --json", "choose one output")]
    [InlineData("--from 2024-01-01 --to 2024-01-02 --dialect hive --time-column t --time-unit hours", "--time-unit: 'hours' is not a unit (use seconds, milliseconds, timestamp or timestamptz).")]
    [InlineData("--from 2024-01-01 --to 2024-01-02 --dialect hive --time-column t --time-unit timestamp_ntz", "--time-unit: 'timestamp_ntz' is not a unit")]
    [InlineData("--from 2024-01-01 --to 2024-01-02 --time-unit timestamp", "--time-unit only applies with --dialect")]
    [InlineData("--from 2024-01-01 --to 2024-01-02 --dialect hive --time-column t --partition-type long", "--partition-type: 'long' is not a type")]
    [InlineData("--from 2024-01-01 --to 2024-01-02 --dialect hive --time-column t --partition-columns a,b", "--partition-columns: The source layout")]
    [InlineData("--from 2024-01-01 --to 2024-01-02 --dialect hive --time-column t.", "--time-column: The table name t. has an empty part")]
    public void Where_BadArguments_OneLineAndExit2(string arguments, string expected)
    {
        var result = CliRunner.Run(null, ["where", "--zone", "Europe/Berlin", .. arguments.Split(' ')]);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StdOut);
        Assert.Contains(expected, result.StdErr, StringComparison.Ordinal);
        Assert.Single(result.StdErr.TrimEnd('\n').Split('\n'));
    }

    private const string PacificDayPartitions = "(year = '2020' AND month = '04' AND (day = '09' AND hour >= '07' OR day = '10' AND hour <= '06')) ";

    /// <summary>The predicate `where` prints for 2020-04-09 in Pacific Time with <paramref name="options"/>, checked to be its only output.</summary>
    private static string PacificDayPredicate(params string[] options)
    {
        var result = CliRunner.Run(null, ["where", "--zone", "America/Los_Angeles", "--from", "2020-04-09", "--to", "2020-04-10", .. options]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.StdErr);
        return Assert.Single(result.Lines);
    }
}

namespace HiveTimeZoneView.Tests;

// The sample's core end to end on DuckDB: the PT view around both 2024 transitions, and an odd zone.
public sealed class ViewCheckTest : IDisposable
{
    private readonly string _workDir = Path.Combine(Path.GetTempPath(), "hive-tz-view-test-" + Guid.NewGuid().ToString("N"));

    public ViewCheckTest() => Directory.CreateDirectory(_workDir);

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    [Fact]
    public void Run_UdemyLosAngelesBothTransitionDays_AllChecksHold()
    {
        var log = new StringWriter();
        var report = ViewCheck.Run(DateTimeZoneProviders.Tzdb["America/Los_Angeles"],
            [(new LocalDate(2024, 3, 10), new LocalDate(2024, 3, 11)), (new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 4))], _workDir, seed: 7, log);
        Assert.True(report.Success, log.ToString());
        Assert.Contains("skipped labels have no partition: 2024-03-10T02", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("copied into 1 merged/partial folders", log.ToString(), StringComparison.Ordinal);
        Assert.True(report.Checks.Count >= 9);
        // The plan file it names is there, and the log says it only outlives the run with --keep.
        Assert.True(File.Exists(Path.Combine(_workDir, "plan.sql")));
        Assert.Contains("plan.sql (deleted at the end unless --keep is given)", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LordHoweHalfHourFallBack_AllChecksHold()
    {
        var log = new StringWriter();
        var report = ViewCheck.Run(DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"],
            [(new LocalDate(2024, 4, 7), new LocalDate(2024, 4, 8))], _workDir, seed: 11, log);
        Assert.True(report.Success, log.ToString());
        Assert.Contains("[ok] the only copies are the materialised partitions' rows", log.ToString(), StringComparison.Ordinal);
    }
}

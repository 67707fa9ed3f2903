namespace StorageIngestion.Tests;

// The sample end to end: a bucket on local disk, one-minute tasks, every file once by the right task.
public sealed class IngestionCheckTest : IDisposable
{
    private readonly string _workDir = Path.Combine(Path.GetTempPath(), "storage-ingestion-test-" + Guid.NewGuid().ToString("N"));

    public IngestionCheckTest() => Directory.CreateDirectory(_workDir);

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    [Theory]
    [InlineData(2024)]
    [InlineData(7)]
    public void Run_PacificFallBackNight_EveryFileOnceByTheTaskOfItsEventTime(int seed)
    {
        var log = new StringWriter();

        var report = IngestionCheck.Run(_workDir, seed, log);

        Assert.True(report.Success, log.ToString());
        Assert.Equal(5, report.Checks.Count);
        Assert.Contains("180 one-minute tasks", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SpringForwardNight_AllChecksHoldExceptTheRepeatedHour()
    {
        var log = new StringWriter();

        var report = IngestionCheck.Run(_workDir, 3, log, Instant.FromUtc(2024, 3, 10, 9, 0), Instant.FromUtc(2024, 3, 10, 11, 0));

        // That night has no repeated hour, so only the check about it fails: the others must hold.
        Assert.Equal([true, true, true, true, false], report.Checks.Select(c => c.Held));
    }
}

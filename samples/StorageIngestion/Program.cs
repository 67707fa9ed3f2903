using StorageIngestion;

// dotnet run -c Release --project samples/StorageIngestion -- [--keep]
// Writes a bucket (a folder tree on local disk) in Kafka Connect's and Upsolver's layouts, runs the one-minute
// ingestion tasks of the Pacific fall-back night and exits 0 only when every file was ingested exactly once, by the
// task whose minute holds its event time.
bool keep = args is ["--keep"];
if (args.Length > 0 && !keep)
{
    Console.Error.WriteLine($"unknown argument '{args[0]}' (use --keep to keep the bucket)");
    return 2;
}
string workDir = Path.Combine(Path.GetTempPath(), $"storage-ingestion-{Environment.ProcessId}");
Directory.CreateDirectory(workDir);
try
{
    var report = IngestionCheck.Run(workDir, seed: 2024, Console.Out);
    Console.WriteLine(report.Success ? "all checks hold" : "CHECKS FAILED");
    return report.Success ? 0 : 1;
}
finally
{
    if (keep)
    {
        Console.WriteLine($"kept {workDir}");
    }
    else
    {
        Directory.Delete(workDir, recursive: true);
    }
}

using BenchmarkDotNet.Running;
using UpStats.Time.Benchmarks.Parsing;

// Run one table:   dotnet run -c Release --project benchmarks/UpStats.Time.Benchmarks -- --filter '*Parse*'
// Run everything:  dotnet run -c Release --project benchmarks/UpStats.Time.Benchmarks -- --filter '*'
// Tables land in BenchmarkDotNet.Artifacts/results; copy the ones you report to benchmarks/results/.
// On a machine too loaded for wall-clock times: dotnet run -c Release -- cputime ParseColumnBenchmarks 30
if (args is ["cputime", var className, ..])
{
    CpuTimeRun.Run(className, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20, args.Length > 3 ? args[3] : null);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

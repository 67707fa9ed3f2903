using BenchmarkDotNet.Running;

// Run one table:   dotnet run -c Release --project benchmarks/UpStats.Time.Benchmarks -- --filter '*Parse*'
// Run everything:  dotnet run -c Release --project benchmarks/UpStats.Time.Benchmarks -- --filter '*'
// Tables land in BenchmarkDotNet.Artifacts/results; copy the ones you report to benchmarks/results/.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

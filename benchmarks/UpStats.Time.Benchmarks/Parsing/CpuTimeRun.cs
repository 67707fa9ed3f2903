using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace UpStats.Time.Benchmarks.Parsing;

/// <summary>
/// A rough second opinion for a machine too loaded for wall-clock timing (load average above its core count):
/// runs each [Benchmark] method of a class several times and reports the best <em>CPU</em> time of this process
/// per operation, which time spent waiting for a core does not inflate (and the best wall time, for parallel code). Not a BenchmarkDotNet result: no
/// statistics, and caches shared with other processes still cost. <c>dotnet run -c Release -- cputime CLASS [RUNS [METHOD]]</c>.
/// </summary>
internal static class CpuTimeRun
{
    public static void Run(string className, int runs, string? methodName = null)
    {
        var type = typeof(CpuTimeRun).Assembly.GetTypes().Single(t => t.Name == className);
        object instance = Activator.CreateInstance(type)!;
        type.GetMethods().Single(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null).Invoke(instance, null);
        using var process = Process.GetCurrentProcess();
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null && (methodName is null || m.Name == methodName)))
        {
            int operations = method.GetCustomAttribute<BenchmarkAttribute>()!.OperationsPerInvoke;
            double best = double.MaxValue, bestWall = double.MaxValue;
            for (int run = 0; run < runs; run++)
            {
                process.Refresh();
                var before = process.TotalProcessorTime;
                long started = Stopwatch.GetTimestamp();
                method.Invoke(instance, null);
                bestWall = Math.Min(bestWall, Stopwatch.GetElapsedTime(started).TotalNanoseconds / operations);
                process.Refresh();
                best = Math.Min(best, (process.TotalProcessorTime - before).TotalNanoseconds / operations);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{method.Name,-32} {best,8:F2} ns/op CPU {bestWall,8:F2} ns/op wall (best of {runs})"));
        }
    }
}

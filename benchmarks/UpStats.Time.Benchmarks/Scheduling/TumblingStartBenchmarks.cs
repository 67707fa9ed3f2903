using BenchmarkDotNet.Attributes;
using NodaTime;
using UpStats.Time.Scheduling.Windows;

namespace UpStats.Time.Benchmarks.Scheduling;

/// <summary>
/// "Tumbling start of t" for 30-day windows aligned to 2022-01-01, over instants from 1900 to 2100: the library
/// against the NodaTime arithmetic a user would write (elapsed duration since the origin, floored, multiplied back).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class TumblingStartBenchmarks
{
    private const int Probes = 1024;
    private static readonly Instant Origin = Instant.FromUtc(2022, 1, 1, 0, 0);
    private static readonly Duration Size = Duration.FromDays(30);
    private static readonly Duration Offset = Origin - NodaConstants.UnixEpoch;
    private Instant[] _probes = [];
    private long[] _probeTicks = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _probes = Enumerable.Range(0, Probes)
            .Select(_ => Instant.FromUtc(1900, 1, 1, 0, 0) + Duration.FromSeconds(random.NextInt64(200L * 365 * 86_400)))
            .ToArray();
        _probeTicks = _probes.Select(p => p.ToUnixTimeTicks()).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Probes)]
    public long NodaTimeArithmetic()
    {
        long sum = 0;
        foreach (var t in _probes)
        {
            var elapsed = t - Origin;
            var windows = Math.Floor(elapsed.TotalTicks / Size.TotalTicks);
            sum += (Origin + Size * windows).ToUnixTimeTicks();
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Probes)]
    public long WindowMathTumblingStart()
    {
        long sum = 0;
        foreach (var t in _probes)
        {
            sum += WindowMath.TumblingStart(t, Size, Offset).ToUnixTimeTicks();
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Probes)]
    public long TumblingStartTicks()
    {
        long sum = 0;
        long size = Size.BclCompatibleTicks, offset = Offset.BclCompatibleTicks;
        foreach (var t in _probeTicks)
        {
            sum += WindowMath.TumblingStartTicks(t, size, offset);
        }
        return sum;
    }
}

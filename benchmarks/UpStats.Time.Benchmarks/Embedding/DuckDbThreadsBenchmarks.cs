using BenchmarkDotNet.Attributes;

namespace UpStats.Time.Benchmarks.Embedding;

/// <summary>
/// How the SQL functions scale with DuckDB's threads (1 and the machine's cores), next to DuckDB's own cast: the
/// same 1,000,000 values as <see cref="DuckDbFunctionBenchmarks"/>, times per value. Baseline: one thread.
/// </summary>
[MemoryDiagnoser]
[MaxIterationCount(20)]
public class DuckDbThreadsBenchmarks
{
    private DuckDbSession _db = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _db = new DuckDbSession(Threads);

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = DuckDbSession.Rows)]
    public long DuckDbCastToTimestamptz() => _db.Long("SELECT sum(epoch(s::TIMESTAMPTZ))::BIGINT FROM v");

    [Benchmark(OperationsPerInvoke = DuckDbSession.Rows)]
    public long UpStatsEpoch() => _db.Long("SELECT sum(upstats_epoch(s))::BIGINT FROM v");

    // Without the distinct count (whose string hash table is DuckDB's own work), to see the function itself scale.
    [Benchmark(OperationsPerInvoke = DuckDbSession.Rows)]
    public long UpStatsLocalKeyLengths() => _db.Long("SELECT sum(length(upstats_local_key(t, 'America/Los_Angeles', 'hour')))::BIGINT FROM e");

    [Benchmark(OperationsPerInvoke = DuckDbSession.Rows)]
    public long DuckDbStrftimeLengths() => _db.Long("SELECT sum(length(strftime(timezone('America/Los_Angeles', to_timestamp(t)), '%Y-%m-%dT%H')))::BIGINT FROM e");

    [Benchmark(OperationsPerInvoke = DuckDbSession.Rows)]
    public long UpStatsLocalKey() => _db.Long("SELECT count(DISTINCT upstats_local_key(t, 'America/Los_Angeles', 'hour')) FROM e");
}

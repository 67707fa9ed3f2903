using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using UpStats.Time.Benchmarks.Parsing;
using UpStats.Time.Parsing;

namespace UpStats.Time.Benchmarks.Embedding;

/// <summary>
/// The UpStats.Time SQL functions against DuckDB's own on one DuckDB thread (<c>SET threads = 1</c>), over the
/// parsing benchmarks' 1,000,000 <c>…+hhmm</c> values; times are per value, the whole query included.
/// Parse: <c>sum(upstats_epoch(s))</c> vs <c>sum(epoch(s::TIMESTAMPTZ))</c> (goal: no slower; moonshot 2x).
/// LocalKey: <c>count(DISTINCT upstats_local_key(t, zone, 'hour'))</c> vs
/// <c>count(DISTINCT strftime(timezone(zone, to_timestamp(t)), '%Y-%m-%dT%H'))</c> (goal: 2x).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MaxIterationCount(20)]
public class DuckDbFunctionBenchmarks
{
    private DuckDbSession _db = null!;

    [GlobalSetup]
    public void Setup()
    {
        _db = new DuckDbSession(threads: 1);
        // A fast wrong answer is not a result: the SQL sum is the library's, and both key functions agree on the hours.
        var lines = Encoding.UTF8.GetBytes(string.Concat(TimestampSamples.Strings(DuckDbSession.Rows, "uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HHmm>").Select(s => s + "\n")));
        var seconds = new long[DuckDbSession.Rows];
        OffsetTimestampColumn.ParseEpochSeconds(lines, seconds, new RowError[DuckDbSession.Rows]);
        TimestampSamples.Check(nameof(UpStatsEpoch), seconds.Sum(), UpStatsEpoch());
        TimestampSamples.Check(nameof(UpStatsLocalKey), DuckDbStrftimeTimezone(), UpStatsLocalKey());
    }

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = DuckDbSession.Rows)]
    [BenchmarkCategory("Parse")]
    public long DuckDbCastToTimestamptz() => _db.Long("SELECT sum(epoch(s::TIMESTAMPTZ))::BIGINT FROM v");

    [Benchmark(OperationsPerInvoke = DuckDbSession.Rows)]
    [BenchmarkCategory("Parse")]
    public long UpStatsEpoch() => _db.Long("SELECT sum(upstats_epoch(s))::BIGINT FROM v");

    [Benchmark(Baseline = true, OperationsPerInvoke = DuckDbSession.Rows)]
    [BenchmarkCategory("LocalKey")]
    public long DuckDbStrftimeTimezone() =>
        _db.Long("SELECT count(DISTINCT strftime(timezone('America/Los_Angeles', to_timestamp(t)), '%Y-%m-%dT%H')) FROM e");

    [Benchmark(OperationsPerInvoke = DuckDbSession.Rows)]
    [BenchmarkCategory("LocalKey")]
    public long UpStatsLocalKey() => _db.Long("SELECT count(DISTINCT upstats_local_key(t, 'America/Los_Angeles', 'hour')) FROM e");
}

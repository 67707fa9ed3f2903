using System.Text;
using BenchmarkDotNet.Attributes;
using DuckDB.NET.Data;
using UpStats.Time.Parsing;

namespace UpStats.Time.Benchmarks.Parsing;

/// <summary>
/// The same 1,000,000 UpStats-shaped values summed as epoch seconds: by the column parser from UTF-8 lines, and by
/// DuckDB's cast on one thread (<c>SET threads = 1; SELECT sum(epoch(s::TIMESTAMPTZ)) FROM t</c>, the values in
/// an in-memory VARCHAR table). Times per value. DuckDB's time includes its query overhead (planning, the scan of
/// its own storage), which over 1M rows is small; the parser's includes the sum.
/// </summary>
[MemoryDiagnoser]
[MaxIterationCount(30)]
public class ParseColumnVsDuckDbBenchmarks
{
    private const int Rows = 1_000_000;
    private byte[] _lines = [];
    private readonly long[] _destination = new long[Rows];
    private readonly RowError[] _errors = new RowError[Rows];
    private DuckDBConnection? _duckDb;

    [GlobalSetup]
    public void Setup()
    {
        string[] values = TimestampSamples.Strings(Rows, "uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HHmm>");
        _lines = Encoding.UTF8.GetBytes(string.Concat(values.Select(s => s + "\n")));
        _duckDb = new DuckDBConnection("DataSource=:memory:");
        _duckDb.Open();
        Execute("SET threads = 1");
        Execute("CREATE TABLE t (s VARCHAR)");
        using (var appender = _duckDb.CreateAppender("t"))
        {
            foreach (string value in values)
            {
                appender.CreateRow().AppendValue(value).EndRow();
            }
        }
        TimestampSamples.Check(nameof(DuckDbCast), ColumnFromUtf8Lines(), DuckDbCast());
    }

    [GlobalCleanup]
    public void Cleanup() => _duckDb?.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public long ColumnFromUtf8Lines()
    {
        OffsetTimestampColumn.ParseEpochSeconds(_lines, _destination, _errors);
        long sum = 0;
        foreach (long v in _destination)
        {
            sum += v;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public long DuckDbCast()
    {
        using var command = _duckDb!.CreateCommand();
        command.CommandText = "SELECT CAST(sum(epoch(s::TIMESTAMPTZ)) AS BIGINT) FROM t";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Execute(string sql)
    {
        using var command = _duckDb!.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

using DuckDB.NET.Data;
using UpStats.Time.Benchmarks.Parsing;
using UpStats.Time.DuckDB;

namespace UpStats.Time.Benchmarks.Embedding;

/// <summary>
/// An in-memory DuckDB with the UpStats.Time functions and the parsing benchmarks' 1,000,000 values: table
/// <c>v(s VARCHAR)</c> of <c>2015-10-11T00:26:51+0100</c>-shaped texts and table <c>e(t BIGINT)</c> of their epoch seconds.
/// </summary>
internal sealed class DuckDbSession : IDisposable
{
    public const int Rows = 1_000_000;

    public DuckDbSession(int threads)
    {
        Connection = new DuckDBConnection("DataSource=:memory:");
        Connection.Open();
        Connection.RegisterUpStatsFunctions();
        Execute($"SET threads = {threads}");
        Execute("CREATE TABLE v(s VARCHAR)");
        using (var appender = Connection.CreateAppender("v"))
        {
            foreach (var s in TimestampSamples.Strings(Rows, "uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HHmm>"))
            {
                appender.CreateRow().AppendValue(s).EndRow();
            }
        }
        Execute("CREATE TABLE e AS SELECT upstats_epoch(s) AS t FROM v");
    }

    public DuckDBConnection Connection { get; }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public long Long(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => Connection.Dispose();
}

using DuckDB.NET.Data;

namespace UpStats.Time.DuckDB.Tests;

/// <summary>Registration, and the functions under DuckDB's threads (the same results as one thread).</summary>
public class UpStatsFunctionsTest
{
    [Fact]
    public void RegisterUpStatsFunctions_ClosedConnection_Throws()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        Assert.Throws<InvalidOperationException>(connection.RegisterUpStatsFunctions);
    }

    [Fact]
    public void RegisterUpStatsFunctions_Twice_IsHarmless()
    {
        using var db = new Db();
        db.Connection.RegisterUpStatsFunctions();   // DuckDB accepts the same signatures again
        Assert.Equal(1444519611L, db.Scalar("SELECT upstats_epoch('2015-10-11T00:26:51+0100')"));
    }

    [Fact]
    public void RegisterUpStatsFunctions_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => UpStatsFunctions.RegisterUpStatsFunctions(null!));

    [Fact]
    public void Functions_OnFourThreads_GiveTheSingleThreadedResults()
    {
        const string Query = """
            SELECT upstats_local_key(upstats_epoch(s), 'America/Los_Angeles', 'hour') AS k,
                   count(*), sum(upstats_epoch(s)), count(upstats_parse_error(s)),
                   sum(upstats_task_start(upstats_epoch(s), '15m', '2020-01-01T00:00:00Z', 'Europe/Berlin'))
            FROM t GROUP BY k ORDER BY k
            """;
        const string Load = """
            CREATE TABLE t AS
            SELECT CASE WHEN i % 97 = 0 THEN 'broken ' || i
                        ELSE strftime(TIMESTAMP '2024-01-01' + to_seconds(i * 37), '%Y-%m-%dT%H:%M:%S') || '+0100' END AS s
            FROM range(300000) r(i)
            """;
        using var one = new Db(threads: 1);
        using var four = new Db(threads: 4);
        one.Execute(Load);
        four.Execute(Load);
        var expected = one.Rows(Query);
        var actual = four.Rows(Query);
        Assert.True(expected.Count > 100);
        Assert.Equal(expected.Select(r => string.Join("|", r)), actual.Select(r => string.Join("|", r)));
    }
}

namespace UpStats.Lake.Tests;

public class PostgresAvailabilityTest
{
    // The lake tests run against PostgreSQL whenever UPSTATS_PG is set, and always in CI. This test is the
    // visible marker: skipped with the reason on a machine without a server, run (and green) everywhere else.
    [PostgresFact]
    public void PostgreSql_ServerFromUpstatsPg_Answers()
    {
        using var lake = TestLake.Create(TestLake.Postgres);
        using var database = lake.Open();
        Assert.Equal("postgresql", database.Engine.Name);
        Assert.Equal(0, database.HighWaterMark());
    }
}

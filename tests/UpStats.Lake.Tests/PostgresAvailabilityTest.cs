namespace UpStats.Lake.Tests;

public class PostgresAvailabilityTest
{
    // The lake tests run against every engine in TestLake.Engines: SQLite always, PostgreSQL whenever
    // UPSTATS_PG is set and always in CI (where a missing server fails the test instead of hiding it).
    [Fact]
    public void Engines_InCi_IncludePostgreSql()
    {
        var engines = ((IEnumerable<object[]>)TestLake.Engines).Select(row => (string)row[0]).ToList();
        Assert.Contains(TestLake.Sqlite, engines);
        Assert.Equal(PostgresAvailability.ShouldRun, engines.Contains(TestLake.Postgres));
        if (PostgresAvailability.InCi)
        {
            Assert.Contains(TestLake.Postgres, engines);
        }
    }

    [Theory]
    [MemberData(nameof(TestLake.Engines), MemberType = typeof(TestLake))]
    public void Engine_FreshStore_AnswersWithItsNameAndNoRows(string engine)
    {
        using var lake = TestLake.Create(engine);
        using var database = lake.Open();
        Assert.Equal(engine == TestLake.Postgres ? "postgresql" : "sqlite", database.Engine.Name);
        Assert.Equal(0, database.HighWaterMark());
    }
}

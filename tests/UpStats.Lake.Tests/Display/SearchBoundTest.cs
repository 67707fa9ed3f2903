using UpStats.Lake.Display;
using UpStats.Lake.Store;

namespace UpStats.Lake.Tests.Display;

public class SearchBoundTest
{
    public static TheoryData<string> Engines => TestLake.Engines;

    [Fact]
    public void MoveForward_SeenDates_BoundIsTheNewestAndNeverMovesBack()
    {
        Assert.Null(SearchBound.MoveForward(null, []));
        Assert.Equal(30, SearchBound.MoveForward(null, [10, 30, 20]));
        Assert.Equal(50, SearchBound.MoveForward(50, [10, 30]));
        Assert.False(SearchBound.IsNewer(30, 30));
        Assert.True(SearchBound.IsNewer(30, 31));
        Assert.Equal("&created_after=2015-10-10T23:26:51Z", SearchBound.QueryParameter(1444519611));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void JobsCreatedAfter_ReaderMark_ReturnsOnlyJobsNewerThanWhatItSaw(string engine)
    {
        using var lake = TestLake.Create(engine);
        using var database = lake.Open();
        using (var writer = new RawStoreWriter(database))
        {
            // The same instant written in two offsets must count once as "seen" (the bound is UTC).
            writer.Store("""{"jobs":[{"id":"~1","date_created":"2015-10-11T00:26:51+0100"},{"id":"~2","date_created":"2015-10-10T18:26:51-0500"}]}"""u8, "q=a", 1);
            writer.Store("""{"jobs":[{"id":"~3","date_created":"2015-10-11T00:26:52+0100"},{"id":"~bad","date_created":"n/a"}]}"""u8, "q=a", 2);
        }
        new UpStats.Lake.Migration.JobMigration(database).Run(UpStats.Lake.Migration.SilentProgress.Instance);

        Assert.Equal(["~1", "~2", "~3"], database.JobsCreatedAfter(null, 10).Select(j => j.JobId));
        Assert.Null(database.ReaderMark("bot"));
        database.MoveReaderMark("bot", 1444519611);
        Assert.Equal(["~3"], database.JobsCreatedAfter(database.ReaderMark("bot"), 10).Select(j => j.JobId));
        database.MoveReaderMark("bot", 1444519612);
        Assert.Empty(database.JobsCreatedAfter(database.ReaderMark("bot"), 10));
        database.MoveReaderMark("bot", 5); // never back
        Assert.Equal(1444519612, database.ReaderMark("bot"));
        Assert.Null(database.ReaderMark("someone-else"));
    }
}

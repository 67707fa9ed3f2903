using System.Text;
using UpStats.Lake.Store;

namespace UpStats.Lake.Tests.Store;

public class LogCheckpointTest
{
    public static TheoryData<string> Engines => TestLake.Engines;

    [Fact]
    public void CheckpointLog_CommittedRowsInSqliteLog_ReachTheDatabaseFileWhileTheWriterStaysOpen()
    {
        // The migration's reader checkpoints the log from its own connection while the writer merges: the
        // committed pages must reach the database file then, not only when the last connection closes.
        using var lake = TestLake.Create(TestLake.Sqlite);
        using var writer = lake.Open();
        var file = new FileInfo(lake.Location.Value);
        file.Refresh();
        var before = file.Length;
        using (var store = new RawStoreWriter(writer))
        {
            for (var i = 0; i < 200; i++)
            {
                store.Store(Encoding.UTF8.GetBytes($$"""{"jobs":[{"id":"~01{{i}}","date_created":"2015-10-11T00:26:51+0100","note":"{{new string('x', 2000 + i)}}"}]}"""), "q=a", i);
            }
        }
        file.Refresh();
        Assert.Equal(before, file.Length); // still only in the log: the writer's connection is open

        using (var reader = writer.OpenAnotherConnection())
        {
            reader.CheckpointLog();
        }

        file.Refresh();
        Assert.True(file.Length > before + 200 * 1000, $"{before} -> {file.Length} bytes");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void CheckpointLog_AnyEngine_KeepsEveryRow(string engine)
    {
        using var lake = TestLake.Create(engine);
        using var database = lake.Open();
        using (var store = new RawStoreWriter(database))
        {
            store.Store("""{"jobs":[]}"""u8, "q=a", 1);
        }

        database.CheckpointLog();

        Assert.Equal(1, database.RawRowCount());
    }
}

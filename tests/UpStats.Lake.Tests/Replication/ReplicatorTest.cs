using UpStats.Lake.Commands;
using UpStats.Lake.Migration;
using UpStats.Lake.Replication;

namespace UpStats.Lake.Tests.Replication;

public class ReplicatorTest
{
    public static TheoryData<string, string> EnginePairs
    {
        get
        {
            var pairs = new TheoryData<string, string>();
            foreach (var from in TestLake.Engines)
            {
                foreach (var to in TestLake.Engines)
                {
                    pairs.Add(from, to);
                }
            }
            return pairs;
        }
    }

    [Theory]
    [MemberData(nameof(EnginePairs))]
    public void CopyNewRows_SecondRun_CopiesAndMigratesOnlyRowsAboveHighWaterMark(string sourceEngine, string targetEngine)
    {
        using var sourceLake = TestLake.Create(sourceEngine);
        using var targetLake = TestLake.Create(targetEngine);
        using var source = sourceLake.Open();
        using var target = targetLake.Open();
        GenerateCommand.Generate(source, 400, seed: 9);

        var first = Replicator.CopyNewRows(source, target, chunkSize: 64);
        var firstTotals = new JobMigration(target, 64).Run(SilentProgress.Instance);
        Assert.Equal((400L, 0L, 400L), first);
        Assert.Equal(400, firstTotals.RawRows);

        // The source grows (the same sequence continues); the target takes only ids 401–700.
        GenerateCommand.Generate(source, 700, seed: 9);
        var progress = new Migration.RecordingProgress();
        var second = Replicator.CopyNewRows(source, target, chunkSize: 64);
        var secondTotals = new JobMigration(target, 64).Run(progress);

        Assert.Equal((300L, 400L, 700L), second);
        Assert.Equal(300, progress.PendingAtStart);
        Assert.Equal(401, progress.Chunks[0].FirstRawId);
        Assert.Equal(300, progress.Chunks.Sum(c => c.RawRows));
        Assert.Equal(700, secondTotals.LastRawId);
        // Row for row the same raw store, and the same jobs as migrating the source in one go.
        Assert.Equal(source.ReadRawRows(0, 1000), target.ReadRawRows(0, 1000), RawRowComparer.Instance);
        var sourceTotals = new JobMigration(source, 1000).Run(SilentProgress.Instance);
        Assert.Equal(source.AllJobs(), target.AllJobs());
        Assert.Equal(sourceTotals, secondTotals);

        // Nothing new: nothing copied, nothing migrated.
        Assert.Equal((0L, 700L, 700L), Replicator.CopyNewRows(source, target, chunkSize: 64));
    }

    private sealed class RawRowComparer : IEqualityComparer<UpStats.Lake.Store.RawRow>
    {
        public static RawRowComparer Instance { get; } = new();

        public bool Equals(UpStats.Lake.Store.RawRow? x, UpStats.Lake.Store.RawRow? y) =>
            x is not null && y is not null && x.Id == y.Id && x.AddedTime == y.AddedTime && x.Sha == y.Sha && x.Query == y.Query && x.Data.AsSpan().SequenceEqual(y.Data);

        public int GetHashCode(UpStats.Lake.Store.RawRow obj) => obj.Id.GetHashCode();
    }
}

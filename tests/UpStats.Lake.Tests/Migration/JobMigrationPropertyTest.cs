using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Lake.Migration;

namespace UpStats.Lake.Tests.Migration;

/// <summary>
/// The migration's contract as a property (SQLite, the engine every developer has): for any store, chunk
/// size, chunks per transaction and pair of crash points (before or after a commit), crashing and re-running until done gives the
/// table a direct parse of every generated value gives, and the same totals as one clean run.
/// </summary>
public class JobMigrationPropertyTest
{
    private static readonly Gen<(int Seed, int Chunk, int ChunksPerCommit, int FirstCrash, bool FirstBeforeCommit, int SecondCrash, bool SecondBeforeCommit)> Cases =
        from seed in Gen.Choose(1, 100_000)
        from chunk in Gen.Choose(1, 90)
        from chunksPerCommit in Gen.Choose(1, 4)
        from first in Gen.Choose(1, 6)
        from firstBefore in Gen.Elements(true, false)
        from second in Gen.Choose(1, 6)
        from secondBefore in Gen.Elements(true, false)
        select (seed, chunk, chunksPerCommit, first, firstBefore, second, secondBefore);

    [Property(MaxTest = 12)]
    public Property Run_AnyChunkSizeAndCrashPoints_EqualsDirectParseAndCleanTotals() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            using var lake = TestLake.Create(TestLake.Sqlite);
            using var database = lake.Open();
            var responses = LakeFill.Generate(database, rows: 240, seed: c.Seed, malformed: 0.05);
            (int Chunk, bool Before)[] crashes = [(c.FirstCrash, c.FirstBeforeCommit), (c.SecondCrash, c.SecondBeforeCommit)];
            var crashed = 0;
            MigrationTotals totals;
            while (true)
            {
                var (at, before) = crashed < crashes.Length ? crashes[crashed] : (int.MaxValue, true);
                var migration = before
                    ? new JobMigration(database, c.Chunk, c.ChunksPerCommit) { BeforeCommit = n => CrashAt(n, at) }
                    : new JobMigration(database, c.Chunk, c.ChunksPerCommit) { AfterCommit = n => CrashAt(n, at) };
                try
                {
                    totals = migration.Run(SilentProgress.Instance);
                    break;
                }
                catch (SimulatedCrash)
                {
                    crashed++;
                }
            }
            var expected = LakeFill.ExpectedJobs(responses);
            var actual = database.AllJobs();

            using var cleanLake = TestLake.Create(TestLake.Sqlite);
            using var clean = cleanLake.Open();
            LakeFill.Generate(clean, rows: 240, seed: c.Seed, malformed: 0.05);
            var cleanTotals = new JobMigration(clean, 1000).Run(SilentProgress.Instance);

            return (expected.SequenceEqual(actual) && totals == cleanTotals)
                .Label($"seed {c.Seed}, chunk {c.Chunk} × {c.ChunksPerCommit} per commit, crashes {crashed}: {actual.Count} jobs vs {expected.Count} expected; totals {totals} vs {cleanTotals}");
        });

    private static readonly Gen<(int Seed, int[] Runs, int Chunk, int ChunksPerCommit, bool[] CrashMerge)> GrowingLakes =
        from seed in Gen.Choose(1, 100_000)
        from runs in Gen.Choose(1, 4).SelectMany(n => Gen.Choose(0, 120).ArrayOf(n))
        from chunk in Gen.Choose(1, 60)
        from chunksPerCommit in Gen.Choose(1, 4)
        from crashMerge in Gen.Elements(true, false, false).ArrayOf(4)
        select (seed, runs, chunk, chunksPerCommit, crashMerge);

    /// <summary>
    /// The staged merge against the rule it implements, across runs: the crawler adds raw rows between
    /// migrations (so later merges meet ids already in <c>jobs</c>), and a merge may crash before its
    /// commit (the next run merges again). The table is always the first job of each id, parsed directly;
    /// the totals count every job value once.
    /// </summary>
    [Property(MaxTest = 12)]
    public Property Run_GrowingLakeWithMergeCrashes_EqualsFirstOfEachIdParsedDirectly() =>
        Prop.ForAll(Arb.From(GrowingLakes), c =>
        {
            using var lake = TestLake.Create(TestLake.Sqlite);
            using var database = lake.Open();
            var generator = new UpStats.Lake.Generation.ResponseGenerator(c.Seed) { MalformedProbability = 0.05 };
            var responses = new List<UpStats.Lake.Generation.GeneratedResponse>();
            MigrationTotals totals = MigrationTotals.None;
            var mergesCrashed = 0;
            for (var run = 0; run < c.Runs.Length; run++)
            {
                using (var writer = new UpStats.Lake.Store.RawStoreWriter(database, batchSize: 50))
                {
                    for (var i = 0; i < c.Runs[run]; i++)
                    {
                        var response = generator.Next();
                        writer.Store(response.Json, response.Query, response.AddedTime);
                        responses.Add(response);
                    }
                }
                if (c.CrashMerge[run])
                {
                    try
                    {
                        new JobMigration(database, c.Chunk, c.ChunksPerCommit) { BeforeMergeCommit = () => throw new SimulatedCrash() }.Run(SilentProgress.Instance);
                    }
                    catch (SimulatedCrash)
                    {
                        mergesCrashed++;
                    }
                }
                totals = new JobMigration(database, c.Chunk, c.ChunksPerCommit).Run(SilentProgress.Instance);
            }
            var expected = LakeFill.ExpectedJobs(responses);
            var actual = database.AllJobs();
            var duplicateRowJobs = database.ReadRawRows(0, responses.Count + 1).Where(r => r.IsDuplicate).Sum(r => responses[(int)r.Id - 1].Jobs.Count);
            var allValues = responses.Sum(r => r.Jobs.Count) - duplicateRowJobs;
            return (expected.SequenceEqual(actual)
                    && totals.Jobs == expected.Count
                    && totals.FailedJobs == expected.Count(j => j.Error is not null)
                    && totals.Jobs + totals.RepeatedJobs == allValues
                    && totals.RawRows == responses.Count)
                .Label($"seed {c.Seed}, runs [{string.Join(",", c.Runs)}], chunk {c.Chunk} × {c.ChunksPerCommit}, merges crashed {mergesCrashed}: {actual.Count} jobs vs {expected.Count}; totals {totals}");
        });

    private static void CrashAt(int chunk, int at)
    {
        if (chunk >= at) // with several chunks per transaction, the first commit at or after chunk "at"
        {
            throw new SimulatedCrash();
        }
    }

    private sealed class SimulatedCrash : Exception;
}

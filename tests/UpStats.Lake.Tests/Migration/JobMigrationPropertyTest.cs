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

    private static void CrashAt(int chunk, int at)
    {
        if (chunk >= at) // with several chunks per transaction, the first commit at or after chunk "at"
        {
            throw new SimulatedCrash();
        }
    }

    private sealed class SimulatedCrash : Exception;
}

using System.Text;
using UpStats.Lake.Engines;
using UpStats.Time.Parsing;
using UpStats.Lake.Migration;
using UpStats.Lake.Store;

namespace UpStats.Lake.Tests.Migration;

public class JobMigrationTest
{
    public static TheoryData<string> Engines => TestLake.Engines;

    [Theory]
    [MemberData(nameof(Engines))]
    public void Run_GeneratedStore_EqualsDirectParseOfEveryGeneratedValue(string engine)
    {
        using var lake = TestLake.Create(engine);
        using var database = lake.Open();
        var responses = LakeFill.Generate(database, rows: 1500, seed: 11, malformed: 0.05);

        var totals = new JobMigration(database, chunkSize: 97).Run(SilentProgress.Instance);

        var expected = LakeFill.ExpectedJobs(responses);
        var actual = database.AllJobs();
        Assert.Equal(expected, actual);
        // The generator's malformed values are exactly the ones that failed, and there are plenty of both.
        var malformed = responses.SelectMany(r => r.Jobs).Where(j => j.IsMalformed).Select(j => j.Id).ToHashSet();
        Assert.Equal(malformed.Order(), actual.Where(j => j.Error is not null).Select(j => j.JobId).Order());
        Assert.InRange(malformed.Count, 50, 1000);
        Assert.Equal(expected.Count, totals.Jobs);
        Assert.Equal(malformed.Count, totals.FailedJobs);
        Assert.Equal(1500, totals.RawRows);
        Assert.Equal(1500, totals.LastRawId);
        Assert.Equal(responses.SelectMany(r => r.Jobs).Count() - expected.Count, totals.RepeatedJobs + DuplicateRowJobs(database, responses));
        Assert.Equal(database.ReadRawRows(0, 2000).Count(r => r.IsDuplicate), totals.DuplicateRows);
        Assert.True(totals.DuplicateRows > 50, "the generator repeats responses");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Run_StoppedAfterRandomChunk_ResumesToSameTableAsCleanRun(string engine)
    {
        var random = new Random(20151011);
        using var cleanLake = TestLake.Create(engine);
        using var clean = cleanLake.Open();
        LakeFill.Generate(clean, rows: 900, seed: 3);
        var cleanTotals = new JobMigration(clean, chunkSize: 50).Run(SilentProgress.Instance);
        var cleanJobs = clean.AllJobs();

        foreach (var beforeCommit in new[] { true, false })
        {
            using var lake = TestLake.Create(engine);
            using var database = lake.Open();
            LakeFill.Generate(database, rows: 900, seed: 3);
            // Crash once or twice at a random chunk: before its commit (the chunk must roll back) or after it.
            var crashes = 0;
            while (true)
            {
                var stopAt = random.Next(1, 8);
                var migration = beforeCommit
                    ? new JobMigration(database, chunkSize: 50) { BeforeCommit = n => Crash(n, stopAt, crashes) }
                    : new JobMigration(database, chunkSize: 50) { AfterCommit = n => Crash(n, stopAt, crashes) };
                try
                {
                    var totals = migration.Run(SilentProgress.Instance);
                    Assert.Equal(cleanTotals, totals);
                    break;
                }
                catch (SimulatedCrash)
                {
                    crashes++;
                }
            }
            Assert.Equal(2, crashes);
            Assert.Equal(cleanJobs, database.AllJobs());
            Assert.Equal(clean.RawErrors(), database.RawErrors());
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Run_CrashBeforeMergeCommit_RerunMergesToSameTableAsCleanRun(string engine)
    {
        using var cleanLake = TestLake.Create(engine);
        using var clean = cleanLake.Open();
        var responses = LakeFill.Generate(clean, rows: 400, seed: 21);
        var cleanTotals = new JobMigration(clean, 30, 2).Run(SilentProgress.Instance);

        using var lake = TestLake.Create(engine);
        using var database = lake.Open();
        LakeFill.Generate(database, rows: 400, seed: 21);
        var crashing = new JobMigration(database, 30, 2) { BeforeMergeCommit = () => throw new SimulatedCrash() };
        Assert.Throws<SimulatedCrash>(() => crashing.Run(SilentProgress.Instance));
        // Every chunk committed (staged), the merge rolled back: nothing is in jobs yet.
        Assert.Equal(400, database.ReadCheckpoint().LastRawId);
        Assert.Empty(database.AllJobs());

        var progress = new RecordingProgress();
        var totals = new JobMigration(database, 30, 2).Run(progress);

        Assert.Empty(progress.Chunks); // nothing left to read: the rerun only merges
        var merge = Assert.Single(progress.Merges);
        Assert.Equal(cleanTotals, totals);
        Assert.Equal(LakeFill.ExpectedJobs(responses), database.AllJobs());
        Assert.Equal(clean.AllJobs(), database.AllJobs());
        Assert.Equal(totals.FailedJobs, merge.FailedJobs);
        Assert.Equal(totals.FailedJobs, progress.Malformed.Count);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Run_ResumedAcrossMerges_RepeatsOfEarlierMergesStayWithTheirFirstRawRow(string engine)
    {
        // Three runs over a growing store (the crawler goes on between them): each run merges once, and a
        // job repeated in a later run's rows keeps the row of the run that first carried it.
        using var lake = TestLake.Create(engine);
        using var database = lake.Open();
        var generator = new UpStats.Lake.Generation.ResponseGenerator(31) { MalformedProbability = 0.05 };
        var responses = new List<UpStats.Lake.Generation.GeneratedResponse>();
        var merges = 0;
        MigrationTotals totals = MigrationTotals.None;
        foreach (var rows in new[] { 150, 90, 200 })
        {
            using (var writer = new RawStoreWriter(database, batchSize: 64))
            {
                for (var i = 0; i < rows; i++)
                {
                    var response = generator.Next();
                    writer.Store(response.Json, response.Query, response.AddedTime);
                    responses.Add(response);
                }
            }
            var progress = new RecordingProgress();
            totals = new JobMigration(database, 25, 3).Run(progress);
            merges += progress.Merges.Count;
        }

        Assert.Equal(3, merges);
        var expected = LakeFill.ExpectedJobs(responses);
        Assert.Equal(expected, database.AllJobs());
        Assert.Equal(expected.Count, totals.Jobs);
        Assert.Equal(expected.Count(j => j.Error is not null), totals.FailedJobs);
        Assert.True(expected.Count(j => j.RawId > 150) > 0);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Run_Twice_SecondRunChangesNothing(string engine)
    {
        using var lake = TestLake.Create(engine);
        using var database = lake.Open();
        LakeFill.Generate(database, rows: 300, seed: 5);
        var first = new JobMigration(database, chunkSize: 64).Run(SilentProgress.Instance);
        var jobs = database.AllJobs();

        var progress = new RecordingProgress();
        var second = new JobMigration(database, chunkSize: 64).Run(progress);

        Assert.Equal(first, second);
        Assert.Equal(jobs, database.AllJobs());
        Assert.Equal(0, progress.PendingAtStart);
        Assert.Empty(progress.Chunks);
        Assert.Empty(progress.Merges);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Run_AnotherMigrationCommittedMeanwhile_StopsWithoutWritingAndTableStaysRight(string engine)
    {
        using var cleanLake = TestLake.Create(engine);
        using var clean = cleanLake.Open();
        LakeFill.Generate(clean, rows: 300, seed: 12);
        var cleanTotals = new JobMigration(clean, 40).Run(SilentProgress.Instance);

        using var lake = TestLake.Create(engine);
        using var database = lake.Open();
        LakeFill.Generate(database, rows: 300, seed: 12);
        // After run A's second chunk commits, run B (its own connection) migrates everything.
        var first = new JobMigration(database, 40)
        {
            AfterCommit = n =>
            {
                if (n == 2)
                {
                    using var other = lake.Open();
                    new JobMigration(other, 40).Run(SilentProgress.Instance);
                }
            },
        };

        var error = Assert.Throws<ConcurrentMigrationException>(() => first.Run(SilentProgress.Instance));

        Assert.Contains("past raw id 80", error.Message, StringComparison.Ordinal);
        Assert.Equal(cleanTotals, database.ReadCheckpoint());
        Assert.Equal(clean.AllJobs(), database.AllJobs());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Run_MalformedValues_ReportedWithRowIdJobPositionAndReason(string engine)
    {
        using var lake = TestLake.Create(engine);
        using var database = lake.Open();
        using (var writer = new RawStoreWriter(database))
        {
            writer.Store("""{"jobs":[{"id":"~ok","date_created":"2015-10-11T00:26:51+0100"}]}"""u8, "q=a", 1);
            writer.Store("""{"jobs":[{"id":"~month","date_created":"2015-13-11T00:26:51+0100"},{"id":"~hour","date_created":"2015-10-11T24:26:51+0100"}]}"""u8, "q=a", 2);
            writer.Store("""{"jobs":[{"id":"~nooffset","date_created":"2015-10-11T00:26:51"},{"id":"~missing"},{"id":"~number","date_created":1444519611}]}"""u8, "q=a", 3);
            writer.Store("""{"jobs":[{"id":"~escaped","date_created":"2015-10-11T00:26:51\n+0100"}]}"""u8, "q=a", 4);
        }
        // A row whose data is not zlib at all: reported and kept in raw_errors, never skipped silently.
        using (var transaction = database.Begin())
        {
            database.InsertRawRows(transaction, [new RawRow(5, 5, new string('0', 40), "garbage"u8.ToArray(), "q=a")]);
            transaction.Commit();
        }

        var progress = new RecordingProgress();
        var totals = new JobMigration(database, chunkSize: 2).Run(progress);

        Assert.Equal(1444519611, database.FindJob("~ok")!.DateCreated);
        AssertFailure(database, progress, "~month", 2, "2015-13-11T00:26:51+0100");
        AssertFailure(database, progress, "~hour", 2, "2015-10-11T24:26:51+0100");
        AssertFailure(database, progress, "~nooffset", 3, "2015-10-11T00:26:51");
        AssertFailure(database, progress, "~escaped", 4, "2015-10-11T00:26:51\n+0100");
        // Where and why, in the library's words (the first offending character, or the input length when it ends early).
        Assert.Equal(ParserMessage("2015-13-11T00:26:51+0100", 5, ParseErrorCode.MonthOutOfRange), database.FindJob("~month")!.Error);
        Assert.Equal(ParserMessage("2015-10-11T24:26:51+0100", 11, ParseErrorCode.HourOutOfRange), database.FindJob("~hour")!.Error);
        Assert.Equal(ParserMessage("2015-10-11T00:26:51", 19, ParseErrorCode.ExpectedOffset), database.FindJob("~nooffset")!.Error);
        Assert.Equal(ParserMessage("2015-10-11T00:26:51\n+0100", 19, ParseErrorCode.ExpectedOffset), database.FindJob("~escaped")!.Error);
        Assert.Equal("date_created is missing", database.FindJob("~missing")!.Error);
        Assert.Equal("date_created is Number, not a string", database.FindJob("~number")!.Error);
        Assert.Equal(6, totals.FailedJobs);
        Assert.Equal(7, totals.Jobs);
        Assert.Equal(6, progress.Malformed.Count);
        Assert.Equal(1, totals.UnreadableRows);
        var (rawId, error) = Assert.Single(database.RawErrors());
        Assert.Equal(5, rawId);
        Assert.StartsWith("data is not zlib", error, StringComparison.Ordinal);
        Assert.Equal((5L, error), Assert.Single(progress.Unreadable));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Run_DuplicateRow_CarriesNoJobsOfItsOwnAndIsCounted(string engine)
    {
        using var lake = TestLake.Create(engine);
        using var database = lake.Open();
        using (var writer = new RawStoreWriter(database))
        {
            writer.Store("""{"jobs":[{"id":"~a","date_created":"2015-10-11T00:26:51+0100"}]}"""u8, "q=a", 1);
            writer.Store("""{"jobs":[{"id":"~b","date_created":"2015-10-11T00:30:00+0100"},{"id":"~a","date_created":"2015-10-11T00:26:51+0100"}]}"""u8, "q=a", 2);
            writer.Store("""{"jobs":[{"id":"~a","date_created":"2015-10-11T00:26:51+0100"}]}"""u8, "q=a", 3);
        }
        Assert.True(database.ReadRawRows(0, 10)[2].IsDuplicate);

        var totals = new JobMigration(database, chunkSize: 1).Run(SilentProgress.Instance);

        // ~a stays with raw row 1, where it first came; the duplicate row 3 adds nothing.
        Assert.Equal([new JobRecord("~a", 1, 1444519611, null), new JobRecord("~b", 2, 1444519800, null)], database.AllJobs());
        Assert.Equal(1, totals.DuplicateRows);
        Assert.Equal(1, totals.RepeatedJobs);
        Assert.Equal(3, totals.RawRows);
    }

    /// <summary>The library's own message for a failing value (where and why), after checking it fails where and why expected.</summary>
    private static string ParserMessage(string text, int position, ParseErrorCode code)
    {
        var error = OffsetTimestamp.Parse(text).Error;
        Assert.Equal((position, code), (error.Position, error.Code));
        return error.Message;
    }

    private static void AssertFailure(LakeDatabase database, RecordingProgress progress, string jobId, long rawId, string value)
    {
        OffsetTimestamp.TryParseEpochSeconds(Encoding.UTF8.GetBytes(value), out _, out var direct);
        var job = database.FindJob(jobId)!;
        Assert.Null(job.DateCreated);
        Assert.Equal(rawId, job.RawId);
        Assert.Equal(direct.Message, job.Error);
        Assert.Contains("at position ", job.Error, StringComparison.Ordinal);
        Assert.Contains((rawId, jobId, value, direct.Message), progress.Malformed);
    }

    // Jobs of duplicate rows are not "repeated jobs": the row is skipped whole, and counted as a duplicate row.
    private static int DuplicateRowJobs(LakeDatabase database, List<UpStats.Lake.Generation.GeneratedResponse> responses) =>
        database.ReadRawRows(0, responses.Count + 1).Where(r => r.IsDuplicate).Sum(r => responses[(int)r.Id - 1].Jobs.Count);

    private static void Crash(int chunk, int stopAt, int crashesSoFar)
    {
        if (crashesSoFar < 2 && chunk == stopAt)
        {
            throw new SimulatedCrash();
        }
    }

    private sealed class SimulatedCrash : Exception;

    [Fact]
    public void Run_ReaderHitsACorruptPage_FailsWithSqlitesErrorAndMergesNothing()
    {
        // The reader runs on its own thread and connection: a store it cannot read must stop the migration
        // with SQLite's error, not end it early as if the store ended there.
        using var lake = TestLake.Create(TestLake.Sqlite);
        using (var database = lake.Open())
        {
            LakeFill.Generate(database, rows: 3000, seed: 5);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Garbles the cells in the middle of the pages at about three quarters of the file, past their
        // headers (so counting the rows still works and only reading them fails).
        const int pageSize = 64 * 1024;
        using (var file = File.Open(lake.Location.Value, FileMode.Open, FileAccess.ReadWrite))
        {
            var page = file.Length / pageSize * 3 / 4;
            for (var p = page; p < page + 3; p++)
            {
                file.Position = (p * pageSize) + 20_000;
                file.Write(Enumerable.Repeat((byte)0xFF, 20_000).ToArray());
            }
        }
        using var reopened = lake.Open();

        var failure = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => new JobMigration(reopened, chunkSize: 100).Run(SilentProgress.Instance));

        Assert.Equal(11, failure.SqliteErrorCode); // SQLITE_CORRUPT
        Assert.InRange(reopened.ReadCheckpoint().LastRawId, 0, 2999);
        Assert.Empty(reopened.AllJobs());
    }
}

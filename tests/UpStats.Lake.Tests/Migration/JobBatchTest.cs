using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Lake.Migration;

namespace UpStats.Lake.Tests.Migration;

/// <summary>
/// The transaction batch's write order: the first job of each id, in the byte order of the UTF-8 ids (the
/// order of SQLite's BINARY and PostgreSQL's "C" collation), checked against a LINQ oracle.
/// </summary>
public class JobBatchTest
{
    // Few distinct ids so that repeats are common; non-ASCII and astral characters, where UTF-8 byte order
    // and UTF-16 ordinal order disagree (U+1F600 sorts before U+FF61 in UTF-16, after it in UTF-8).
    private static readonly string[] Ids = ["~01a", "~01b", "~01", "~02", "é", "\uFF61", "\U0001F600", "~01a\u00E9", "Z"];

    private static readonly Gen<(long RawId, string Id)[]> Jobs =
        Gen.Elements(Ids).ArrayOf().Select(ids => ids.Select((id, i) => ((long)(i / 3) + 1, id)).ToArray());

    // Long ids that share a prefix (as UpWork's "~01" ids do) and differ only past their first 8 bytes after
    // it, or only in length, or by a NUL byte: where the sort's 8-byte keys tie and the whole id decides.
    private static readonly Gen<(long RawId, string Id)[]> LongJobs =
        from prefix in Gen.Elements("", "~01", "~01abcdefgh")
        from suffixes in Gen.Elements("a", "b", "\0", "\u00E9").ArrayOf().Select(parts => string.Concat(parts.Take(14))).ArrayOf()
        select suffixes.Select((suffix, i) => ((long)(i / 3) + 1, prefix + (suffix.Length % 3 == 0 ? "aaaaaaaa" : "") + suffix)).ToArray();

    [Property(MaxTest = 200)]
    public Property FirstOfEachIdInIdOrder_AnyJobs_FirstOccurrenceOfEachIdInUtf8ByteOrder() =>
        Prop.ForAll(Arb.From(Jobs), FirstOfEachIdMatchesOracle);

    [Property(MaxTest = 300)]
    public Property FirstOfEachIdInIdOrder_LongIdsWithASharedPrefix_FirstOccurrenceOfEachIdInUtf8ByteOrder() =>
        Prop.ForAll(Arb.From(LongJobs), FirstOfEachIdMatchesOracle);

    private static Property FirstOfEachIdMatchesOracle((long RawId, string Id)[] jobs)
    {
        var batch = new JobBatch(capacity: 4);
        foreach (var (rawId, id) in jobs)
        {
            batch.Add(rawId, Encoding.UTF8.GetBytes(id), "2015-10-11T00:26:51+0100"u8);
        }

        var actual = batch.FirstOfEachIdInIdOrder().ToArray();

        var expected = jobs
            .Select((job, index) => (job.Id, Index: index))
            .GroupBy(job => job.Id, StringComparer.Ordinal)
            .Select(group => group.First())
            .OrderBy(job => Encoding.UTF8.GetBytes(job.Id), Utf8Order.Instance)
            .Select(job => job.Index)
            .ToArray();
        return actual.SequenceEqual(expected).Label($"{string.Join(",", actual)} vs {string.Join(",", expected)}");
    }

    [Fact]
    public void AddFrom_JobWithAndWithoutDate_CopiesIdRawIdDateAndError()
    {
        var chunk = new JobBatch();
        chunk.Add(7, "~01\u00E9"u8.ToArray(), "2015-10-11T00:26:51+0100"u8);
        chunk.AddWithoutDate(8, "~02"u8.ToArray(), "date_created is missing");
        var transaction = new JobBatch();

        transaction.AddFrom(chunk, 0);
        transaction.AddFrom(chunk, 1);

        Assert.Equal(2, transaction.Count);
        Assert.Equal("~01\u00E9", transaction.JobIdString(0));
        Assert.Equal([7L, 8L], transaction.RawIds.ToArray());
        Assert.Equal("2015-10-11T00:26:51+0100", transaction.DateTextString(0));
        Assert.Null(transaction.Errors[0]);
        Assert.Equal("", transaction.DateTextString(1));
        Assert.Equal("date_created is missing", transaction.Errors[1]);
    }

    [Fact]
    public void Truncate_DropsTheLastJobsIdsAndDates()
    {
        var batch = new JobBatch(capacity: 1);
        batch.Add(1, "~01"u8.ToArray(), "2015-10-11T00:26:51+0100"u8);
        batch.Add(2, "~02"u8.ToArray(), "2015-10-11T00:26:52+0100"u8);
        batch.Add(3, "~03"u8.ToArray(), "2015-10-11T00:26:53+0100"u8);

        batch.Truncate(1);
        batch.Add(4, "~04"u8.ToArray(), "2015-10-11T00:26:54+0100"u8);

        Assert.Equal(2, batch.Count);
        Assert.Equal("~04", batch.JobIdString(1));
        Assert.Equal("2015-10-11T00:26:51+0100\n2015-10-11T00:26:54+0100\n", Encoding.UTF8.GetString(batch.Column));
    }

    private sealed class Utf8Order : IComparer<byte[]>
    {
        public static Utf8Order Instance { get; } = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}

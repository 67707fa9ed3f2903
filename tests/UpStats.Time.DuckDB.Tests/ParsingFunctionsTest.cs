using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Parsing;
using UpStats.Time.Tests;

namespace UpStats.Time.DuckDB.Tests;

/// <summary>
/// <c>upstats_epoch</c> and <c>upstats_parse_error</c> against <see cref="OffsetTimestamp"/> on the same texts:
/// FsCheck-drawn valid and mutated timestamps, NULLs, empty and very long strings, columns longer than a chunk.
/// </summary>
public class ParsingFunctionsTest
{
    /// <summary>What the library says about a text: epoch seconds, or "position N: reason".</summary>
    private static (long? Seconds, string? Error) Library(string? text)
    {
        if (text is null)
        {
            return (null, null);
        }
        return OffsetTimestamp.TryParseEpochSeconds(text, out long seconds, out var error)
            ? (seconds, null)
            : (null, string.Create(CultureInfo.InvariantCulture, $"position {error.Position}: {error.Reason}"));
    }

    private static List<(long? Seconds, string? Error)> Sql(Db db, IReadOnlyList<string?> texts)
    {
        db.LoadTexts(texts);
        return db.Rows("SELECT upstats_epoch(s), upstats_parse_error(s) FROM t ORDER BY i")
            .Select(r => ((long?)r[0], (string?)r[1])).ToList();
    }

    [Property(MaxTest = 60)]
    public Property EpochAndParseError_EqualTheLibrary_OnDrawnColumns() =>
        Prop.ForAll(Arb.From(Gen.ArrayOf(Generators.ColumnText)), texts =>
        {
            using var db = new Db();
            var sql = Sql(db, texts);
            var expected = texts.Select(Library).ToList();
            int bad = Enumerable.Range(0, texts.Length).FirstOrDefault(i => sql[i] != expected[i], -1);
            return (sql.Count == texts.Length && bad < 0)
                .Label(bad < 0 ? "row count" : $"'{texts[bad]}': SQL {sql[bad]} vs library {expected[bad]}");
        });

    [Fact]
    public void EpochAndParseError_ColumnLongerThanAChunk_EqualTheLibraryRowByRow()
    {
        // 10,000 rows span five of DuckDB's 2,048-row vectors; every seventh is NULL, every fifth malformed.
        var texts = Generators.ValidTimestamp.Sample(10_000)
            .Select((t, i) => i % 7 == 3 ? null : i % 5 == 1 ? t.Text[..^2] : t.Text).ToArray();
        using var db = new Db();
        var sql = Sql(db, texts);
        Assert.Equal(texts.Select(Library), sql);
        Assert.Contains(sql, r => r.Seconds is null && r.Error is not null);
    }

    [Fact]
    public void Epoch_TheIssuesExample_IsTheUtcSecond()
    {
        using var db = new Db();
        Assert.Equal(1444519611L, db.Scalar("SELECT upstats_epoch('2015-10-11T00:26:51+0100')"));
        Assert.Null(db.Scalar("SELECT upstats_parse_error('2015-10-11T00:26:51+0100')"));
    }

    [Fact]
    public void ParseError_SaysPositionAndReason()
    {
        using var db = new Db();
        Assert.Null(db.Scalar("SELECT upstats_epoch('2015-02-29T00:26:51+0100')"));
        Assert.Equal($"position 8: {OffsetTimestamp.Parse("2015-02-29T00:26:51+0100").Error.Reason}", db.Scalar("SELECT upstats_parse_error('2015-02-29T00:26:51+0100')"));
    }

    [Fact]
    public void EmptyString_FailsAtPositionZero()
    {
        using var db = new Db();
        Assert.Null(db.Scalar("SELECT upstats_epoch('')"));
        Assert.Equal(Library("").Error, db.Scalar("SELECT upstats_parse_error('')"));
        Assert.StartsWith("position 0: ", (string)db.Scalar("SELECT upstats_parse_error('')")!, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_GivesNull()
    {
        using var db = new Db();
        Assert.Null(db.Scalar("SELECT upstats_epoch(NULL)"));
        Assert.Null(db.Scalar("SELECT upstats_parse_error(NULL)"));
        Assert.Null(db.Scalar("SELECT upstats_epoch(CAST(NULL AS VARCHAR))"));
    }

    [Theory]
    [InlineData(13)]
    [InlineData(1_000)]
    [InlineData(1_000_000)]
    public void VeryLongStrings_FailWithTheLibrarysPosition(int length)
    {
        // A valid timestamp followed by a long tail, and a long run of digits: both beyond DuckDB's 12-byte inline strings.
        string tail = "2015-10-11T00:26:51+0100" + new string('0', length);
        string digits = new('9', length);
        using var db = new Db();
        var sql = Sql(db, [tail, digits]);
        Assert.Equal([Library(tail), Library(digits)], sql);
        Assert.All(sql, r => Assert.Null(r.Seconds));
    }
}

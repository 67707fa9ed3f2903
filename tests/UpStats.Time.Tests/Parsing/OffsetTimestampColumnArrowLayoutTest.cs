using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Parsing;
using R = UpStats.Time.Parsing.ParseErrorCode;

namespace UpStats.Time.Tests.Parsing;

/// <summary>
/// <see cref="OffsetTimestampColumn"/> over Arrow's string layout (values + offsets + validity): the same values
/// and errors as the strings overload, null rows skipped without an error, failed rows' validity bits cleared,
/// offsets that start inside the values buffer (a sliced array), and bad buffers refused.
/// </summary>
public class OffsetTimestampColumnArrowLayoutTest
{
    [Fact]
    public void ParseEpochSeconds_ArrowLayout_ParsesAndClearsTheFailedRowsBit()
    {
        // The XML doc example of the overload, as written there.
        byte[] values = "2015-10-11T00:26:51+0100nonsense2024-11-03T09:30:00Z"u8.ToArray();
        int[] offsets = [0, 24, 32, 52];
        var seconds = new long[3];
        byte[] validity = [0b111];
        var errors = new RowError[3];
        var result = OffsetTimestampColumn.ParseEpochSeconds(values, offsets, seconds, validity, errors);
        Assert.Equal(new ColumnParseResult(3, 1, 3), result);
        Assert.Equal([1444519611L, 0L, 1730626200L], seconds);
        Assert.Equal(0b101, validity[0]);
        Assert.Equal(new RowError(1, new ParseError(0, R.ExpectedDigit)), errors[0]);
    }

    [Fact]
    public void ParseEpochSeconds_ArrowLayout_NullRowIsSkippedWithoutAnError()
    {
        var (values, offsets, validity) = ArrowLayout.Of(["2015-10-11T00:26:51+0100", null, ""], skipped: 0);
        var seconds = new long[3];
        var errors = new RowError[3];
        var result = OffsetTimestampColumn.ParseEpochSeconds(values, offsets, seconds, validity, errors);
        Assert.Equal(new ColumnParseResult(3, 1, 3), result);
        Assert.Equal(new RowError(2, new ParseError(0, R.Empty)), errors[0]);
        Assert.Equal(0b001, validity[0]);
    }

    [Fact]
    public void ParseEpochMilliseconds_ArrowLayout_KeepsMilliseconds()
    {
        var (values, offsets, validity) = ArrowLayout.Of(["1969-12-31T23:59:59.9995Z", "2015-10-11T00:26:51.123+0100"], skipped: 5);
        var ms = new long[2];
        var result = OffsetTimestampColumn.ParseEpochMilliseconds(values, offsets, ms, validity, new RowError[2]);
        Assert.Equal(new ColumnParseResult(2, 0, 2), result);
        Assert.Equal([-1L, 1444519611123L], ms);
    }

    [Fact]
    public void ParseEpochSeconds_ArrowLayout_NoRoomForAnError_StopsBeforeTheFailingRow()
    {
        var (values, offsets, validity) = ArrowLayout.Of(["2015-10-11T00:26:51+0100", "bad", "2015-10-11T00:26:51+0100"], skipped: 0);
        var result = OffsetTimestampColumn.ParseEpochSeconds(values, offsets, new long[3], validity, Span<RowError>.Empty);
        Assert.Equal(new ColumnParseResult(1, 0, 1), result);
        Assert.True(ArrowLayout.IsSet(validity, 1));
    }

    [Fact]
    public void ParseEpochSeconds_ArrowLayout_BadBuffers_Throw()
    {
        byte[] values = "2015-10-11T00:26:51+0100"u8.ToArray();
        Assert.Throws<ArgumentException>(() => OffsetTimestampColumn.ParseEpochSeconds(values, [0, 25], new long[1], [1], new RowError[1]));
        Assert.Throws<ArgumentException>(() => OffsetTimestampColumn.ParseEpochSeconds(values, [10, 5], new long[1], [1], new RowError[1]));
        Assert.Throws<ArgumentException>(() => OffsetTimestampColumn.ParseEpochSeconds(values, new int[10], new long[9], [0xFF], new RowError[9]));
        var none = OffsetTimestampColumn.ParseEpochSeconds(values, [], new long[1], [], new RowError[1]);
        Assert.Equal(new ColumnParseResult(0, 0, 0), none);
    }

    [Property(MaxTest = 300)]
    public Property ParseEpochSeconds_ArrowLayout_EqualsTheStringsOverload_SlicedAndWithNulls() =>
        Prop.ForAll(Arb.From(from texts in Gen.ArrayOf(Generators.ColumnText) from skipped in Gen.Choose(0, 40) select (texts, skipped)), c =>
            ArrowEqualsStrings(c.texts, c.skipped, milliseconds: false));

    [Property(MaxTest = 300)]
    public Property ParseEpochMilliseconds_ArrowLayout_EqualsTheStringsOverload_SlicedAndWithNulls() =>
        Prop.ForAll(Arb.From(from texts in Gen.ArrayOf(Generators.ColumnText) from skipped in Gen.Choose(0, 40) select (texts, skipped)), c =>
            ArrowEqualsStrings(c.texts, c.skipped, milliseconds: true));

    [Fact]
    public void ParseEpochSeconds_ArrowLayout_LongRunsOfOneForm_EqualTheStringsOverload()
    {
        // Runs of one fixed form longer than the four rows converted at a time, broken by other forms and lengths,
        // wrong values and null rows, in slices that start anywhere in the values buffer.
        var random = new Random(20261205);
        for (int c = 0; c < 40; c++)
        {
            string[] column = ColumnDifferential.LongRunColumn(random, random.Next(4, 700));
            string?[] texts = column.Select(t => random.Next(50) == 0 ? null : t).ToArray();
            int skipped = random.Next(0, 40);
            bool milliseconds = random.Next(2) == 0;
            // Every other column keeps the null rows' bytes in the values buffer: a null row as long as its
            // neighbours must still end a run.
            Assert.True(ArrowMatchesStrings(texts, skipped, milliseconds, c % 2 == 0 ? column : null), $"column {c}, skipped {skipped}, milliseconds {milliseconds}: [{string.Join(" | ", texts)}]");
        }
    }

    private static Property ArrowEqualsStrings(string?[] texts, int skipped, bool milliseconds) =>
        ArrowMatchesStrings(texts, skipped, milliseconds).Label($"skipped {skipped}: [{string.Join(" | ", texts)}]");

    private static bool ArrowMatchesStrings(string?[] texts, int skipped, bool milliseconds, IReadOnlyList<string>? nullRowBytes = null)
    {
        var (values, offsets, validity) = ArrowLayout.Of(texts, skipped, nullRowBytes);
        return ArrowLayout.MatchesStrings(texts, values, offsets, validity, milliseconds);
    }
}

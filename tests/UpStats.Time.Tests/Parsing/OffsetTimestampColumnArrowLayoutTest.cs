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
    /// <summary>A StringArray's buffers for <paramref name="texts"/> after <paramref name="skipped"/> bytes of other values (as a slice sees them).</summary>
    /// <remarks>Null rows take no bytes, unless <paramref name="nullRowBytes"/> gives them some (Arrow allows any).</remarks>
    private static (byte[] Values, int[] Offsets, byte[] Validity) Layout(IReadOnlyList<string?> texts, int skipped, IReadOnlyList<string>? nullRowBytes = null)
    {
        var values = new List<byte>(Enumerable.Repeat((byte)'x', skipped));
        var offsets = new int[texts.Count + 1];
        var validity = new byte[(texts.Count + 7) / 8 + 1];
        offsets[0] = skipped;
        for (int i = 0; i < texts.Count; i++)
        {
            if (texts[i] is { } text)
            {
                values.AddRange(Encoding.UTF8.GetBytes(text));
                validity[i >> 3] |= (byte)(1 << (i & 7));
            }
            else if (nullRowBytes is not null)
            {
                values.AddRange(Encoding.UTF8.GetBytes(nullRowBytes[i]));
            }
            offsets[i + 1] = values.Count;
        }
        values.AddRange("trailing values of the unsliced array"u8.ToArray());
        return (values.ToArray(), offsets, validity);
    }

    private static bool IsSet(byte[] bitmap, int i) => (bitmap[i >> 3] & (1 << (i & 7))) != 0;

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
        var (values, offsets, validity) = Layout(["2015-10-11T00:26:51+0100", null, ""], skipped: 0);
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
        var (values, offsets, validity) = Layout(["1969-12-31T23:59:59.9995Z", "2015-10-11T00:26:51.123+0100"], skipped: 5);
        var ms = new long[2];
        var result = OffsetTimestampColumn.ParseEpochMilliseconds(values, offsets, ms, validity, new RowError[2]);
        Assert.Equal(new ColumnParseResult(2, 0, 2), result);
        Assert.Equal([-1L, 1444519611123L], ms);
    }

    [Fact]
    public void ParseEpochSeconds_ArrowLayout_NoRoomForAnError_StopsBeforeTheFailingRow()
    {
        var (values, offsets, validity) = Layout(["2015-10-11T00:26:51+0100", "bad", "2015-10-11T00:26:51+0100"], skipped: 0);
        var result = OffsetTimestampColumn.ParseEpochSeconds(values, offsets, new long[3], validity, Span<RowError>.Empty);
        Assert.Equal(new ColumnParseResult(1, 0, 1), result);
        Assert.True(IsSet(validity, 1));
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
        var (values, offsets, validity) = Layout(texts, skipped, nullRowBytes);
        var arrow = new long[texts.Length];
        var arrowErrors = new RowError[texts.Length];
        var arrowResult = milliseconds
            ? OffsetTimestampColumn.ParseEpochMilliseconds(values, offsets, arrow, validity, arrowErrors)
            : OffsetTimestampColumn.ParseEpochSeconds(values, offsets, arrow, validity, arrowErrors);

        // The strings overload over the non-null rows, in the same order, is the oracle.
        var present = Enumerable.Range(0, texts.Length).Where(i => texts[i] is not null).ToArray();
        var spanValues = new long[present.Length];
        var spanErrors = new RowError[present.Length];
        var presentTexts = present.Select(i => texts[i]).ToArray();
        var spanResult = milliseconds
            ? OffsetTimestampColumn.ParseEpochMilliseconds(presentTexts, spanValues, spanErrors)
            : OffsetTimestampColumn.ParseEpochSeconds(presentTexts, spanValues, spanErrors);
        var failedRows = spanErrors.Take(spanResult.Failed).Select(e => present[e.Row]).ToHashSet();

        bool same = arrowResult == new ColumnParseResult(texts.Length, spanResult.Failed, texts.Length)
            && arrowErrors.Take(arrowResult.Failed).SequenceEqual(spanErrors.Take(spanResult.Failed).Select(e => e with { Row = present[e.Row] }))
            && present.Select((row, k) => arrow[row] == spanValues[k]).All(x => x)
            && Enumerable.Range(0, texts.Length).All(i => IsSet(validity, i) == (texts[i] is not null && !failedRows.Contains(i)))
            && Enumerable.Range(0, texts.Length).All(i => IsSet(validity, i) || arrow[i] == 0);
        return same;
    }
}

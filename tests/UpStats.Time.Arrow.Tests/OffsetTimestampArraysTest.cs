using Apache.Arrow;
using Apache.Arrow.Types;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Arrow;
using UpStats.Time.Parsing;
using UpStats.Time.Tests;

namespace UpStats.Time.Arrow.Tests;

/// <summary>
/// <see cref="OffsetTimestampArrays"/> against the span path (<see cref="OffsetTimestamp"/>'s single-value parser,
/// which the column parser equals): drawn columns with nulls and empty values, sliced at any offset, and columns
/// with more failures than the adapter's error batch.
/// </summary>
public class OffsetTimestampArraysTest
{
    private static StringArray Build(IEnumerable<string?> texts)
    {
        var builder = new StringArray.Builder();
        foreach (var text in texts)
        {
            if (text is null)
            {
                builder.AppendNull();
            }
            else
            {
                builder.Append(text);
            }
        }
        return builder.Build();
    }

    /// <summary>Checks a parsed column row by row against the single-value parser; returns the first mismatch, or null.</summary>
    private static string? Mismatch(IReadOnlyList<string?> texts, IReadOnlyList<long?> values, IReadOnlyList<RowError> errors, bool milliseconds)
    {
        var expectedErrors = new List<RowError>();
        for (int i = 0; i < texts.Count; i++)
        {
            long? expected = null;
            if (texts[i] is { } text)
            {
                bool ok = milliseconds
                    ? OffsetTimestamp.TryParseEpochMilliseconds(text, out long v, out var error)
                    : OffsetTimestamp.TryParseEpochSeconds(text, out v, out error);
                if (ok)
                {
                    expected = v;
                }
                else
                {
                    expectedErrors.Add(new RowError(i, error));
                }
            }
            if (values[i] != expected)
            {
                return $"row {i} '{texts[i]}': {values[i]} vs {expected}";
            }
        }
        return errors.SequenceEqual(expectedErrors) ? null : $"errors [{string.Join(", ", errors)}] vs [{string.Join(", ", expectedErrors)}]";
    }

    [Property(MaxTest = 300)]
    public Property ParseEpochSeconds_SlicedColumnsWithNulls_EqualTheSpanPath() =>
        Prop.ForAll(Arb.From(from texts in Gen.ArrayOf(Generators.ColumnText)
                             from start in Gen.Choose(0, texts.Length)
                             from length in Gen.Choose(0, texts.Length - start)
                             select (texts, start, length)), c =>
        {
            var whole = Build(c.texts);
            var slice = (StringArray)whole.Slice(c.start, c.length);
            var parsed = OffsetTimestampArrays.ParseEpochSeconds(slice);
            var rows = c.texts.Skip(c.start).Take(c.length).ToList();
            var values = Enumerable.Range(0, c.length).Select(i => parsed.Values.GetValue(i)).ToList();
            string? mismatch = parsed.Values.Length != c.length ? "length" : Mismatch(rows, values, parsed.Errors, milliseconds: false);
            bool nullCount = parsed.Values.NullCount == values.Count(v => v is null);
            return (mismatch is null && nullCount).Label($"slice {c.start}+{c.length}: {mismatch ?? "null count"}");
        });

    [Property(MaxTest = 200)]
    public Property ParseTimestamps_SlicedColumnsWithNulls_EqualTheSpanPathInMilliseconds() =>
        Prop.ForAll(Arb.From(from texts in Gen.ArrayOf(Generators.ColumnText)
                             from start in Gen.Choose(0, texts.Length)
                             select (texts, start)), c =>
        {
            var slice = (StringArray)Build(c.texts).Slice(c.start, c.texts.Length - c.start);
            var parsed = OffsetTimestampArrays.ParseTimestamps(slice);
            var rows = c.texts.Skip(c.start).ToList();
            var values = Enumerable.Range(0, rows.Count)
                .Select(i => parsed.Values.IsNull(i) ? (long?)null : parsed.Values.Values[i]).ToList();
            string? mismatch = Mismatch(rows, values, parsed.Errors, milliseconds: true);
            return (mismatch is null).Label($"from {c.start}: {mismatch}");
        });

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(13)]
    public void ParseEpochSeconds_MoreFailuresThanOneErrorBatch_ReportsEveryOneOnce(int sliceStart)
    {
        // 3,000 rows, two of three failing, nulls every 11th: many times the adapter's 256-slot error batch, so the
        // parse resumes mid-byte of the validity bitmap again and again.
        var texts = Enumerable.Range(0, 3_000)
            .Select(i => i % 11 == 5 ? null : i % 3 == 0 ? $"2015-10-11T00:26:{i % 60:D2}+0100" : $"bad {i}")
            .ToArray();
        var slice = (StringArray)Build(texts).Slice(sliceStart, texts.Length - sliceStart);
        var parsed = OffsetTimestampArrays.ParseEpochSeconds(slice);
        var rows = texts.Skip(sliceStart).ToList();
        var values = Enumerable.Range(0, rows.Count).Select(i => parsed.Values.GetValue(i)).ToList();
        Assert.Null(Mismatch(rows, values, parsed.Errors, milliseconds: false));
        Assert.True(parsed.Errors.Count > 1_500);
    }

    [Fact]
    public void ParseTimestamps_TypeIsUtcMilliseconds()
    {
        var parsed = OffsetTimestampArrays.ParseTimestamps(Build(["2015-10-11T00:26:51.1239+0100"]));
        var type = Assert.IsType<TimestampType>(parsed.Values.Data.DataType);
        Assert.Equal(TimeUnit.Millisecond, type.Unit);
        Assert.Equal("UTC", type.Timezone);
        Assert.Equal(DateTimeOffset.Parse("2015-10-10T23:26:51.123Z", System.Globalization.CultureInfo.InvariantCulture), parsed.Values.GetTimestamp(0));
        Assert.Empty(parsed.Errors);
        Assert.Equal(0, parsed.Values.NullCount);
    }

    [Fact]
    public void OffsetTimestampArrays_DocExample()
    {
        var texts = new StringArray.Builder()
            .Append("2015-10-11T00:26:51+0100").AppendNull().Append("2015-02-29T00:26:51+0100").Build();
        ParsedArray<Int64Array> parsed = OffsetTimestampArrays.ParseEpochSeconds(texts);
        Assert.Equal(1444519611L, parsed.Values.GetValue(0));
        Assert.True(parsed.Values.IsNull(1));
        Assert.True(parsed.Values.IsNull(2));
        Assert.Equal(new RowError(2, new ParseError()) with { Error = parsed.Errors[0].Error }, parsed.Errors[0]);
        Assert.Equal(8, parsed.Errors[0].Error.Position);
        Assert.Equal(ParseErrorCode.DayOutOfRange, parsed.Errors[0].Error.Code);
        Assert.Single(parsed.Errors);
    }

    [Fact]
    public void ParseEpochSeconds_EmptyArray_IsEmpty()
    {
        var parsed = OffsetTimestampArrays.ParseEpochSeconds(Build([]));
        Assert.Equal(0, parsed.Values.Length);
        Assert.Empty(parsed.Errors);
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => OffsetTimestampArrays.ParseEpochSeconds(null!));
        Assert.Throws<ArgumentNullException>(() => OffsetTimestampArrays.ParseTimestamps(null!));
    }
}

using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Parsing;
using R = UpStats.Time.Parsing.ParseErrorCode;

namespace UpStats.Time.Tests.Parsing;

/// <summary>
/// <see cref="OffsetTimestampColumn"/>: lines and strings give what the single-value parser gives, failed rows are
/// reported in order without stopping, CRLF and a missing final newline are handled, and a full destination or
/// errors span stops the call at a row boundary that the caller can resume from.
/// </summary>
public class OffsetTimestampColumnTest
{
    [Fact]
    public void ParseEpochSeconds_UpStatsLinesWithABadRow_ReportsTheRowAndGoesOn()
    {
        var input = "2015-10-11T00:26:51+0100\n2015-13-11T00:26:51+0100\r\n2015-10-10T23:26:51Z"u8;
        var seconds = new long[3];
        var errors = new RowError[3];
        var result = OffsetTimestampColumn.ParseEpochSeconds(input, seconds, errors);
        Assert.Equal(new ColumnParseResult(3, 1, input.Length), result);
        Assert.Equal([1444519611L, 0L, 1444519611L], seconds);
        Assert.Equal(new RowError(1, new ParseError(5, R.MonthOutOfRange)), errors[0]);
    }

    [Fact]
    public void ParseEpochSeconds_EmptyLinesAndTrailingNewline_EmptyLineIsAFailedRowFinalNewlineIsNot()
    {
        var input = "2015-10-11T00:26:51+0100\n\n2015-10-11T00:26:51+0100\n"u8;
        var seconds = new long[8];
        var errors = new RowError[8];
        var result = OffsetTimestampColumn.ParseEpochSeconds(input, seconds, errors);
        Assert.Equal(new ColumnParseResult(3, 1, input.Length), result);
        Assert.Equal(new RowError(1, new ParseError(0, R.Empty)), errors[0]);
    }

    [Fact]
    public void ParseEpochSeconds_DestinationFull_StopsAtARowBoundaryToResume()
    {
        var input = "2015-10-11T00:26:51+0100\n2015-10-11T00:26:52+0100\n2015-10-11T00:26:53+0100\n"u8;
        var seconds = new long[2];
        var errors = new RowError[2];
        var first = OffsetTimestampColumn.ParseEpochSeconds(input, seconds, errors);
        Assert.Equal(new ColumnParseResult(2, 0, 50), first);
        var second = OffsetTimestampColumn.ParseEpochSeconds(input[first.Consumed..], seconds, errors);
        Assert.Equal(new ColumnParseResult(1, 0, 25), second);
        Assert.Equal(1444519613L, seconds[0]);
    }

    [Fact]
    public void ParseEpochSeconds_NoRoomForAnError_StopsBeforeTheFailingRow()
    {
        var input = "2015-10-11T00:26:51+0100\nbad\n2015-10-11T00:26:53+0100"u8;
        var seconds = new long[3];
        var result = OffsetTimestampColumn.ParseEpochSeconds(input, seconds, Span<RowError>.Empty);
        Assert.Equal(new ColumnParseResult(1, 0, 25), result);
    }

    [Fact]
    public void ParseEpochMilliseconds_Strings_KeepsMillisecondsAndReportsNull()
    {
        string?[] values = ["2015-10-11T00:26:51.250+0100", null, "1969-12-31T23:59:59.9995Z"];
        var ms = new long[3];
        var errors = new RowError[3];
        var result = OffsetTimestampColumn.ParseEpochMilliseconds(values, ms, errors);
        Assert.Equal(new ColumnParseResult(3, 1, 3), result);
        Assert.Equal([1444519611250L, 0L, -1L], ms);
        Assert.Equal(new RowError(1, new ParseError(0, R.Empty)), errors[0]);
    }

    [Fact]
    public void ParseEpochSeconds_StringsDestinationFull_StopsToResume()
    {
        string?[] values = ["2015-10-11T00:26:51+0100", "2015-10-11T00:26:52+0100", "2015-10-11T00:26:53+0100"];
        var seconds = new long[2];
        var first = OffsetTimestampColumn.ParseEpochSeconds(values, seconds, new RowError[2]);
        Assert.Equal(new ColumnParseResult(2, 0, 2), first);
        Assert.Equal([1444519611L, 1444519612L], seconds);
        var second = OffsetTimestampColumn.ParseEpochSeconds(values.AsSpan(first.Consumed), seconds, new RowError[2]);
        Assert.Equal(new ColumnParseResult(1, 0, 1), second);
        Assert.Equal(1444519613L, seconds[0]);
    }

    [Fact]
    public void ParseEpochSeconds_StringsNoRoomForAnError_StopsBeforeTheFailingRow()
    {
        string?[] values = ["2015-10-11T00:26:51+0100", "2015-10-11T00:26:51.5+0100", "bad", "2015-10-11T00:26:53+0100"];
        var seconds = new long[4];
        var result = OffsetTimestampColumn.ParseEpochSeconds(values, seconds, Span<RowError>.Empty);
        Assert.Equal(new ColumnParseResult(2, 0, 2), result);
        Assert.Equal([1444519611L, 1444519611L, 0L, 0L], seconds);
    }

    private static Gen<string[]> Column =>
        from shape in Gen.Elements(Generators.OffsetForms)
        from rows in Gen.ArrayOf(Gen.Frequency(
            (6, Generators.ValidTimestamp.Select(t => t.Text)),
            (2, Generators.ValidTimestamp.Where(t => t.Form == shape && t.FractionDigits == 0).Select(t => t.Text)),
            (1, Generators.MutatedTimestamp.Select(s => s.Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal)))))
        select rows;

    [Property(MaxTest = 300)]
    public Property ParseEpochSeconds_AnyColumn_EqualsTheSingleValueParser() =>
        Prop.ForAll(Arb.From(from rows in Column from crlf in Gen.Elements(true, false) from finalNewline in Gen.Elements(true, false) select (rows, crlf, finalNewline)), c =>
        {
            string newline = c.crlf ? "\r\n" : "\n";
            // A final empty row needs its newline: without it, "a\n" + "" reads as one row.
            bool finalNewline = c.rows.Length > 0 && (c.finalNewline || c.rows[^1].Length == 0);
            string text = string.Join(newline, c.rows) + (finalNewline ? newline : "");
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            int n = c.rows.Length;
            long[] fromLines = new long[n], fromStrings = new long[n], msFromLines = new long[n];
            RowError[] lineErrors = new RowError[n], stringErrors = new RowError[n], msErrors = new RowError[n];
            var lines = OffsetTimestampColumn.ParseEpochSeconds(utf8, fromLines, lineErrors);
            var strings = OffsetTimestampColumn.ParseEpochSeconds(c.rows, fromStrings, stringErrors);
            var ms = OffsetTimestampColumn.ParseEpochMilliseconds(utf8, msFromLines, msErrors);

            var expectedValues = new long[n];
            var expectedMs = new long[n];
            var expectedErrors = new List<RowError>();
            for (int row = 0; row < n; row++)
            {
                if (OffsetTimestamp.TryParseEpochSeconds(c.rows[row], out long s, out var error))
                {
                    expectedValues[row] = s;
                    OffsetTimestamp.TryParseEpochMilliseconds(c.rows[row], out expectedMs[row], out _);
                }
                else
                {
                    expectedErrors.Add(new RowError(row, error));
                }
            }
            var expected = new ColumnParseResult(n, expectedErrors.Count, utf8.Length);
            // A line's UTF-8 positions equal its UTF-16 ones for the ASCII prefix before any error.
            return (lines == expected && strings == expected with { Consumed = n } && ms == expected
                    && fromLines.SequenceEqual(expectedValues) && fromStrings.SequenceEqual(expectedValues) && msFromLines.SequenceEqual(expectedMs)
                    && lineErrors.Take(lines.Failed).SequenceEqual(expectedErrors) && stringErrors.Take(strings.Failed).SequenceEqual(expectedErrors))
                .Label($"{lines} / {strings} vs {expected}");
        });

    [Property(MaxTest = 200)]
    public Property ParseEpochSeconds_InChunks_EqualsOneCall() =>
        Prop.ForAll(Arb.From(from rows in Column from chunk in Gen.Choose(1, 5) select (rows, chunk)), c =>
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(string.Concat(c.rows.Select(r => r + "\n")));
            var whole = new long[c.rows.Length];
            OffsetTimestampColumn.ParseEpochSeconds(utf8, whole, new RowError[c.rows.Length]);
            var pieces = new List<long>();
            var buffer = new long[c.chunk];
            var errors = new RowError[c.chunk];
            int at = 0;
            while (at < utf8.Length)
            {
                var r = OffsetTimestampColumn.ParseEpochSeconds(utf8.AsSpan(at), buffer, errors);
                pieces.AddRange(buffer.Take(r.Rows));
                at += r.Consumed;
            }
            return pieces.SequenceEqual(whole).Label($"chunk {c.chunk}: {string.Join(",", pieces)} vs {string.Join(",", whole)}");
        });
}

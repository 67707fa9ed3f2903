using System.Text;
using UpStats.Time.Parsing;

namespace UpStats.Time.Tests.Parsing;

/// <summary>Apache Arrow's string layout for tests: the buffers of a <c>StringArray</c>, and the oracle for parsing them.</summary>
internal static class ArrowLayout
{
    /// <summary>A StringArray's buffers for <paramref name="texts"/> after <paramref name="skipped"/> bytes of other values (as a slice sees them).</summary>
    /// <remarks>
    /// Null rows take no bytes, unless <paramref name="nullRowBytes"/> gives them some (Arrow allows any). Other
    /// values follow the last row's, unless <paramref name="trailing"/> is false.
    /// </remarks>
    public static (byte[] Values, int[] Offsets, byte[] Validity) Of(IReadOnlyList<string?> texts, int skipped, IReadOnlyList<string>? nullRowBytes = null, bool trailing = true)
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
        if (trailing)
        {
            values.AddRange("trailing values of the unsliced array"u8.ToArray());
        }
        return (values.ToArray(), offsets, validity);
    }

    public static bool IsSet(byte[] bitmap, int i) => (bitmap[i >> 3] & (1 << (i & 7))) != 0;

    /// <summary>
    /// Parses the layout (<paramref name="values"/> wherever the caller placed them) and checks it against the strings
    /// overload over the non-null rows: same values and errors, failed and null rows' validity bits clear and their
    /// values 0. Updates <paramref name="validity"/> as the parser does.
    /// </summary>
    public static bool MatchesStrings(IReadOnlyList<string?> texts, ReadOnlySpan<byte> values, int[] offsets, byte[] validity, bool milliseconds)
    {
        var arrow = new long[texts.Count];
        var arrowErrors = new RowError[texts.Count];
        var arrowResult = milliseconds
            ? OffsetTimestampColumn.ParseEpochMilliseconds(values, offsets, arrow, validity, arrowErrors)
            : OffsetTimestampColumn.ParseEpochSeconds(values, offsets, arrow, validity, arrowErrors);

        // The strings overload over the non-null rows, in the same order, is the oracle.
        var present = Enumerable.Range(0, texts.Count).Where(i => texts[i] is not null).ToArray();
        var spanValues = new long[present.Length];
        var spanErrors = new RowError[present.Length];
        var presentTexts = present.Select(i => texts[i]).ToArray();
        var spanResult = milliseconds
            ? OffsetTimestampColumn.ParseEpochMilliseconds(presentTexts, spanValues, spanErrors)
            : OffsetTimestampColumn.ParseEpochSeconds(presentTexts, spanValues, spanErrors);
        var failedRows = spanErrors.Take(spanResult.Failed).Select(e => present[e.Row]).ToHashSet();

        bool same = arrowResult == new ColumnParseResult(texts.Count, spanResult.Failed, texts.Count)
            && arrowErrors.Take(arrowResult.Failed).SequenceEqual(spanErrors.Take(spanResult.Failed).Select(e => e with { Row = present[e.Row] }))
            && present.Select((row, k) => arrow[row] == spanValues[k]).All(x => x)
            && Enumerable.Range(0, texts.Count).All(i => IsSet(validity, i) == (texts[i] is not null && !failedRows.Contains(i)))
            && Enumerable.Range(0, texts.Count).All(i => IsSet(validity, i) || arrow[i] == 0);
        return same;
    }
}

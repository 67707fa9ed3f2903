using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using UpStats.Time.Parsing;

namespace UpStats.Time.Arrow;

/// <summary>
/// Parses an Arrow <see cref="StringArray"/> of offset timestamps into a <see cref="TimestampArray"/> (UTC,
/// milliseconds) or an <see cref="Int64Array"/> of Unix epoch seconds, reading the array's buffers in place.
/// </summary>
/// <remarks>
/// The strings are never copied or decoded: the array's values and offsets buffers go straight to
/// <see cref="OffsetTimestampColumn"/>'s Arrow-layout overloads. A null input stays null; a text that fails becomes
/// null too, and its row, position and reason are in <see cref="ParsedArray{TArray}.Errors"/>. Sliced arrays (a
/// non-zero <see cref="Apache.Arrow.Array.Offset"/>) are read from their offset; the result starts at offset 0.
/// <example>
/// <code>
/// var texts = new StringArray.Builder()
///     .Append("2015-10-11T00:26:51+0100").AppendNull().Append("2015-02-29T00:26:51+0100").Build();
/// ParsedArray&lt;Int64Array&gt; parsed = OffsetTimestampArrays.ParseEpochSeconds(texts);
/// long? first = parsed.Values.GetValue(0);          // 1444519611
/// bool failedIsNull = parsed.Values.IsNull(2);      // true
/// RowError error = parsed.Errors[0];                // row 2, position 8, day out of range
/// </code>
/// </example>
/// </remarks>
public static class OffsetTimestampArrays
{
    // Errors are collected through a small buffer: the column parser stops before a failure it has no slot for,
    // and the loop resumes there, so a column with many failures never needs an errors array as long as itself.
    private const int ErrorBatch = 256;

    /// <summary>Parses to a <see cref="TimestampArray"/> of UTC instants in milliseconds (fractions floored to the millisecond).</summary>
    /// <param name="texts">The offset timestamps.</param>
    /// <returns>The timestamps, null where the input was null or failed, and the failures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> is null.</exception>
    public static ParsedArray<TimestampArray> ParseTimestamps(StringArray texts)
    {
        var (values, validity, nulls, errors) = Parse(texts, milliseconds: true);
        var type = new TimestampType(TimeUnit.Millisecond, "UTC");
        return new(new TimestampArray(type, values, validity, texts.Length, nulls, 0), errors);
    }

    /// <summary>Parses to an <see cref="Int64Array"/> of Unix epoch seconds (floored).</summary>
    /// <param name="texts">The offset timestamps.</param>
    /// <returns>The epoch seconds, null where the input was null or failed, and the failures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> is null.</exception>
    public static ParsedArray<Int64Array> ParseEpochSeconds(StringArray texts)
    {
        var (values, validity, nulls, errors) = Parse(texts, milliseconds: false);
        return new(new Int64Array(values, validity, texts.Length, nulls, 0), errors);
    }

    private static (ArrowBuffer Values, ArrowBuffer Validity, int NullCount, IReadOnlyList<RowError> Errors) Parse(StringArray texts, bool milliseconds)
    {
        ArgumentNullException.ThrowIfNull(texts);
        int length = texts.Length;
        // Uninitialised: the parser writes every row (0 for null and failed ones) and CopyValidity every byte, and
        // zeroing them first made the adapter 1.79x the span column parser, against 1.00x without (ArrowColumnBenchmarks,
        // both runs on a loaded machine: see benchmarks/results/EMBEDDING.md).
        var valueBytes = GC.AllocateUninitializedArray<byte>(length * sizeof(long));
        var validity = GC.AllocateUninitializedArray<byte>(BitUtility.ByteCount(length));
        CopyValidity(texts, validity);

        Span<long> destination = MemoryMarshal.Cast<byte, long>(valueBytes.AsSpan());
        ReadOnlySpan<int> offsets = texts.ValueOffsets;   // already starts at the array's offset
        ReadOnlySpan<byte> utf8 = texts.Values;
        var batch = new RowError[ErrorBatch];
        var errors = new List<RowError>();
        int done = 0;
        while (done < length)
        {
            // The validity span starts at a whole byte, so resume at a multiple of 8 rows (re-parsing at most 7).
            int from = done & ~7;
            var result = milliseconds
                ? OffsetTimestampColumn.ParseEpochMilliseconds(utf8, offsets[from..], destination[from..], validity.AsSpan(from >> 3), batch)
                : OffsetTimestampColumn.ParseEpochSeconds(utf8, offsets[from..], destination[from..], validity.AsSpan(from >> 3), batch);
            foreach (var e in batch.AsSpan(0, result.Failed))
            {
                if (from + e.Row >= done)
                {
                    errors.Add(e with { Row = from + e.Row });
                }
            }
            done = from + result.Rows;
        }
        int nulls = length == 0 ? 0 : length - BitUtility.CountBits(validity, 0, length);
        return (new ArrowBuffer(valueBytes), nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity), nulls, errors);
    }

    // The input's validity, moved to bit 0 (a slice's rows start at bit Offset of its bitmap); all set without nulls.
    private static void CopyValidity(StringArray texts, Span<byte> validity)
    {
        if (texts.NullCount == 0 || texts.NullBitmapBuffer.IsEmpty)
        {
            validity.Fill(0xFF);
            return;
        }
        ReadOnlySpan<byte> source = texts.NullBitmapBuffer.Span;
        int offset = texts.Offset;
        if ((offset & 7) == 0)
        {
            source.Slice(offset >> 3, validity.Length).CopyTo(validity);
            return;
        }
        validity.Clear();
        for (int i = 0; i < texts.Length; i++)
        {
            if (BitUtility.GetBit(source, offset + i))
            {
                BitUtility.SetBit(validity, i);
            }
        }
    }
}

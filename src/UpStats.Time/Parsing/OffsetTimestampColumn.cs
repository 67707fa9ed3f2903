using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace UpStats.Time.Parsing;

/// <summary>
/// Parses a column of offset timestamps (newline-separated UTF-8, or strings) into a <see cref="Span{T}"/> of
/// Unix epoch seconds or milliseconds, reporting the rows that fail without stopping and without allocating.
/// </summary>
/// <remarks>
/// <para>
/// Each call parses rows from the start of the input until the input ends or <c>destination</c> is full, and
/// returns a <see cref="ColumnParseResult"/>: how many rows it wrote, how many failed, and how much input it
/// consumed. A failed row holds 0 in <c>destination</c> and gets a <see cref="RowError"/> (row index within the
/// call, position within the row, reason) in <c>errors</c>. Give <c>errors</c> as many slots as
/// <c>destination</c> and a call never stops early; with fewer, it stops <em>before</em> a failing row that
/// has no slot left (so with an empty <c>errors</c> span it parses up to the first bad row).
/// </para>
/// <para>
/// UTF-8 input is lines separated by <c>'\n'</c>; a <c>'\r'</c> before it is dropped, a final line needs no
/// <c>'\n'</c>, and an empty line is a row (that fails). Hand over whole lines: a last line without
/// <c>'\n'</c> is parsed as complete. Rows follow <see cref="OffsetTimestamp"/>'s grammar exactly, and
/// epoch values are floored.
/// </para>
/// <example>
/// Migrating a column in chunks, as the UpStats data lake does:
/// <code>
/// long[] seconds = new long[4096];
/// RowError[] errors = new RowError[4096];
/// foreach (string[] chunk in ReadDateCreatedInChunks(4096))
/// {
///     ColumnParseResult result = OffsetTimestampColumn.ParseEpochSeconds(chunk, seconds, errors);
///     var failed = errors.AsSpan(0, result.Failed);   // ordered by row
///     for (int row = 0, f = 0; row &lt; result.Rows; row++)
///     {
///         if (f &lt; failed.Length &amp;&amp; failed[f].Row == row)
///             Store(chunk[row], null, failed[f++].Error.Message);   // "… at position 5"
///         else
///             Store(chunk[row], seconds[row], null);
///     }
/// }
/// </code>
/// </example>
/// </remarks>
public static partial class OffsetTimestampColumn
{
    /// <summary>Parses newline-separated UTF-8 timestamps into Unix epoch seconds (floored).</summary>
    /// <param name="utf8Lines">Whole lines; <c>"\n"</c> or <c>"\r\n"</c> between them, optional after the last.</param>
    /// <param name="destination">One slot per row; failed rows get 0.</param>
    /// <param name="errors">Receives one entry per failed row, in row order.</param>
    /// <returns>Rows written, rows failed, bytes consumed.</returns>
    public static ColumnParseResult ParseEpochSeconds(ReadOnlySpan<byte> utf8Lines, Span<long> destination, Span<RowError> errors) =>
        ParseLines<Seconds>(utf8Lines, destination, errors);

    /// <summary>Parses newline-separated UTF-8 timestamps into Unix epoch milliseconds (floored).</summary>
    /// <param name="utf8Lines">Whole lines; <c>"\n"</c> or <c>"\r\n"</c> between them, optional after the last.</param>
    /// <param name="destination">One slot per row; failed rows get 0.</param>
    /// <param name="errors">Receives one entry per failed row, in row order.</param>
    /// <returns>Rows written, rows failed, bytes consumed.</returns>
    public static ColumnParseResult ParseEpochMilliseconds(ReadOnlySpan<byte> utf8Lines, Span<long> destination, Span<RowError> errors) =>
        ParseLines<Milliseconds>(utf8Lines, destination, errors);

    /// <summary>Parses timestamp strings into Unix epoch seconds (floored); a null string fails as empty.</summary>
    /// <param name="values">One timestamp per row (e.g. a <c>string[]</c>).</param>
    /// <param name="destination">One slot per row; failed rows get 0.</param>
    /// <param name="errors">Receives one entry per failed row, in row order.</param>
    /// <returns>Rows written, rows failed, values consumed.</returns>
    public static ColumnParseResult ParseEpochSeconds(ReadOnlySpan<string?> values, Span<long> destination, Span<RowError> errors) =>
        ParseStrings<Seconds>(values, destination, errors);

    /// <summary>Parses timestamp strings into Unix epoch milliseconds (floored); a null string fails as empty.</summary>
    /// <param name="values">One timestamp per row (e.g. a <c>string[]</c>).</param>
    /// <param name="destination">One slot per row; failed rows get 0.</param>
    /// <param name="errors">Receives one entry per failed row, in row order.</param>
    /// <returns>Rows written, rows failed, values consumed.</returns>
    public static ColumnParseResult ParseEpochMilliseconds(ReadOnlySpan<string?> values, Span<long> destination, Span<RowError> errors) =>
        ParseStrings<Milliseconds>(values, destination, errors);

    // The loops below are compiled fully optimised at once (AggressiveOptimization): their callers (the command
    // line, engine functions) call them a few times with large inputs, so tiered compilation would run most rows
    // in unoptimised code (measured: 1M lines through `parse --to epoch` took ~100 ns per line instead of ~10).
    private static ColumnParseResult ParseLines<TUnit>(ReadOnlySpan<byte> input, Span<long> destination, Span<RowError> errors)
        where TUnit : struct, IEpochUnit
    {
        var progress = default(Progress);
        if (!OffsetTimestampVectorScanner.IsWideSupported || ParseLinesWide<TUnit>(input, destination, errors, ref progress))
        {
            ParseLinesPortable<TUnit>(input, destination, errors, ref progress);
        }
        return new ColumnParseResult(progress.Row, progress.Failed, progress.Position);
    }

    /// <summary>
    /// The AVX2 loop, in two stages as simdjson parses JSON. Stage 1 finds the line ends of the next rows, 64
    /// bytes per step, into an index on the stack. Stage 2 takes the rows four at a time: one 32-byte load per row
    /// holds the whole value, <see cref="OffsetTimestampVectorScanner.Fields(Vector256{byte}, OffsetTimestampShape, out uint)"/>
    /// checks its characters and field ranges, and <see cref="OffsetTimestampVectorScanner.Finish"/> does the
    /// calendar for all four in vector lanes; the four results are stored at once. Where two lines of one fixed
    /// form start a step, <see cref="ParseFixedRun{TUnit}"/> goes on by line length for as long as the rows keep
    /// that form (past the index, which then restarts where it stopped); four rows of other forms go to
    /// <see cref="ParseMixedRun{TUnit}"/>. A row of any other form, or a wrong one, goes to the general parser. Finding each line end from the previous one instead (a load, a compare, a bit scan, then the next
    /// load) was measured at 6 ns per row on its own: the loads wait for each other. Stops where fewer than 64
    /// bytes are left (the portable loop finishes); false when it stopped before a failing row that has no error
    /// slot, so that nothing more may be parsed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ParseLinesWide<TUnit>(ReadOnlySpan<byte> input, Span<long> destination, Span<RowError> errors, ref Progress progress)
        where TUnit : struct, IEpochUnit
    {
        const int IndexRows = 512;
        Span<int> ends = stackalloc int[IndexRows + 64]; // a 64-byte step adds at most 64 ends
        ref int endsStart = ref MemoryMarshal.GetReference(ends);
        ref byte start = ref MemoryMarshal.GetReference(input);
        ref long output = ref MemoryMarshal.GetReference(destination);
        OffsetTimestampShape?[] shapes = OffsetTimestampShape.LineByLength;
        int row = progress.Row, failed = progress.Failed, lineStart = progress.Position;
        int lastStep = input.Length - 64, lastLoad = input.Length - Vector256<byte>.Count;
        while (row < destination.Length && lineStart <= lastStep)
        {
            // Stage 1: line ends from lineStart on.
            int count = 0, limit = Math.Min(IndexRows, destination.Length - row);
            for (int step = lineStart; count < limit && step <= lastStep; step += 64)
            {
                ulong newlines = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)step), Vector256.Create((byte)'\n')).ExtractMostSignificantBits()
                    | ((ulong)Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)step + 32), Vector256.Create((byte)'\n')).ExtractMostSignificantBits() << 32);
                // Four ends written whatever their number (a loop that runs once per end mispredicts its exit at
                // almost every step when lengths vary; a slot past the last end gets step + 64, overwritten later),
                // the rest in a loop: more than four only where lines are shorter than 16 bytes.
                ref int slot = ref Unsafe.Add(ref endsStart, count);
                count += BitOperations.PopCount(newlines);
                slot = step + BitOperations.TrailingZeroCount(newlines);
                newlines &= newlines - 1;
                Unsafe.Add(ref slot, 1) = step + BitOperations.TrailingZeroCount(newlines);
                newlines &= newlines - 1;
                Unsafe.Add(ref slot, 2) = step + BitOperations.TrailingZeroCount(newlines);
                newlines &= newlines - 1;
                Unsafe.Add(ref slot, 3) = step + BitOperations.TrailingZeroCount(newlines);
                newlines &= newlines - 1;
                for (int i = 4; newlines != 0; newlines &= newlines - 1)
                {
                    Unsafe.Add(ref slot, i++) = step + BitOperations.TrailingZeroCount(newlines);
                }
            }
            if (count == 0)
            {
                break; // a line of more than the rest of the full steps: the portable loop reads it
            }
            int rows = Math.Min(count, limit);

            // Stage 2: four rows per step where all four have room for a 32-byte load: as one fixed form each (the
            // usual column), else each rewritten into the ±hh:mm form (a column of mixed forms); else one row.
            for (int k = 0; k < rows;)
            {
                if (k + 4 <= rows && ends[k + 2] + 1 <= lastLoad)
                {
                    OffsetTimestampShape? first = FixedShape(shapes, ref start, lineStart, ends[k]);
                    // Two lines of one fixed form: maybe a run of them (the usual column), read by length.
                    if (first is not null && ends[k + 1] - ends[k] == ends[k] - lineStart + 1)
                    {
                        int done = ParseFixedRun<TUnit>(ref start, lineStart, lastLoad, destination.Length - row, first, newlineAfterEach: true, ref Unsafe.Add(ref output, row));
                        if (done > 0)
                        {
                            row += done;
                            lineStart += done * (first.Length + 1);
                            k += done; // past the rows indexed, this loop ends and the index restarts where the run stopped
                            continue;
                        }
                    }
                    int start1 = ends[k] + 1, start2 = ends[k + 1] + 1, start3 = ends[k + 2] + 1;
                    if (first is { } shape0
                        && FixedShape(shapes, ref start, start1, ends[k + 1]) is { } shape1
                        && FixedShape(shapes, ref start, start2, ends[k + 2]) is { } shape2
                        && FixedShape(shapes, ref start, start3, ends[k + 3]) is { } shape3)
                    {
                        var f0 = OffsetTimestampVectorScanner.Fields(Vector256.LoadUnsafe(ref start, (nuint)lineStart), shape0, out uint ok0);
                        var f1 = OffsetTimestampVectorScanner.Fields(Vector256.LoadUnsafe(ref start, (nuint)start1), shape1, out uint ok1);
                        var f2 = OffsetTimestampVectorScanner.Fields(Vector256.LoadUnsafe(ref start, (nuint)start2), shape2, out uint ok2);
                        var f3 = OffsetTimestampVectorScanner.Fields(Vector256.LoadUnsafe(ref start, (nuint)start3), shape3, out uint ok3);
                        Vector256<long> values = TUnit.FromSeconds(OffsetTimestampVectorScanner.Finish(f0, f1, f2, f3, out uint valid));
                        if (((ok0 & ok1 & ok2 & ok3) == uint.MaxValue) & (valid == 0xF))
                        {
                            values.StoreUnsafe(ref output, (nuint)row);
                            row += 4;
                            lineStart = ends[k + 3] + 1;
                            k += 4;
                            continue;
                        }
                    }
                    // Not four rows of the fixed form their lengths suggest (a length can belong to several forms:
                    // 24 is ±hhmm, or a 3-digit fraction and Z, or 1 digit and ±hh): each rewritten into ±hh:mm.
                    int mixed = ParseMixedRun<TUnit>(ref start, lineStart, ends[k..rows], lastLoad, ref Unsafe.Add(ref output, row));
                    if (mixed > 0)
                    {
                        row += mixed;
                        lineStart = ends[k + mixed - 1] + 1;
                        k += mixed;
                        continue;
                    }
                }
                // One row: another form, a wrong value (for its error), or the last few of the index.
                int end = ends[k];
                int length = LineLength(ref start, lineStart, end);
                long seconds = 0;
                int milliseconds = 0;
                bool fast = lineStart <= lastLoad
                    ? (uint)(length - 20) <= 15 && OffsetTimestampVectorScanner.TryConvertMixedWide(Vector256.LoadUnsafe(ref start, (nuint)lineStart), ref Unsafe.Add(ref start, lineStart), length, out seconds, out milliseconds)
                    : OffsetTimestampVectorScanner.TryParseFixedWide(input.Slice(lineStart, length), out seconds);
                if (fast)
                {
                    destination[row] = TUnit.FromSeconds(seconds, milliseconds);
                }
                else if (!TryParseGeneralRow<TUnit, byte>(input.Slice(lineStart, length), row, destination, errors, ref failed))
                {
                    progress = new Progress(row, failed, lineStart);
                    return false;
                }
                row++;
                lineStart = end + 1;
                k++;
            }
        }
        progress = new Progress(row, failed, lineStart);
        return true;
    }

    /// <summary>
    /// The usual column, in a loop of its own: rows of <paramref name="shape"/>'s fixed form, four per step, from
    /// <paramref name="lineStart"/> on, found by their length rather than by an index of line ends. Lines
    /// (<paramref name="newlineAfterEach"/>): the shape also checks that the byte after each value is its line's
    /// '\n', so a row that passes is a whole line of that form and the next one starts right after it. Arrow slots:
    /// the caller has checked from the offsets that the values lie back to back with that length. Stops before the
    /// first four that are not all of that form or not all right (the caller's row loop takes them), or where four
    /// rows no longer fit in <paramref name="rowsLeft"/> or before <paramref name="lastLoad"/>. The form's
    /// constants stay in registers: in the line loop, which holds every path, they were reloaded at every row among
    /// the spills of its other variables. Returns the rows written, a multiple of four.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int ParseFixedRun<TUnit>(ref byte start, int lineStart, int lastLoad, int rowsLeft, OffsetTimestampShape shape, bool newlineAfterEach, ref long output)
        where TUnit : struct, IEpochUnit
    {
        int length = shape.Length, stride = newlineAfterEach ? length + 1 : length;
        Vector256<byte> or = shape.Or, and = shape.And, shuffle = shape.Shuffle, template = shape.Template, limit = shape.Limit;
        if (newlineAfterEach)
        {
            (template, limit) = (template.WithElement(length, (byte)'\n'), limit.WithElement(length, (byte)0));
        }
        int k = 0;
        for (; k + 4 <= rowsLeft && lineStart + 3 * stride <= lastLoad; k += 4, lineStart += 4 * stride)
        {
            if (!TryConvertFour<TUnit>(
                    Vector256.LoadUnsafe(ref start, (nuint)lineStart), Vector256.LoadUnsafe(ref start, (nuint)(lineStart + stride)),
                    Vector256.LoadUnsafe(ref start, (nuint)(lineStart + 2 * stride)), Vector256.LoadUnsafe(ref start, (nuint)(lineStart + 3 * stride)),
                    or, template, and, limit, shuffle, out Vector256<long> values))
            {
                break;
            }
            values.StoreUnsafe(ref output, (nuint)k);
        }
        return k;
    }

    // Four values of one fixed form (its constants passed in, as the run loops keep them) checked and converted
    // together; false when one of them is wrong.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryConvertFour<TUnit>(
        Vector256<byte> text0, Vector256<byte> text1, Vector256<byte> text2, Vector256<byte> text3,
        Vector256<byte> or, Vector256<byte> template, Vector256<byte> and, Vector256<byte> limit, Vector256<byte> shuffle, out Vector256<long> values)
        where TUnit : struct, IEpochUnit
    {
        bool shapesOk = FieldsOfFour(text0, text1, text2, text3, or, template, and, limit, shuffle, out var f0, out var f1, out var f2, out var f3);
        values = TUnit.FromSeconds(OffsetTimestampVectorScanner.Finish(f0, f1, f2, f3, out uint valid));
        return shapesOk & (valid == 0xF);
    }

    // The 256-bit fields of four values of one shape (its constants passed in); true when all four have its form.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool FieldsOfFour(
        Vector256<byte> text0, Vector256<byte> text1, Vector256<byte> text2, Vector256<byte> text3,
        Vector256<byte> or, Vector256<byte> template, Vector256<byte> and, Vector256<byte> limit, Vector256<byte> shuffle,
        out Vector256<int> f0, out Vector256<int> f1, out Vector256<int> f2, out Vector256<int> f3)
    {
        f0 = OffsetTimestampVectorScanner.Fields(text0, or, template, and, limit, shuffle, out uint ok0);
        f1 = OffsetTimestampVectorScanner.Fields(text1, or, template, and, limit, shuffle, out uint ok1);
        f2 = OffsetTimestampVectorScanner.Fields(text2, or, template, and, limit, shuffle, out uint ok2);
        f3 = OffsetTimestampVectorScanner.Fields(text3, or, template, and, limit, shuffle, out uint ok3);
        return (ok0 & ok1 & ok2 & ok3) == uint.MaxValue;
    }

    // The fixed form of the line [lineStart, end) (without a '\r' before end), or null when it has none.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static OffsetTimestampShape? FixedShape(OffsetTimestampShape?[] shapes, ref byte start, int lineStart, int end)
    {
        int length = LineLength(ref start, lineStart, end);
        return (uint)length < (uint)shapes.Length ? shapes[length] : null;
    }

    /// <summary>
    /// Rows of any forms from <paramref name="lineStart"/> on, four per step, each rewritten into the ±hh:mm form
    /// and converted together, in a loop of its own (as <see cref="ParseFixedRun{TUnit}"/>, so that the canonical
    /// form's constants stay in registers) over the indexed line ends <paramref name="ends"/>. Stops before the first
    /// four of which one is another form or wrong, or too short or long to be rewritten, or has no room for its
    /// 32-byte load before <paramref name="lastLoad"/>. Returns the rows written, a multiple of four.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int ParseMixedRun<TUnit>(ref byte start, int lineStart, ReadOnlySpan<int> ends, int lastLoad, ref long output)
        where TUnit : struct, IEpochUnit
    {
        var shape = OffsetTimestampShape.Canonical;
        Vector256<byte> or = shape.Or, template = shape.Template, and = shape.And, limit = shape.Limit, shuffle = shape.Shuffle;
        // The same twice, for two rows in a 512-bit register where the machine has them.
        var pair = OffsetTimestampVectorScanner.IsPairSupported ? new OffsetTimestampVectorScanner.PairConstants(shape) : default;
        int k = 0;
        for (; k + 4 <= ends.Length && ends[k + 2] + 1 <= lastLoad; k += 4)
        {
            int start1 = ends[k] + 1, start2 = ends[k + 1] + 1, start3 = ends[k + 2] + 1;
            int length0 = LineLength(ref start, lineStart, ends[k]), length1 = LineLength(ref start, start1, ends[k + 1]);
            int length2 = LineLength(ref start, start2, ends[k + 2]), length3 = LineLength(ref start, start3, ends[k + 3]);
            if (((uint)(length0 - 20) > 15) | ((uint)(length1 - 20) > 15) | ((uint)(length2 - 20) > 15) | ((uint)(length3 - 20) > 15))
            {
                break;
            }
            var c0 = OffsetTimestampVectorScanner.Canonical(Vector256.LoadUnsafe(ref start, (nuint)lineStart), ref Unsafe.Add(ref start, lineStart), length0, out bool form0, out int run0);
            var c1 = OffsetTimestampVectorScanner.Canonical(Vector256.LoadUnsafe(ref start, (nuint)start1), ref Unsafe.Add(ref start, start1), length1, out bool form1, out int run1);
            var c2 = OffsetTimestampVectorScanner.Canonical(Vector256.LoadUnsafe(ref start, (nuint)start2), ref Unsafe.Add(ref start, start2), length2, out bool form2, out int run2);
            var c3 = OffsetTimestampVectorScanner.Canonical(Vector256.LoadUnsafe(ref start, (nuint)start3), ref Unsafe.Add(ref start, start3), length3, out bool form3, out int run3);
            Vector256<int> f0, f1, f2, f3;
            bool shapesOk;
            if (OffsetTimestampVectorScanner.IsPairSupported)
            {
                var f01 = OffsetTimestampVectorScanner.Fields(Vector512.Create(c0, c1), pair, out ulong ok01);
                var f23 = OffsetTimestampVectorScanner.Fields(Vector512.Create(c2, c3), pair, out ulong ok23);
                (f0, f1, f2, f3) = (f01.GetLower(), f01.GetUpper(), f23.GetLower(), f23.GetUpper());
                shapesOk = (ok01 & ok23) == ulong.MaxValue;
            }
            else
            {
                shapesOk = FieldsOfFour(c0, c1, c2, c3, or, template, and, limit, shuffle, out f0, out f1, out f2, out f3);
            }
            Vector256<long> values = OffsetTimestampVectorScanner.Finish(f0, f1, f2, f3, out uint valid);
            if (!shapesOk | (valid != 0xF) | !(form0 & form1 & form2 & form3))
            {
                break;
            }
            if (TUnit.KeepsMilliseconds)
            {
                var milliseconds = Vector256.Create(
                    (long)OffsetTimestampVectorScanner.Milliseconds(ref Unsafe.Add(ref start, lineStart), run0), OffsetTimestampVectorScanner.Milliseconds(ref Unsafe.Add(ref start, start1), run1),
                    OffsetTimestampVectorScanner.Milliseconds(ref Unsafe.Add(ref start, start2), run2), OffsetTimestampVectorScanner.Milliseconds(ref Unsafe.Add(ref start, start3), run3));
                values = TUnit.FromSeconds(values, milliseconds);
            }
            values.StoreUnsafe(ref output, (nuint)k);
            lineStart = ends[k + 3] + 1;
        }
        return k;
    }

    // The length of the line [lineStart, end) without a '\r' before end.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LineLength(ref byte start, int lineStart, int end)
    {
        int length = end - lineStart;
        return length != 0 && Unsafe.Add(ref start, end - 1) == (byte)'\r' ? length - 1 : length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ParseLinesPortable<TUnit>(ReadOnlySpan<byte> input, Span<long> destination, Span<RowError> errors, ref Progress progress)
        where TUnit : struct, IEpochUnit
    {
        int row = progress.Row, failed = progress.Failed, position = progress.Position;
        // The length (with any '\r') of the previous line. A column's rows usually share one shape, so the next
        // line probably ends at the same distance: if a '\n' is there and the fixed-width parser accepts every
        // byte before it, none of them is a '\n' and the line is found without scanning for it.
        int guess = 24;
        while (row < destination.Length && position < input.Length)
        {
            ReadOnlySpan<byte> rest = input[position..];
            if ((uint)guess < (uint)rest.Length && rest[guess] == (byte)'\n')
            {
                ReadOnlySpan<byte> probe = rest[..guess];
                if (OffsetTimestampScanner.TryParseFixedBest(probe.Length > 0 && probe[^1] == (byte)'\r' ? probe[..^1] : probe, out long seconds))
                {
                    destination[row++] = TUnit.FromSeconds(seconds);
                    position += guess + 1;
                    continue;
                }
            }
            int newline = rest.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = newline < 0 ? rest : rest[..newline];
            if (newline >= 0)
            {
                guess = newline;
            }
            if (line.Length > 0 && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }
            if (OffsetTimestampScanner.TryParseFixedBest(line, out long fixedSeconds))
            {
                destination[row] = TUnit.FromSeconds(fixedSeconds);
            }
            else if (!TryParseGeneralRow<TUnit, byte>(line, row, destination, errors, ref failed))
            {
                break;
            }
            row++;
            position += newline < 0 ? rest.Length : newline + 1;
        }
        progress = new Progress(row, failed, position);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ColumnParseResult ParseStrings<TUnit>(ReadOnlySpan<string?> values, Span<long> destination, Span<RowError> errors)
        where TUnit : struct, IEpochUnit
    {
        int row = 0, failed = 0;
        int count = Math.Min(values.Length, destination.Length);
        for (; row < count; row++)
        {
            // Two strings of one fixed form: maybe a run of them (the usual column).
            if (OffsetTimestampVectorScanner.IsWideSupported && row + 4 <= count && values[row] is { Length: < 32 and var length }
                && values[row + 1]?.Length == length && OffsetTimestampShape.HeadTailByLength[length] is { } shape)
            {
                int done = ParseFixedStringsRun<TUnit>(values[row..count], shape, ref destination[row]);
                if (done > 0)
                {
                    row += done - 1;
                    continue;
                }
            }
            ReadOnlySpan<char> text = values[row];
            if (OffsetTimestampVectorScanner.IsWideSupported
                    ? OffsetTimestampVectorScanner.TryParseFixedWide(text, out long seconds)
                    : OffsetTimestampScanner.TryParseFixedBest(text, out seconds))
            {
                destination[row] = TUnit.FromSeconds(seconds);
            }
            else if (!TryParseGeneralRow<TUnit, char>(text, row, destination, errors, ref failed))
            {
                break;
            }
        }
        return new ColumnParseResult(row, failed, row);
    }

    /// <summary>
    /// <see cref="ParseFixedRun{TUnit}"/> for strings: four per step while the next four are all of
    /// <paramref name="shape"/>'s length (head/tail layout) and right. Returns the rows written, a multiple of four.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int ParseFixedStringsRun<TUnit>(ReadOnlySpan<string?> values, OffsetTimestampShape shape, ref long output)
        where TUnit : struct, IEpochUnit
    {
        int length = shape.Length;
        Vector256<byte> or = shape.Or, and = shape.And, shuffle = shape.Shuffle, template = shape.Template, limit = shape.Limit;
        int k = 0;
        for (; k + 4 <= values.Length; k += 4)
        {
            string? s0 = values[k], s1 = values[k + 1], s2 = values[k + 2], s3 = values[k + 3];
            if (s0 is null || s1 is null || s2 is null || s3 is null
                || ((s0.Length != length) | (s1.Length != length) | (s2.Length != length) | (s3.Length != length)))
            {
                break;
            }
            if (!TryConvertFour<TUnit>(
                    OffsetTimestampVectorScanner.HeadTail(ref MemoryMarshal.GetReference(s0.AsSpan()), length), OffsetTimestampVectorScanner.HeadTail(ref MemoryMarshal.GetReference(s1.AsSpan()), length),
                    OffsetTimestampVectorScanner.HeadTail(ref MemoryMarshal.GetReference(s2.AsSpan()), length), OffsetTimestampVectorScanner.HeadTail(ref MemoryMarshal.GetReference(s3.AsSpan()), length),
                    or, template, and, limit, shuffle, out Vector256<long> converted))
            {
                break;
            }
            converted.StoreUnsafe(ref output, (nuint)k);
        }
        return k;
    }

    // Where a loop over rows stands: rows done, rows failed among them, input consumed.
    private readonly record struct Progress(int Row, int Failed, int Position);

    // Parses one row with the full grammar; false when it failed and errors has no slot left (row not consumed).
    private static bool TryParseGeneralRow<TUnit, TChar>(ReadOnlySpan<TChar> text, int row, Span<long> destination, Span<RowError> errors, ref int failed)
        where TUnit : struct, IEpochUnit
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (OffsetTimestampScanner.TryParseGeneral(text, offsetRequired: true, out var fields, out var error))
        {
            destination[row] = TUnit.FromFields(fields);
            return true;
        }
        if (failed == errors.Length)
        {
            return false;
        }
        errors[failed++] = new RowError(row, error);
        destination[row] = 0;
        return true;
    }

    // The output unit, as a type argument so that the JIT compiles one loop per unit without a branch per row.
    private interface IEpochUnit
    {
        /// <summary>Whether a fraction counts (so that a loop in seconds does not read it).</summary>
        static abstract bool KeepsMilliseconds { get; }

        static abstract long FromSeconds(long seconds);

        static abstract Vector256<long> FromSeconds(Vector256<long> seconds);

        static abstract long FromFields(in TimestampFields fields);

        /// <summary>The value of epoch seconds plus the whole milliseconds of a non-negative fraction.</summary>
        static abstract long FromSeconds(long seconds, int milliseconds);

        /// <summary>The same for four values.</summary>
        static abstract Vector256<long> FromSeconds(Vector256<long> seconds, Vector256<long> milliseconds);
    }

    private readonly struct Seconds : IEpochUnit
    {
        public static bool KeepsMilliseconds => false;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static long FromSeconds(long seconds) => seconds;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<long> FromSeconds(Vector256<long> seconds) => seconds;

        public static long FromFields(in TimestampFields fields) => fields.EpochSeconds;

        // A non-negative fraction does not change the floor of the seconds.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static long FromSeconds(long seconds, int milliseconds) => seconds;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<long> FromSeconds(Vector256<long> seconds, Vector256<long> milliseconds) => seconds;
    }

    private readonly struct Milliseconds : IEpochUnit
    {
        public static bool KeepsMilliseconds => true;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static long FromSeconds(long seconds) => seconds * 1000;

        // 1000 = 1024 - 16 - 8: AVX2 has no 64-bit multiply.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<long> FromSeconds(Vector256<long> seconds) => (seconds << 10) - (seconds << 4) - (seconds << 3);

        // The fraction is non-negative, so adding its whole milliseconds floors.
        public static long FromFields(in TimestampFields fields) => fields.EpochSeconds * 1000 + fields.Nanosecond / 1_000_000;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static long FromSeconds(long seconds, int milliseconds) => seconds * 1000 + milliseconds;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<long> FromSeconds(Vector256<long> seconds, Vector256<long> milliseconds) => FromSeconds(seconds) + milliseconds;
    }
}

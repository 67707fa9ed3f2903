using System.Numerics;
using System.Runtime.CompilerServices;

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

    private static ColumnParseResult ParseLines<TUnit>(ReadOnlySpan<byte> input, Span<long> destination, Span<RowError> errors)
        where TUnit : struct, IEpochUnit
    {
        int row = 0, failed = 0, position = 0;
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
        return new ColumnParseResult(row, failed, position);
    }

    private static ColumnParseResult ParseStrings<TUnit>(ReadOnlySpan<string?> values, Span<long> destination, Span<RowError> errors)
        where TUnit : struct, IEpochUnit
    {
        int row = 0, failed = 0;
        int count = Math.Min(values.Length, destination.Length);
        for (; row < count; row++)
        {
            ReadOnlySpan<char> text = values[row];
            if (OffsetTimestampScanner.TryParseFixedBest(text, out long seconds))
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
        static abstract long FromSeconds(long seconds);

        static abstract long FromFields(in TimestampFields fields);
    }

    private readonly struct Seconds : IEpochUnit
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static long FromSeconds(long seconds) => seconds;

        public static long FromFields(in TimestampFields fields) => fields.EpochSeconds;
    }

    private readonly struct Milliseconds : IEpochUnit
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static long FromSeconds(long seconds) => seconds * 1000;

        // The fraction is non-negative, so adding its whole milliseconds floors.
        public static long FromFields(in TimestampFields fields) => fields.EpochSeconds * 1000 + fields.Nanosecond / 1_000_000;
    }
}

using System.Buffers;

namespace UpStats.Time.Parsing;

public static partial class OffsetTimestampColumn
{
    // Below this size a single thread finishes before the others have started.
    private const int MinimumParallelBytes = 1 << 20;

    /// <summary>
    /// Parses newline-separated UTF-8 timestamps into Unix epoch seconds (floored) on several threads: the input
    /// is cut into chunks at line ends, one per core. The result, the values and the errors are exactly those of
    /// <see cref="ParseEpochSeconds(ReadOnlySpan{byte}, Span{long}, Span{RowError})"/> on the same arguments,
    /// stopping rules included.
    /// </summary>
    /// <param name="utf8Lines">Whole lines; <c>"\n"</c> or <c>"\r\n"</c> between them, optional after the last.</param>
    /// <param name="destination">One slot per row; failed rows get 0.</param>
    /// <param name="errors">Receives one entry per failed row, in row order.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; -1 (the default) for one per processor.</param>
    /// <returns>Rows written, rows failed, bytes consumed.</returns>
    /// <remarks>
    /// Inputs under 1 MiB are parsed on the calling thread. The first chunk is parsed straight into
    /// <paramref name="destination"/>; the others into pooled buffers that are copied into place afterwards,
    /// because where their rows start is only known once the rows before them are counted.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public static ColumnParseResult ParseEpochSecondsParallel(ReadOnlyMemory<byte> utf8Lines, Memory<long> destination, Memory<RowError> errors, int maxDegreeOfParallelism = -1) =>
        ParseLinesParallel<Seconds>(utf8Lines, destination, errors, maxDegreeOfParallelism);

    /// <summary>
    /// Parses newline-separated UTF-8 timestamps into Unix epoch milliseconds (floored) on several threads; see
    /// <see cref="ParseEpochSecondsParallel"/>.
    /// </summary>
    /// <param name="utf8Lines">Whole lines; <c>"\n"</c> or <c>"\r\n"</c> between them, optional after the last.</param>
    /// <param name="destination">One slot per row; failed rows get 0.</param>
    /// <param name="errors">Receives one entry per failed row, in row order.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use; -1 (the default) for one per processor.</param>
    /// <returns>Rows written, rows failed, bytes consumed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public static ColumnParseResult ParseEpochMillisecondsParallel(ReadOnlyMemory<byte> utf8Lines, Memory<long> destination, Memory<RowError> errors, int maxDegreeOfParallelism = -1) =>
        ParseLinesParallel<Milliseconds>(utf8Lines, destination, errors, maxDegreeOfParallelism);

    private static ColumnParseResult ParseLinesParallel<TUnit>(ReadOnlyMemory<byte> input, Memory<long> destination, Memory<RowError> errors, int maxDegreeOfParallelism)
        where TUnit : struct, IEpochUnit
    {
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use -1 for one thread per processor, or a positive number.");
        }
        int threads = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : Math.Min(maxDegreeOfParallelism, Environment.ProcessorCount);
        return ParseLinesInChunks<TUnit>(input, destination, errors, Math.Min(threads, input.Length / MinimumParallelBytes));
    }

    /// <summary>The parallel path with a given number of chunks, so that tests can cut a small input many ways.</summary>
    internal static ColumnParseResult ParseEpochSecondsInChunks(ReadOnlyMemory<byte> input, Memory<long> destination, Memory<RowError> errors, int chunks) =>
        ParseLinesInChunks<Seconds>(input, destination, errors, chunks);

    private static ColumnParseResult ParseLinesInChunks<TUnit>(ReadOnlyMemory<byte> input, Memory<long> destination, Memory<RowError> errors, int chunks)
        where TUnit : struct, IEpochUnit
    {
        if (chunks < 2)
        {
            return ParseLines<TUnit>(input.Span, destination.Span, errors.Span);
        }

        // Chunk i is [starts[i], starts[i + 1]): each start is just after a '\n' (or the end of the input).
        var starts = new int[chunks + 1];
        ReadOnlySpan<byte> bytes = input.Span;
        for (int i = 1; i < chunks; i++)
        {
            int from = Math.Max(starts[i - 1], (int)((long)input.Length * i / chunks));
            int newline = bytes[from..].IndexOf((byte)'\n');
            starts[i] = newline < 0 ? input.Length : from + newline + 1;
        }
        starts[chunks] = input.Length;

        var results = new ColumnParseResult[chunks];
        var values = new long[chunks][];
        var chunkErrors = new RowError[chunks][];
        try
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = chunks }, i =>
            {
                ReadOnlySpan<byte> chunk = input.Span[starts[i]..starts[i + 1]];
                if (i == 0)
                {
                    results[0] = ParseLines<TUnit>(chunk, destination.Span, errors.Span);
                    return;
                }
                // A row takes at least one byte ('\n'), but the fixed-width forms take 21 or more: size for those
                // and let the merge finish a chunk of shorter rows on one thread.
                int capacity = Math.Min(destination.Length, chunk.Length / 16 + 64);
                values[i] = ArrayPool<long>.Shared.Rent(capacity);
                chunkErrors[i] = ArrayPool<RowError>.Shared.Rent(capacity);
                results[i] = ParseLines<TUnit>(chunk, values[i].AsSpan(0, capacity), chunkErrors[i].AsSpan(0, capacity));
            });

            // In chunk order, as one call would have gone: append a chunk that was parsed whole and fits; else
            // parse on from its start with what room is left, and stop there.
            var total = results[0];
            if (total.Consumed < starts[1] - starts[0])
            {
                return total;
            }
            Span<long> output = destination.Span;
            Span<RowError> errorOutput = errors.Span;
            for (int i = 1; i < chunks; i++)
            {
                var r = results[i];
                bool whole = r.Consumed == starts[i + 1] - starts[i];
                if (whole && r.Rows <= output.Length - total.Rows && r.Failed <= errorOutput.Length - total.Failed)
                {
                    values[i].AsSpan(0, r.Rows).CopyTo(output[total.Rows..]);
                    for (int e = 0; e < r.Failed; e++)
                    {
                        errorOutput[total.Failed + e] = chunkErrors[i][e] with { Row = chunkErrors[i][e].Row + total.Rows };
                    }
                    total = new ColumnParseResult(total.Rows + r.Rows, total.Failed + r.Failed, total.Consumed + r.Consumed);
                    continue;
                }
                var rest = ParseLines<TUnit>(bytes[starts[i]..], output[total.Rows..], errorOutput[total.Failed..]);
                for (int e = 0; e < rest.Failed; e++)
                {
                    ref RowError error = ref errorOutput[total.Failed + e];
                    error = error with { Row = error.Row + total.Rows };
                }
                return new ColumnParseResult(total.Rows + rest.Rows, total.Failed + rest.Failed, total.Consumed + rest.Consumed);
            }
            return total;
        }
        finally
        {
            for (int i = 1; i < chunks; i++)
            {
                if (values[i] is { } v)
                {
                    ArrayPool<long>.Shared.Return(v);
                }
                if (chunkErrors[i] is { } e)
                {
                    // Only the entries written hold a reason to let go of: clearing the whole buffer (sized for
                    // every row to fail) cost more than a nanosecond per row of the input.
                    e.AsSpan(0, results[i] == default ? e.Length : results[i].Failed).Clear();
                    ArrayPool<RowError>.Shared.Return(e);
                }
            }
        }
    }
}

using System.Runtime.CompilerServices;
using DuckDB.NET.Native;

namespace UpStats.Time.DuckDB;

/// <summary>
/// Reads and writes DuckDB vectors in place, through DuckDB.NET's native bindings: the strings of a VARCHAR vector
/// as UTF-8 spans over DuckDB's own memory, BIGINTs as a span, and the validity masks bit by bit.
/// </summary>
/// <remarks>
/// DuckDB.NET's reader API hands out a .NET <see cref="string"/> per VARCHAR value (or a stream), which costs more
/// than parsing the value; these helpers read <c>duckdb_string_t</c> directly. Its layout (16 bytes):
/// <code>
/// offset 0: uint32 length
/// length ≤ 12:  offset 4..15  the bytes themselves (inlined)
/// length > 12:  offset 4..7   the first 4 bytes (prefix), offset 8: pointer to all the bytes
/// </code>
/// A validity mask is one bit per row (1 = valid) in 64-bit words; a null pointer means every row is valid.
/// The C API hands scalar functions flattened vectors, so row <c>i</c> of every input is at index <c>i</c>.
/// </remarks>
internal static unsafe class DuckDBVectors
{
    private const int InlineLength = 12;

    /// <summary>Fills <paramref name="vectors"/> with the chunk's input vectors (one per argument) and returns its row count.</summary>
    public static int Inputs(IntPtr chunk, Span<IntPtr> vectors)
    {
        // A handle that does not own the chunk (DuckDB frees it): one small object per chunk, not per value.
        using var handle = new DuckDBDataChunk(chunk);
        for (int column = 0; column < vectors.Length; column++)
        {
            vectors[column] = NativeMethods.DataChunks.DuckDBDataChunkGetVector(handle, column);
        }
        return checked((int)NativeMethods.DataChunks.DuckDBDataChunkGetSize(handle));
    }

    /// <summary>The one VARCHAR input of a chunk: its strings and validity mask; returns the row count.</summary>
    public static int VarcharInput(IntPtr chunk, out byte* strings, out ulong* validity)
    {
        Span<IntPtr> inputs = stackalloc IntPtr[1];
        int rows = Inputs(chunk, inputs);
        strings = Data(inputs[0]);
        validity = Validity(inputs[0]);
        return rows;
    }

    public static byte* Data(IntPtr vector) => (byte*)NativeMethods.Vectors.DuckDBVectorGetData(vector);

    public static ulong* Validity(IntPtr vector) => NativeMethods.Vectors.DuckDBVectorGetValidity(vector);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsValid(ulong* validity, int row) =>
        validity == null || (validity[row >> 6] & (1UL << (row & 63))) != 0;

    /// <summary>The UTF-8 bytes of string <paramref name="row"/> of a VARCHAR vector's data, in DuckDB's memory.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> String(byte* strings, int row)
    {
        byte* entry = strings + ((nint)row << 4);
        int length = (int)*(uint*)entry;
        byte* bytes = length <= InlineLength ? entry + 4 : *(byte**)(entry + 8);
        return new ReadOnlySpan<byte>(bytes, length);
    }

    /// <summary>
    /// Whether string <paramref name="row"/> is certainly the same value as string <paramref name="other"/>
    /// because their 16-byte entries are equal (same inlined bytes, or same length, prefix and pointer). A
    /// constant argument, flattened, repeats one entry: this makes "same as the last row" two compares.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SameEntry(byte* strings, int row, int other)
    {
        ulong* a = (ulong*)(strings + ((nint)row << 4));
        ulong* b = (ulong*)(strings + ((nint)other << 4));
        return a[0] == b[0] && a[1] == b[1];
    }

    /// <summary>Whether strings <paramref name="row"/> and <paramref name="other"/> hold the same bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SameString(byte* strings, int row, int other) =>
        SameEntry(strings, row, other) || String(strings, row).SequenceEqual(String(strings, other));

    /// <summary>The output's validity mask, made writable (DuckDB allocates it on first request).</summary>
    public static ulong* WritableValidity(IntPtr vector)
    {
        NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(vector);
        return NativeMethods.Vectors.DuckDBVectorGetValidity(vector);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SetNull(ulong* validity, int row) => validity[row >> 6] &= ~(1UL << (row & 63));

    /// <summary>Copies UTF-8 bytes into row <paramref name="row"/> of a VARCHAR output vector (DuckDB owns the copy).</summary>
    public static void AssignString(IntPtr vector, int row, ReadOnlySpan<byte> utf8)
    {
        fixed (byte* bytes = utf8)
        {
            NativeMethods.Vectors.DuckDBVectorAssignStringElementLength(vector, (ulong)row, bytes, utf8.Length);
        }
    }
}

using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using UpStats.Time.Parsing;

namespace UpStats.Time.DuckDB;

/// <summary>
/// <c>upstats_parse_error(VARCHAR) -> VARCHAR</c>: NULL when the text parses, else <c>position N: reason</c> (the
/// 0-based position of the offending character and its <see cref="ParseError.Reason"/>), as the command line
/// reports a bad line.
/// </summary>
internal static unsafe class ParseErrorFunction
{
    public const string Name = "upstats_parse_error";

    public static void Register(DuckDBConnection connection) =>
        ScalarFunctionRegistration.Register(connection, Name, [DuckDBType.Varchar], DuckDBType.Varchar, &Invoke);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Invoke(IntPtr info, IntPtr chunk, IntPtr output)
    {
        try
        {
            int rows = DuckDBVectors.VarcharInput(chunk, out byte* texts, out ulong* valid);
            ulong* resultValid = DuckDBVectors.WritableValidity(output);
            // The reasons are short constants; 256 bytes hold "position 2147483647: " and any of them.
            Span<byte> message = stackalloc byte[256];
            for (int row = 0; row < rows; row++)
            {
                if (!DuckDBVectors.IsValid(valid, row)
                    || OffsetTimestamp.TryParseEpochSeconds(DuckDBVectors.String(texts, row), out _, out ParseError error))
                {
                    DuckDBVectors.SetNull(resultValid, row);
                    continue;
                }
                DuckDBVectors.AssignString(output, row, Format(error, message));
            }
        }
        catch (Exception e)
        {
            ScalarFunctionRegistration.Fail(info, Name, e);
        }
    }

    /// <summary>Writes <c>position N: reason</c> as UTF-8 into <paramref name="buffer"/>, without a string.</summary>
    internal static ReadOnlySpan<byte> Format(ParseError error, Span<byte> buffer)
    {
        "position "u8.CopyTo(buffer);
        int length = "position "u8.Length;
        Utf8Formatter.TryFormat(error.Position, buffer[length..], out int digits);
        length += digits;
        ": "u8.CopyTo(buffer[length..]);
        length += 2;
        length += Encoding.UTF8.GetBytes(error.Reason, buffer[length..]);
        return buffer[..length];
    }
}

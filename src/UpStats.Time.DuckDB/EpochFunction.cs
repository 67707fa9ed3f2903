using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using UpStats.Time.Parsing;

namespace UpStats.Time.DuckDB;

/// <summary><c>upstats_epoch(VARCHAR) -> BIGINT</c>: an offset timestamp's Unix epoch seconds (floored), NULL when it fails.</summary>
internal static unsafe class EpochFunction
{
    public const string Name = "upstats_epoch";

    public static void Register(DuckDBConnection connection) =>
        ScalarFunctionRegistration.Register(connection, Name, [DuckDBType.Varchar], DuckDBType.BigInt, &Invoke);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Invoke(IntPtr info, IntPtr chunk, IntPtr output)
    {
        try
        {
            int rows = DuckDBVectors.VarcharInput(chunk, out byte* texts, out ulong* valid);
            long* seconds = (long*)DuckDBVectors.Data(output);
            ulong* resultValid = null;
            for (int row = 0; row < rows; row++)
            {
                if (!DuckDBVectors.IsValid(valid, row)
                    || !OffsetTimestamp.TryParseEpochSeconds(DuckDBVectors.String(texts, row), out seconds[row], out _))
                {
                    if (resultValid == null)
                    {
                        resultValid = DuckDBVectors.WritableValidity(output);
                    }
                    DuckDBVectors.SetNull(resultValid, row);
                }
            }
        }
        catch (Exception e)
        {
            ScalarFunctionRegistration.Fail(info, Name, e);
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using UpStats.Time.Partitioning;

namespace UpStats.Time.DuckDB;

/// <summary>
/// <c>upstats_local_key(BIGINT epoch_seconds, VARCHAR zone, VARCHAR granularity) -> VARCHAR</c>: the key of the
/// local partition (<c>hour</c>: <c>2024-11-03T01</c>, <c>day</c>: <c>2024-11-03</c>) the instant belongs to in
/// the zone, as <see cref="PartitionMap.KeyOf"/> gives it.
/// </summary>
internal static unsafe class LocalKeyFunction
{
    public const string Name = "upstats_local_key";

    public static void Register(DuckDBConnection connection) =>
        ScalarFunctionRegistration.Register(connection, Name, [DuckDBType.BigInt, DuckDBType.Varchar, DuckDBType.Varchar], DuckDBType.Varchar, &Invoke);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Invoke(IntPtr info, IntPtr chunk, IntPtr output)
    {
        try
        {
            Span<IntPtr> inputs = stackalloc IntPtr[3];
            int rows = DuckDBVectors.Inputs(chunk, inputs);
            long* seconds = (long*)DuckDBVectors.Data(inputs[0]);
            byte* zones = DuckDBVectors.Data(inputs[1]);
            byte* granularities = DuckDBVectors.Data(inputs[2]);
            ulong* secondsValid = DuckDBVectors.Validity(inputs[0]);
            ulong* zonesValid = DuckDBVectors.Validity(inputs[1]);
            ulong* granularitiesValid = DuckDBVectors.Validity(inputs[2]);
            ulong* resultValid = null;
            Span<byte> key = stackalloc byte[32];
            PartitionMap? map = null;
            int mapRow = -1;
            for (int row = 0; row < rows; row++)
            {
                if (!DuckDBVectors.IsValid(secondsValid, row) || !DuckDBVectors.IsValid(zonesValid, row) || !DuckDBVectors.IsValid(granularitiesValid, row))
                {
                    if (resultValid == null)
                    {
                        resultValid = DuckDBVectors.WritableValidity(output);
                    }
                    DuckDBVectors.SetNull(resultValid, row);
                    continue;
                }
                if (map == null || !DuckDBVectors.SameString(zones, row, mapRow) || !DuckDBVectors.SameString(granularities, row, mapRow))
                {
                    map = FunctionArguments.PartitionMap(Name, DuckDBVectors.String(zones, row), DuckDBVectors.String(granularities, row));
                    mapRow = row;
                }
                map.KeyOf(FunctionArguments.Instant(Name, seconds[row])).TryFormat(key, out int length);
                DuckDBVectors.AssignString(output, row, key[..length]);
            }
        }
        catch (Exception e)
        {
            ScalarFunctionRegistration.Fail(info, Name, e);
        }
    }
}

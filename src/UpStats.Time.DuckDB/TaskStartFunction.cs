using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using UpStats.Time.Scheduling;

namespace UpStats.Time.DuckDB;

/// <summary>
/// <c>upstats_task_start(BIGINT epoch_seconds, VARCHAR run_interval, VARCHAR start_from, VARCHAR zone) -> BIGINT</c>:
/// the start (epoch seconds, floored) of the task that contains the instant in the open-ended schedule of
/// <c>run_interval</c> from <c>start_from</c> (an offset timestamp) on the zone's local clock; NULL before
/// <c>start_from</c>. As <see cref="TaskSchedule.TryGetTaskContaining"/> gives it.
/// </summary>
internal static unsafe class TaskStartFunction
{
    public const string Name = "upstats_task_start";

    public static void Register(DuckDBConnection connection) =>
        ScalarFunctionRegistration.Register(
            connection, Name, [DuckDBType.BigInt, DuckDBType.Varchar, DuckDBType.Varchar, DuckDBType.Varchar], DuckDBType.BigInt, &Invoke);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Invoke(IntPtr info, IntPtr chunk, IntPtr output)
    {
        try
        {
            Span<IntPtr> inputs = stackalloc IntPtr[4];
            int rows = DuckDBVectors.Inputs(chunk, inputs);
            long* seconds = (long*)DuckDBVectors.Data(inputs[0]);
            byte* intervals = DuckDBVectors.Data(inputs[1]);
            byte* starts = DuckDBVectors.Data(inputs[2]);
            byte* zones = DuckDBVectors.Data(inputs[3]);
            Span<IntPtr> validity = stackalloc IntPtr[4];
            for (int i = 0; i < 4; i++)
            {
                validity[i] = (IntPtr)DuckDBVectors.Validity(inputs[i]);
            }
            long* result = (long*)DuckDBVectors.Data(output);
            ulong* resultValid = null;
            TaskSchedule? schedule = null;
            int scheduleRow = -1;
            for (int row = 0; row < rows; row++)
            {
                bool isNull = false;
                for (int i = 0; i < 4; i++)
                {
                    isNull |= !DuckDBVectors.IsValid((ulong*)validity[i], row);
                }
                if (!isNull)
                {
                    if (schedule == null || !DuckDBVectors.SameString(intervals, row, scheduleRow)
                        || !DuckDBVectors.SameString(starts, row, scheduleRow) || !DuckDBVectors.SameString(zones, row, scheduleRow))
                    {
                        schedule = FunctionArguments.TaskSchedule(
                            Name, DuckDBVectors.String(intervals, row), DuckDBVectors.String(starts, row), DuckDBVectors.String(zones, row));
                        scheduleRow = row;
                    }
                    if (schedule.TryGetTaskContaining(FunctionArguments.Instant(Name, seconds[row]), out var task))
                    {
                        result[row] = task.Start.ToUnixTimeSeconds();
                        continue;
                    }
                }
                if (resultValid == null)
                {
                    resultValid = DuckDBVectors.WritableValidity(output);
                }
                DuckDBVectors.SetNull(resultValid, row);
            }
        }
        catch (Exception e)
        {
            ScalarFunctionRegistration.Fail(info, Name, e);
        }
    }
}

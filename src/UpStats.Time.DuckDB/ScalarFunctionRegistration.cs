using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace UpStats.Time.DuckDB;

/// <summary>
/// Registers a scalar function whose body is a native callback over whole chunks, through DuckDB's C API as
/// DuckDB.NET binds it.
/// </summary>
/// <remarks>
/// DuckDB.NET's own <c>RegisterScalarFunction</c> hands the body readers that make a .NET string per VARCHAR value;
/// registering the callback directly lets the functions read the vectors in place (see <see cref="DuckDBVectors"/>).
/// The functions are pure and keep DuckDB's default NULL handling (NULL in, NULL out); the callbacks still check
/// the inputs' validity masks, so they never read the bytes of a NULL row.
/// </remarks>
internal static unsafe class ScalarFunctionRegistration
{
    public static void Register(
        DuckDBConnection connection,
        string name,
        ReadOnlySpan<DuckDBType> parameters,
        DuckDBType returns,
        delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, void> body)
    {
        IntPtr function = NativeMethods.ScalarFunction.DuckDBCreateScalarFunction();
        try
        {
            NativeMethods.ScalarFunction.DuckDBScalarFunctionSetName(function, name);
            foreach (var parameter in parameters)
            {
                using var type = NativeMethods.LogicalType.DuckDBCreateLogicalType(parameter);
                NativeMethods.ScalarFunction.DuckDBScalarFunctionAddParameter(function, type);
            }
            using (var type = NativeMethods.LogicalType.DuckDBCreateLogicalType(returns))
            {
                NativeMethods.ScalarFunction.DuckDBScalarFunctionSetReturnType(function, type);
            }
            NativeMethods.ScalarFunction.DuckDBScalarFunctionSetFunction(function, body);
            if (!NativeMethods.ScalarFunction.DuckDBRegisterScalarFunction(connection.NativeConnection, function).IsSuccess())
            {
                throw new InvalidOperationException($"DuckDB refused to register the SQL function {name}.");
            }
        }
        finally
        {
            NativeMethods.ScalarFunction.DuckDBDestroyScalarFunction(ref function);
        }
    }

    /// <summary>Fails the query that called the function with <paramref name="message"/> (DuckDB raises it after the callback returns).</summary>
    public static void Fail(IntPtr info, string message) =>
        NativeMethods.ScalarFunction.DuckDBScalarFunctionSetError(info, message);

    /// <summary>The message a query gets when a callback throws: an expected misuse says what, anything else says which function.</summary>
    public static void Fail(IntPtr info, string function, Exception exception) =>
        Fail(info, exception is FunctionArgumentException ? exception.Message : $"{function}: {exception.GetType().Name}: {exception.Message}");
}

namespace UpStats.Time.DuckDB;

/// <summary>
/// A function argument the query got wrong (an unknown zone, granularity or run interval, a bad start): its
/// message, which names the function and the value, becomes the query's error as it is.
/// </summary>
internal sealed class FunctionArgumentException(string message) : Exception(message);

using DuckDB.NET.Data;

namespace UpStats.Time.DuckDB;

/// <summary>
/// UpStats.Time as DuckDB SQL functions: parse offset timestamps, say why a text fails, map instants to a zone's
/// local partition keys and to the tasks of a run-interval schedule, inside a query.
/// </summary>
/// <remarks>
/// <para>Every function returns NULL when any argument is NULL. An unknown zone, granularity or run interval, or a
/// <c>start_from</c> that is not an offset timestamp, fails the query with an error that names it.</para>
/// <list type="table">
/// <listheader><term>function</term><description>result</description></listheader>
/// <item><term><c>upstats_epoch(text VARCHAR) -> BIGINT</c></term><description>Unix epoch seconds, floored; NULL when the text is not an offset timestamp.</description></item>
/// <item><term><c>upstats_parse_error(text VARCHAR) -> VARCHAR</c></term><description>NULL when the text parses, else <c>position N: reason</c>.</description></item>
/// <item><term><c>upstats_local_key(epoch_seconds BIGINT, zone VARCHAR, granularity VARCHAR) -> VARCHAR</c></term><description>The local partition key in a tzdb zone: <c>2024-11-03T01</c> for <c>'hour'</c>, <c>2024-11-03</c> for <c>'day'</c>.</description></item>
/// <item><term><c>upstats_task_start(epoch_seconds BIGINT, run_interval VARCHAR, start_from VARCHAR, zone VARCHAR) -> BIGINT</c></term><description>The start (epoch seconds) of the task containing the instant, in the open-ended schedule of <c>run_interval</c> (<c>'5 MINUTES'</c>, <c>'1h'</c>, <c>'1 DAY'</c>) from <c>start_from</c> (an offset timestamp) on the zone's clock; NULL before <c>start_from</c>.</description></item>
/// </list>
/// <para>The functions work on DuckDB's vectors in place: a VARCHAR value is read as UTF-8 in DuckDB's memory, with
/// no .NET string per value.</para>
/// <example>
/// <code>
/// using var connection = new DuckDBConnection("DataSource=:memory:");
/// connection.Open();
/// connection.RegisterUpStatsFunctions();
/// using var command = connection.CreateCommand();
/// command.CommandText = "SELECT upstats_local_key(upstats_epoch('2024-11-03T01:30:00-08:00'), 'America/Los_Angeles', 'hour')";
/// var key = (string)command.ExecuteScalar()!;   // "2024-11-03T01"
/// </code>
/// </example>
/// </remarks>
public static class UpStatsFunctions
{
    /// <summary>
    /// Adds <c>upstats_epoch</c>, <c>upstats_parse_error</c>, <c>upstats_local_key</c> and <c>upstats_task_start</c>
    /// to the database of <paramref name="connection"/>. Calling it again is harmless (tested): the functions keep working.
    /// </summary>
    /// <param name="connection">An open connection.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connection"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The connection is not open, or DuckDB refused to register a function.</exception>
    public static void RegisterUpStatsFunctions(this DuckDBConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State != System.Data.ConnectionState.Open)
        {
            throw new InvalidOperationException("Open the connection before registering the UpStats.Time functions.");
        }
        EpochFunction.Register(connection);
        ParseErrorFunction.Register(connection);
        LocalKeyFunction.Register(connection);
        TaskStartFunction.Register(connection);
    }
}

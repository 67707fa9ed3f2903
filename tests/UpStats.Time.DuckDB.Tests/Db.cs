using DuckDB.NET.Data;

namespace UpStats.Time.DuckDB.Tests;

/// <summary>An in-memory DuckDB with the UpStats.Time functions registered, and helpers to load rows and read results.</summary>
internal sealed class Db : IDisposable
{
    public Db(int threads = 1)
    {
        Connection = new DuckDBConnection("DataSource=:memory:");
        Connection.Open();
        Connection.RegisterUpStatsFunctions();
        Execute($"SET threads = {threads}");
    }

    public DuckDBConnection Connection { get; }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Every row of the query's result, NULLs as <c>null</c>.</summary>
    public List<object?[]> Rows(string sql, params object[] parameters)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(parameter));
        }
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    public object? Scalar(string sql, params object[] parameters) => Rows(sql, parameters).Single().Single();

    /// <summary>Creates table <c>t(i INTEGER, s VARCHAR)</c> holding <paramref name="texts"/> in order (i = index).</summary>
    public void LoadTexts(IReadOnlyList<string?> texts)
    {
        Execute("CREATE OR REPLACE TABLE t(i INTEGER, s VARCHAR)");
        using var appender = Connection.CreateAppender("t");
        for (int i = 0; i < texts.Count; i++)
        {
            var row = appender.CreateRow().AppendValue(i);
            (texts[i] is { } text ? row.AppendValue(text) : row.AppendNullValue()).EndRow();
        }
    }

    /// <summary>Creates table <c>e(i INTEGER, seconds BIGINT, zone VARCHAR)</c> in order (i = index).</summary>
    public void LoadInstants(IReadOnlyList<(long? Seconds, string? Zone)> rows)
    {
        Execute("CREATE OR REPLACE TABLE e(i INTEGER, seconds BIGINT, zone VARCHAR)");
        using var appender = Connection.CreateAppender("e");
        for (int i = 0; i < rows.Count; i++)
        {
            var row = appender.CreateRow().AppendValue(i);
            row = rows[i].Seconds is { } s ? row.AppendValue(s) : row.AppendNullValue();
            row = rows[i].Zone is { } z ? row.AppendValue(z) : row.AppendNullValue();
            row.EndRow();
        }
    }

    public void Dispose() => Connection.Dispose();
}

using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using UpStats.Lake.Migration;
using UpStats.Lake.Store;

namespace UpStats.Lake.Engines;

/// <summary>PostgreSQL through Npgsql, when a connection string is given; <c>data</c> is <c>bytea</c>.</summary>
internal sealed class PostgresEngine : ILakeEngine
{
    private readonly NpgsqlConnection _connection;
    private byte[] _blob = new byte[64 * 1024];

    /// <summary>Opens a connection with <paramref name="connectionString"/> (Npgsql's key=value form).</summary>
    public PostgresEngine(string connectionString)
    {
        _connection = new NpgsqlConnection(connectionString);
        _connection.Open();
    }

    public string Name => "postgresql";

    public DbConnection Connection => _connection;

    public string IntegerType => "bigint";

    public string TextKeyedTableOptions => "";

    public int DefaultChunkSize => 250;

    public int DefaultCommitRows => 1000;

    public string BlobType => "bytea";

    public void InsertRawRows(DbTransaction transaction, IReadOnlyList<RawRow> rows)
    {
        // Binary COPY: one round trip for the whole batch instead of one per row.
        using var import = _connection.BeginBinaryImport("COPY odesk_debug_req(id, added_time, sha, data, query) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            import.StartRow();
            import.Write(row.Id, NpgsqlDbType.Bigint);
            import.Write(row.AddedTime, NpgsqlDbType.Bigint);
            import.Write(row.Sha, NpgsqlDbType.Text);
            import.Write(row.Data, NpgsqlDbType.Bytea);
            import.Write(row.Query, NpgsqlDbType.Text);
        }
        import.Complete();
    }

    public long ReadPayloads(long afterId, int limit, PayloadHandler handler)
    {
        using var command = new NpgsqlCommand("SELECT id, data FROM odesk_debug_req WHERE id > @after ORDER BY id LIMIT @limit", _connection);
        command.Parameters.AddWithValue("after", afterId);
        command.Parameters.AddWithValue("limit", limit);
        using var reader = command.ExecuteReader();
        var last = afterId;
        while (reader.Read())
        {
            last = reader.GetInt64(0);
            var length = checked((int)reader.GetBytes(1, 0, null, 0, 0));
            if (length > _blob.Length)
            {
                _blob = new byte[Math.Max(length, _blob.Length * 2)];
            }
            var read = 0;
            while (read < length)
            {
                read += checked((int)reader.GetBytes(1, read, _blob, read, length - read));
            }
            handler(last, _blob.AsSpan(0, length));
        }
        return last;
    }

    public void InsertJobs(DbTransaction transaction, JobBatch batch, ReadOnlySpan<int> rows)
    {
        var count = rows.Length;
        if (count == 0)
        {
            return;
        }
        // One statement per chunk: the columns go as arrays, unnest turns them back into rows, and
        // RETURNING tells which job ids were new (ON CONFLICT DO NOTHING skips the others).
        var jobIds = new string[count];
        var rawIds = new long[count];
        var dates = new long?[count];
        var errors = new string?[count];
        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var k = 0; k < count; k++)
        {
            var i = rows[k];
            jobIds[k] = batch.JobIdString(i);
            rawIds[k] = batch.RawIds[i];
            dates[k] = batch.DateCreated(i);
            errors[k] = batch.Errors[i];
            index[jobIds[k]] = i; // the ids of rows are distinct
        }
        using var command = new NpgsqlCommand(
            "INSERT INTO jobs(job_id, raw_id, date_created, error) SELECT * FROM unnest(@job, @raw, @date, @error) ON CONFLICT (job_id) DO NOTHING RETURNING job_id",
            _connection,
            (NpgsqlTransaction)transaction);
        command.Parameters.Add(new NpgsqlParameter("job", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = jobIds });
        command.Parameters.Add(new NpgsqlParameter("raw", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = rawIds });
        command.Parameters.Add(new NpgsqlParameter("date", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = dates });
        command.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = errors });
        var inserted = batch.Inserted;
        inserted.Clear();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            inserted[index[reader.GetString(0)]] = true;
        }
    }

    public void Dispose() => _connection.Dispose();
}

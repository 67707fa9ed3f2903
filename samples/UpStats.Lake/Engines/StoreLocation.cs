namespace UpStats.Lake.Engines;

/// <summary>Where a lake lives: a SQLite file (the default), or a PostgreSQL database.</summary>
internal sealed record StoreLocation
{
    private StoreLocation(string value, bool isPostgres)
    {
        Value = value;
        IsPostgres = isPostgres;
    }

    /// <summary>The file path or the connection string.</summary>
    public string Value { get; }

    /// <summary>True for PostgreSQL.</summary>
    public bool IsPostgres { get; }

    /// <summary>A SQLite file.</summary>
    public static StoreLocation Sqlite(string path) => new(path, isPostgres: false);

    /// <summary>A PostgreSQL database, by Npgsql connection string (<c>Host=…;Username=…;Database=…</c>).</summary>
    public static StoreLocation Postgres(string connectionString) => new(connectionString, isPostgres: true);

    /// <summary>
    /// Reads the <c>--from</c>/<c>--to</c> form of replication: a value that starts with <c>Host=</c> or
    /// <c>postgresql://</c>… is a connection string, anything else a SQLite file path.
    /// </summary>
    public static StoreLocation Parse(string value) =>
        value.StartsWith("Host=", StringComparison.OrdinalIgnoreCase) || value.StartsWith("Server=", StringComparison.OrdinalIgnoreCase)
            ? Postgres(value)
            : Sqlite(value);

    /// <summary>Opens the engine for this location.</summary>
    public ILakeEngine Open() => IsPostgres ? new PostgresEngine(Value) : new SqliteEngine(Value);

    /// <summary>
    /// Opens a connection for a sequential scan: it reads each page once, so SQLite gets a small page cache
    /// (1 MB) instead of the default 8 MB, which would only add to the migration's working set.
    /// </summary>
    public ILakeEngine OpenForScan() => IsPostgres ? new PostgresEngine(Value) : new SqliteEngine(Value, cacheKibibytes: 1024);

    /// <summary>For messages: the file, or the server without credentials.</summary>
    public override string ToString()
    {
        if (!IsPostgres)
        {
            return Value;
        }
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(Value);
        return $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
    }
}

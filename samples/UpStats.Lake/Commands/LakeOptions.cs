using System.CommandLine;
using UpStats.Lake.Engines;

namespace UpStats.Lake.Commands;

/// <summary>The store options every command shares: <c>--db FILE</c> (SQLite) or <c>--pg CONNSTRING</c>.</summary>
internal sealed class LakeOptions
{
    /// <summary>The SQLite file used when neither option is given: no set-up needed.</summary>
    public static string DefaultDatabase => Path.Combine(Path.GetTempPath(), "upstats-lake", "lake.db");

    public Option<string?> Db { get; } = new("--db")
    {
        Description = $"SQLite file of the lake (default: {DefaultDatabase})",
    };

    public Option<string?> Pg { get; } = new("--pg")
    {
        Description = "PostgreSQL connection string instead of SQLite, e.g. \"Host=127.0.0.1;Username=postgres;Database=lake\"",
    };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Db);
        command.Options.Add(Pg);
    }

    /// <summary>Where the lake is, from the parsed options.</summary>
    public StoreLocation Read(ParseResult result)
    {
        var db = result.GetValue(Db);
        var pg = result.GetValue(Pg);
        if (db is not null && pg is not null)
        {
            throw new LakeUsageException("--db and --pg: give one store, not both.");
        }
        if (pg is not null)
        {
            return StoreLocation.Postgres(pg);
        }
        return StoreLocation.Sqlite(db ?? DefaultDatabase);
    }
}

/// <summary>Checks on a store location before a command reads it.</summary>
internal static class StoreChecks
{
    /// <summary>
    /// A SQLite store a command only reads (show, newer, migrate, replicate's source) must exist: opening a missing
    /// file would create an empty store and answer "nothing there" for a mistyped path.
    /// </summary>
    public static StoreLocation MustExist(this StoreLocation location, string option)
    {
        if (!location.IsPostgres && !File.Exists(location.Value))
        {
            throw new LakeUsageException($"{option}: no lake at {location.Value} (make one with: generate --db {location.Value} --rows N).");
        }
        return location;
    }
}

/// <summary>A usage error: one plain stderr line, exit code 2.</summary>
internal sealed class LakeUsageException(string message) : Exception(message);

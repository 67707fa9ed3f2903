using System.Globalization;
using DuckDbFunctions;

// DuckDB over generated JSON-lines files with the UpStats.Time SQL functions, checked against the library.
// Usage: dotnet run -c Release --project samples/DuckDbFunctions [-- --files N --rows N --seed S]
// Exit 0 when every query agrees with the library, 1 when one does not, 2 on bad arguments.
int files = 4, rows = 25_000, seed = 15;
for (int i = 0; i < args.Length; i++)
{
    bool known = i + 1 < args.Length && args[i] is "--files" or "--rows" or "--seed";
    if (!known || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value <= 0 && args[i] != "--seed")
    {
        Console.Error.WriteLine($"usage: DuckDbFunctions [--files N] [--rows N per file] [--seed S] (got '{args[i]}')");
        return 2;
    }
    switch (args[i++])
    {
        case "--files": files = value; break;
        case "--rows": rows = value; break;
        default: seed = value; break;
    }
}

string directory = Path.Combine(Path.GetTempPath(), "upstats-duckdb-functions-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(directory);
try
{
    Console.WriteLine($"{files} JSON-lines files of {rows} events in {directory}");
    return FunctionsCheck.Run(directory, files, rows, seed, Console.Out) ? 0 : 1;
}
finally
{
    Directory.Delete(directory, recursive: true);
}

using UpStats.Time.Tests.Parsing;

namespace UpStats.Time.Tests;

/// <summary>
/// The test assembly's own entry point (the test SDK's generated one is turned off in the project file), so that a
/// test can re-run a check in a child process under other runtime settings, e.g. with hardware intrinsics off:
/// <c>dotnet exec UpStats.Time.Tests.dll column-differential SEED COLUMNS</c> (or <c>column-guarded</c>, the columns
/// against inaccessible pages). The test runner never calls it.
/// </summary>
public static class Program
{
    /// <summary>Runs the check named by the first argument; exit code 0 when it found nothing wrong.</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 3 && (args[0] == ColumnDifferential.ChildArgument || args[0] == ColumnDifferential.GuardedChildArgument))
        {
            int seed = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
            int columns = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
            var (rows, mismatches) = args[0] == ColumnDifferential.ChildArgument ? ColumnDifferential.Run(seed, columns) : ColumnDifferential.RunGuarded(seed, columns);
            Console.WriteLine($"{ColumnDifferential.Hardware} guards={GuardedMemory.Guards} rows={rows} mismatches={mismatches.Count}");
            foreach (string mismatch in mismatches)
            {
                Console.WriteLine(mismatch);
            }
            return mismatches.Count == 0 ? 0 : 1;
        }
        Console.Error.WriteLine($"usage: {ColumnDifferential.ChildArgument}|{ColumnDifferential.GuardedChildArgument} SEED COLUMNS");
        return 2;
    }
}

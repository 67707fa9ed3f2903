using UpStats.Time.Tests.Parsing;

namespace UpStats.Time.Tests;

/// <summary>
/// The test assembly's own entry point (the test SDK's generated one is turned off in the project file), so that a
/// test can re-run a check in a child process under other runtime settings, e.g. with hardware intrinsics off:
/// <c>dotnet exec UpStats.Time.Tests.dll column-differential SEED COLUMNS</c>. The test runner never calls it.
/// </summary>
public static class Program
{
    /// <summary>Runs the check named by the first argument; exit code 0 when it found nothing wrong.</summary>
    public static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == ColumnDifferential.ChildArgument)
        {
            var (rows, mismatches) = ColumnDifferential.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
            Console.WriteLine($"{ColumnDifferential.Hardware} rows={rows} mismatches={mismatches.Count}");
            foreach (string mismatch in mismatches)
            {
                Console.WriteLine(mismatch);
            }
            return mismatches.Count == 0 ? 0 : 1;
        }
        Console.Error.WriteLine($"usage: {ColumnDifferential.ChildArgument} SEED COLUMNS");
        return 2;
    }
}

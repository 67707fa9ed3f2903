using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace UpStats.Time.Cli;

/// <summary>
/// <c>--help</c> as a newcomer needs it: System.CommandLine's description, usage and options, then worked examples
/// for the command and the exit codes every command shares.
/// </summary>
internal static class CliHelp
{
    private static readonly Dictionary<Command, string[]> ExamplesByCommand = [];

    /// <summary>The exit codes, the same for every command.</summary>
    internal const string ExitCodesText =
        """
        Exit codes:
          0  everything processed and valid
          1  every input line processed, some of them invalid (each reported in the output)
          2  usage error or invalid option value (one line on stderr)
          3  an input or output file could not be read or written (one line on stderr)
        """;

    /// <summary>Registers the example command lines shown in <paramref name="command"/>'s help.</summary>
    public static void AddExamples(Command command, params string[] examples) => ExamplesByCommand[command] = examples;

    /// <summary>Whether <paramref name="parseResult"/> asks for help.</summary>
    public static bool IsHelp(ParseResult parseResult) => parseResult.Action is WithExamples;

    /// <summary>Replaces the root's help action with one that also prints examples and exit codes.</summary>
    public static void Install(RootCommand root)
    {
        AddExamples(root,
            "echo 2015-10-11T00:26:51+0100 | upstats-time parse",
            "upstats-time partitions --zone America/Los_Angeles --from 2024-11-03 --to 2024-11-04",
            "upstats-time tasks --start-from 2022-08-04T11:03:00Z --end-at 2022-08-04T11:15:00Z --run-interval \"5 MINUTES\"",
            "upstats-time COMMAND --help");
        foreach (var option in root.Options)
        {
            if (option is HelpOption help && help.Action is HelpAction standard)
            {
                help.Action = new WithExamples(standard);
            }
        }
    }

    private sealed class WithExamples(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            int result = standard.Invoke(parseResult);
            var output = Console.Out;
            if (ExamplesByCommand.TryGetValue(parseResult.CommandResult.Command, out var examples))
            {
                output.WriteLine("Examples:");
                foreach (var example in examples)
                {
                    output.WriteLine($"  {example}");
                }
                output.WriteLine();
            }
            output.WriteLine(ExitCodesText);
            output.WriteLine();
            output.WriteLine("Instants print as yyyy-MM-ddTHH:mm:ss[.fffffffff]Z (UTC). Documentation: README.md and docs/ in the package's repository.");
            output.Flush();
            return result;
        }
    }
}

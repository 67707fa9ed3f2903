using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;

namespace UpStats.Time.Cli;

/// <summary>
/// The tool's entry point: builds the commands, turns every way a run can go wrong into one plain stderr line and
/// an exit code, and never lets a stack trace reach the user.
/// </summary>
internal static partial class CliApp
{
    /// <summary>Runs the tool with <paramref name="args"/> and returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        var root = new RootCommand("upstats-time: offset timestamps to UTC, time-zone partitions over UTC-hourly data, "
            + "local-time queries as UTC, run-interval task schedules, event times and discovery prefixes of dated storage paths.");
        // Commands (one file each):
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(PartitionsCommand.Create());
        root.Subcommands.Add(TasksCommand.Create());
        root.Subcommands.Add(EventTimeCommand.Create());
        root.Subcommands.Add(PrefixesCommand.Create());
        root.Subcommands.Add(WhereCommand.Create());
        CliHelp.Install(root);

        // A bare `upstats-time` is a request for help, not an error.
        var parseResult = root.Parse(args.Length == 0 ? ["--help"] : args);
        // --help wins over missing required options (`upstats-time tasks --help`).
        if (parseResult.Errors.Count > 0 && !CliHelp.IsHelp(parseResult))
        {
            Console.Error.WriteLine(CliText.Printable(DescribeUsageError(parseResult)));
            return ExitCodes.Usage;
        }
        string command = parseResult.CommandResult.Command.Name;
        try
        {
            return parseResult.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliUsageException ex)
        {
            return Fail(command, ex.Message, ExitCodes.Usage);
        }
        catch (CliIoException ex)
        {
            return Fail(command, ex.Message, ExitCodes.IoError);
        }
        catch (IOException ex) when (StandardOutput.IsBrokenPipe(ex))
        {
            // The reader closed the pipe (`… | head`): nothing more is wanted, so stop quietly, as Unix tools do.
            return ExitCodes.Success;
        }
        catch (IOException ex)
        {
            return Fail(command, $"I/O error: {ex.Message}", ExitCodes.IoError);
        }
        catch (Exception ex) when (ex is ArgumentException or OverflowException or FormatException or InvalidOperationException or NotSupportedException)
        {
            // The library refuses arguments it cannot serve (a range too large to plan, an instant past the end of
            // time): its message names the problem; say it as a usage error, without the parameter decoration.
            return Fail(command, WithoutDecoration(ex.Message), ExitCodes.Usage);
        }
        catch (OutOfMemoryException)
        {
            return Fail(command, "the request is too large to hold in memory; narrow the range.", ExitCodes.Usage);
        }
    }

    // Every error line starts with the tool and the command, so that in a script's log it says who complained.
    private static int Fail(string command, string message, int exitCode)
    {
        Console.Out.Flush();
        string text = message.ReplaceLineEndings(" ").Trim();
        text = text.StartsWith(command + ": ", StringComparison.Ordinal) ? text[(command.Length + 2)..] : text;
        string prefix = command == "upstats-time" ? "upstats-time" : $"upstats-time {command}";
        Console.Error.WriteLine(CliText.Printable($"{prefix}: {text}"));
        return exitCode;
    }

    // .NET decorates argument exceptions with the parameter's name and the value: the user knows neither as such.
    internal static string WithoutDecoration(string message) => ActualValue().Replace(ParameterSuffix().Replace(message, ""), "");

    /// <summary>System.CommandLine's first error, reworded in the tool's voice: the option and the valid choices named.</summary>
    internal static string DescribeUsageError(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        // With subcommands, an unknown word also yields "Required command was not provided." first: name the word.
        var errors = parseResult.Errors;
        var error = errors.Count > 1 && errors[0].Message.StartsWith("Required command", StringComparison.Ordinal) ? errors[1] : errors[0];
        string message = error.Message;
        string prefix = command is RootCommand ? "upstats-time" : $"upstats-time {command.Name}";

        if (UnrecognizedToken().Match(message) is { Success: true } unknown)
        {
            string token = unknown.Groups[1].Value;
            if (command is RootCommand && !token.StartsWith('-'))
            {
                return $"{prefix}: unknown command '{token}' (commands: {string.Join(", ", command.Subcommands.Select(c => c.Name))}; see upstats-time --help).";
            }
            return token.StartsWith('-')
                ? $"{prefix}: unknown option {token} (options: {string.Join(", ", VisibleOptions(command))})."
                : $"{prefix}: unexpected argument '{token}' (see upstats-time {command.Name} --help).";
        }
        if (TypeMismatch().Match(message) is { Success: true } mismatch)
        {
            return $"{prefix}: {mismatch.Groups[2].Value}: '{mismatch.Groups[1].Value}' is not {TypeInWords(mismatch.Groups[3].Value)}.";
        }
        if (RequiredOption().Match(message) is { Success: true } required)
        {
            return $"{prefix}: {required.Groups[1].Value} is required (see upstats-time {command.Name} --help).";
        }
        if (MissingValue().Match(message) is { Success: true } missing)
        {
            return $"{prefix}: {missing.Groups[1].Value} needs a value.";
        }
        if (message.StartsWith("Required command", StringComparison.Ordinal))
        {
            return $"{prefix}: a command is required (commands: {string.Join(", ", command.Subcommands.Select(c => c.Name))}).";
        }
        return $"{prefix}: {message}";
    }

    private static IEnumerable<string> VisibleOptions(Command command) =>
        command.Options.Where(o => !o.Hidden && o is not HelpOption && o is not VersionOption).Select(o => o.Name).Append("--help");

    private static string TypeInWords(string typeName) => typeName switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Boolean" => "true or false",
        "System.Double" or "System.Decimal" => "a number",
        _ => $"a valid value",
    };

    [GeneratedRegex(@"^Unrecognized command or argument '(.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex UnrecognizedToken();

    [GeneratedRegex(@"^Cannot parse argument '(.*)' for option '(.*)' as expected type '(.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex TypeMismatch();

    [GeneratedRegex(@"^Option '(.*)' is required\.?$", RegexOptions.Singleline)]
    private static partial Regex RequiredOption();

    [GeneratedRegex(@"^Required argument missing for option: '(.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex MissingValue();

    [GeneratedRegex(@" \(Parameter '[^']*'\)")]
    private static partial Regex ParameterSuffix();

    [GeneratedRegex(@"\s*Actual value was [^\r\n]*", RegexOptions.Singleline)]
    private static partial Regex ActualValue();
}

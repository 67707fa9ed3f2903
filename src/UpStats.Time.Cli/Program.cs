using System.CommandLine;
using UpStats.Time.Cli;

// The tool only parses arguments and prints; all time logic is in the UpStats.Time library.
var root = new RootCommand("upstats-time: offset timestamps to UTC, time-zone partitions over UTC-hourly data, local-time ranges as UTC predicates, run-interval task schedules.");
// Commands (one file each):
root.Subcommands.Add(ParseCommand.Create());
root.Subcommands.Add(PartitionsCommand.Create());
root.Subcommands.Add(TasksCommand.Create());
root.Subcommands.Add(WhereCommand.Create());

var parseResult = root.Parse(args);
if (parseResult.Errors.Count > 0)
{
    // SPEC.md: usage errors are one plain line on stderr and exit code 2.
    // With subcommands, an unknown word also yields "Required command was not provided." first: name the word instead.
    var error = parseResult.Errors.Count > 1 && parseResult.Errors[0].Message.StartsWith("Required command", StringComparison.Ordinal)
        ? parseResult.Errors[1] : parseResult.Errors[0];
    Console.Error.WriteLine(error.Message);
    return ExitCodes.Usage;
}
try
{
    return parseResult.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (CliUsageException ex)
{
    Console.Error.WriteLine(ex.Message);
    return ExitCodes.Usage;
}
catch (IOException ex) when (StandardOutput.IsBrokenPipe(ex))
{
    // The reader closed the pipe (`… | head`): nothing more is wanted, so stop quietly, as Unix tools do.
    return ExitCodes.Success;
}
catch (IOException ex)
{
    Console.Error.WriteLine($"I/O error: {ex.Message}");
    return ExitCodes.Usage;
}

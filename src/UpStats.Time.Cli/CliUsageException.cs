namespace UpStats.Time.Cli;

/// <summary>
/// A usage error or an invalid argument value. The tool prints its message as one plain line on stderr
/// and exits with <see cref="ExitCodes.Usage"/>; never a stack trace.
/// </summary>
internal sealed class CliUsageException(string message) : Exception(message);

/// <summary>
/// A file the tool was asked to read or write cannot be used (missing, a directory, unreadable, disk full): one
/// plain line on stderr and <see cref="ExitCodes.IoError"/>, so a script can tell it from a mistyped option.
/// </summary>
internal sealed class CliIoException(string message) : Exception(message);

/// <summary>The tool's exit codes (documented in <c>upstats-time --help</c> and docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Everything processed and valid.</summary>
    public const int Success = 0;

    /// <summary>Everything processed, but some input records were invalid (reported in the output).</summary>
    public const int SomeRecordsFailed = 1;

    /// <summary>Bad usage or an invalid option value: one line on stderr.</summary>
    public const int Usage = 2;

    /// <summary>An input or output file could not be read or written: one line on stderr.</summary>
    public const int IoError = 3;
}

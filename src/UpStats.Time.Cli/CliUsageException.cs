namespace UpStats.Time.Cli;

/// <summary>
/// A usage error or an invalid argument value. The tool prints its message as one plain line on stderr
/// and exits with <see cref="ExitCodes.Usage"/>; never a stack trace.
/// </summary>
internal sealed class CliUsageException(string message) : Exception(message);

/// <summary>The tool's exit codes, per SPEC.md.</summary>
internal static class ExitCodes
{
    /// <summary>Everything processed and valid.</summary>
    public const int Success = 0;

    /// <summary>Everything processed, but some input records were invalid (reported in the output).</summary>
    public const int SomeRecordsFailed = 1;

    /// <summary>Bad usage or an invalid option value: one line on stderr.</summary>
    public const int Usage = 2;
}

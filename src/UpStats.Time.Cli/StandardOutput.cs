using System.Text;
using Microsoft.Win32.SafeHandles;

namespace UpStats.Time.Cli;

/// <summary>
/// Standard output for every command, as a stream that fails when the reader has gone.
/// </summary>
/// <remarks>
/// .NET's console stream ignores EPIPE on Unix, so <c>upstats-time tasks … | head -1</c> used to keep
/// computing (and writing into the void) until the schedule ended. A <see cref="FileStream"/> over file
/// descriptor 1 reports the broken pipe as an <see cref="IOException"/>, and Program.cs then exits quietly.
/// </remarks>
internal static class StandardOutput
{
    private const int BrokenPipeErrno = 32; // EPIPE on Linux and macOS

    /// <summary>Opens file descriptor 1 (falling back to the console stream where that is not possible).</summary>
    public static Stream Open()
    {
        if (OperatingSystem.IsWindows())
        {
            return Console.OpenStandardOutput();
        }
        return new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
    }

    /// <summary>A buffered UTF-8 writer over <see cref="Open"/>; dispose it to flush.</summary>
    public static StreamWriter OpenWriter() => new(Open(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };

    /// <summary>Whether <paramref name="ex"/> says the reading end of the output pipe was closed.</summary>
    public static bool IsBrokenPipe(IOException ex) =>
        ex.HResult == BrokenPipeErrno || ex.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);
}

using System.Text;
using Microsoft.Win32.SafeHandles;

namespace UpStats.Time.Cli;

/// <summary>
/// Standard output for every command: one stream that appends where the shell says, and fails when the reader
/// has gone.
/// </summary>
/// <remarks>
/// Two pitfalls meet here. .NET's console stream ignores EPIPE on Unix, so <c>upstats-time tasks … | head -1</c>
/// kept computing into the void until the schedule ended: over a pipe we write through a
/// <see cref="FileStream"/> on file descriptor 1, which reports the broken pipe as an <see cref="IOException"/>
/// (Program then exits quietly). But a <see cref="FileStream"/> over a regular file writes at its own position,
/// ignoring the offset that the shell shares between the commands of <c>for …; do upstats-time …; done &gt; out</c>,
/// so each run overwrote the one before. A regular file cannot break like a pipe, so there the console stream
/// (plain <c>write(2)</c>, which honours the shared offset and <c>O_APPEND</c>) is the right one.
/// </remarks>
internal static class StandardOutput
{
    private const int BrokenPipeErrno = 32; // EPIPE on Linux and macOS

    /// <summary>Opens standard output as described above.</summary>
    public static Stream Open()
    {
        if (OperatingSystem.IsWindows())
        {
            return Console.OpenStandardOutput();
        }
        FileStream stream;
        try
        {
            stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A closed or odd descriptor: let the console stream deal with it.
            return Console.OpenStandardOutput();
        }
        if (stream.CanSeek)
        {
            // Regular files go through write(2) at the shared offset (the handle is not ours to close).
            stream.Dispose();
            return Console.OpenStandardOutput();
        }
        return stream;
    }

    /// <summary>A buffered UTF-8 writer over <see cref="Open"/>; dispose it to flush.</summary>
    public static StreamWriter OpenWriter() => new(Open(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false, NewLine = "\n" };

    /// <summary>Whether <paramref name="ex"/> says the reading end of the output pipe was closed.</summary>
    public static bool IsBrokenPipe(IOException ex) =>
        ex.HResult == BrokenPipeErrno || ex.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);
}

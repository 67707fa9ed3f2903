using System.Runtime.InteropServices;

namespace UpStats.Time.Tests.Parsing;

/// <summary>
/// Native memory between two inaccessible pages: bytes placed against either page make any read outside them (a
/// vector load past a buffer's end or before its start) crash the process instead of reading a neighbour's bytes.
/// Linux and macOS (<c>mprotect</c>; on Windows the pages stay accessible and only the results are checked); run
/// it in a child process, where a crash fails one test.
/// </summary>
internal sealed unsafe class GuardedMemory : IDisposable
{
    private const int ProtectNone = 0, ProtectReadWrite = 3;
    private readonly byte* _start;
    private readonly nuint _size;
    private readonly int _page = Environment.SystemPageSize;

    public GuardedMemory(int capacity)
    {
        Capacity = (capacity + _page - 1) / _page * _page;
        _size = (nuint)(Capacity + 2 * _page);
        _start = (byte*)NativeMemory.AlignedAlloc(_size, (nuint)_page);
        Protect(_start, ProtectNone);
        Protect(_start + _size - (nuint)_page, ProtectNone);
    }

    /// <summary>Whether the pages around the bytes are made inaccessible on this system.</summary>
    public static bool Guards => !OperatingSystem.IsWindows();

    /// <summary>The most bytes a placement can hold.</summary>
    public int Capacity { get; }

    /// <summary>The <paramref name="bytes"/> copied so that they end where the second inaccessible page begins.</summary>
    public ReadOnlySpan<byte> AgainstEnd(ReadOnlySpan<byte> bytes) => Place(_start + _page + Capacity - bytes.Length, bytes);

    /// <summary>The <paramref name="bytes"/> copied so that they start where the first inaccessible page ends.</summary>
    public ReadOnlySpan<byte> AgainstStart(ReadOnlySpan<byte> bytes) => Place(_start + _page, bytes);

    public void Dispose()
    {
        Protect(_start, ProtectReadWrite);
        Protect(_start + _size - (nuint)_page, ProtectReadWrite);
        NativeMemory.AlignedFree(_start);
    }

    private ReadOnlySpan<byte> Place(byte* at, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Capacity)
        {
            throw new ArgumentException($"{bytes.Length} bytes do not fit in {Capacity}", nameof(bytes));
        }
        var span = new Span<byte>(at, bytes.Length);
        bytes.CopyTo(span);
        return span;
    }

    private void Protect(byte* page, int protection)
    {
        if (Guards && mprotect((nint)page, (nuint)_page, protection) != 0)
        {
            throw new InvalidOperationException($"mprotect failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mprotect(nint address, nuint length, int protection);
}

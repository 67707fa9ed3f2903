using System.Buffers;
using System.Runtime.InteropServices;

namespace UpStats.Lake.Store;

/// <summary>
/// zlib (RFC 1950) inflate with one native state reused for every payload: the zlib that .NET itself ships
/// (zlib-ng, in System.IO.Compression.Native), called directly.
/// </summary>
/// <remarks>
/// A <see cref="System.IO.Compression.ZLibStream"/> per payload allocates and zeroes a new inflate state,
/// a safe handle with a finalizer and a stream around the input: 6–8% of the migration's decoding CPU for
/// payloads of about 800 bytes. .NET 10 has no public inflater that can be reset, so this one calls the four
/// exports its own <c>ZLibStream</c> calls. Not thread-safe: one per decoding thread.
/// </remarks>
internal sealed unsafe partial class Inflater : IDisposable
{
    // The name the runtime's own imports use: Native AOT links these calls statically (the library is on its
    // list of direct calls), the JIT finds lib…so / .dylib / .dll in the shared framework.
    private const string Library = "System.IO.Compression.Native";
    private const int ZlibWindowBits = 15; // a zlib header and trailer around a 32 KiB window
    private const int Ok = 0;
    private const int StreamEnd = 1;
    private const int NoFlush = 0;
    private const int BufferError = -5; // no progress possible: the input ended before the stream did

    private ZStream* _stream;

    public Inflater()
    {
        _stream = (ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZStream));
        if (InflateInit2(_stream, ZlibWindowBits) != Ok)
        {
            NativeMemory.Free(_stream);
            _stream = null;
            throw new InvalidOperationException("zlib's inflate state could not be set up");
        }
    }

    ~Inflater() => Release();

    /// <summary>
    /// Inflates <paramref name="compressed"/> into <paramref name="output"/> (reset first). False, with zlib's
    /// reason, when the bytes do not start with one whole zlib stream (bytes after its end are ignored, as
    /// <see cref="System.IO.Compression.ZLibStream"/> ignores them); a stream cut short is an error here.
    /// </summary>
    public bool TryInflate(ReadOnlySpan<byte> compressed, ArrayBufferWriter<byte> output, out string? error)
    {
        ObjectDisposedException.ThrowIf(_stream is null, this);
        output.ResetWrittenCount();
        // Reset every time (a fresh state too: cheap, and it leaves no flag to keep): whatever the last payload
        // left, finished or failed, is forgotten.
        if (InflateReset2(_stream, ZlibWindowBits) != Ok)
        {
            throw new InvalidOperationException("zlib's inflate state could not be reset");
        }
        fixed (byte* input = compressed)
        {
            _stream->NextIn = input;
            _stream->AvailIn = (uint)compressed.Length;
            while (true)
            {
                var space = output.GetSpan(16 * 1024);
                int code;
                fixed (byte* target = space)
                {
                    _stream->NextOut = target;
                    _stream->AvailOut = (uint)space.Length;
                    code = Inflate(_stream, NoFlush);
                }
                output.Advance(space.Length - (int)_stream->AvailOut);
                if (code == StreamEnd)
                {
                    error = null;
                    return true;
                }
                if (code == BufferError) // after all input was taken, the next call cannot progress
                {
                    error = "the zlib stream is cut short";
                    return false;
                }
                if (code != Ok)
                {
                    error = _stream->Message is null ? $"zlib error {code}" : Marshal.PtrToStringUTF8((nint)_stream->Message);
                    return false;
                }
            }
        }
    }

    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    private void Release()
    {
        if (_stream is not null)
        {
            _ = InflateEnd(_stream);
            NativeMemory.Free(_stream);
            _stream = null;
        }
    }

    /// <summary>.NET's own z_stream wrapper (PAL_ZStream): the fields zlib reads and writes between calls.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ZStream
    {
        public byte* NextIn;
        public byte* NextOut;
        public byte* Message;
        public nint InternalState;
        public uint AvailIn;
        public uint AvailOut;
    }

    [LibraryImport(Library, EntryPoint = "CompressionNative_InflateInit2_")]
    private static partial int InflateInit2(ZStream* stream, int windowBits);

    [LibraryImport(Library, EntryPoint = "CompressionNative_InflateReset2_")]
    private static partial int InflateReset2(ZStream* stream, int windowBits);

    [LibraryImport(Library, EntryPoint = "CompressionNative_Inflate")]
    private static partial int Inflate(ZStream* stream, int flush);

    [LibraryImport(Library, EntryPoint = "CompressionNative_InflateEnd")]
    private static partial int InflateEnd(ZStream* stream);
}

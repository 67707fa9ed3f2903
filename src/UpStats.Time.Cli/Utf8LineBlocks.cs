namespace UpStats.Time.Cli;

/// <summary>
/// Reads a stream in large chunks and hands out blocks of whole lines as UTF-8 bytes (each block ends with
/// '\n', except a final line without one), so that commands can parse many lines per call without a string
/// per line. A line longer than the buffer grows it. A UTF-8 byte-order mark at the start of the stream (as some
/// Windows editors write) is not part of the first line.
/// </summary>
internal sealed class Utf8LineBlocks(Stream stream, int bufferSize = 1 << 20)
{
    private byte[] _buffer = new byte[bufferSize];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _started;

    /// <summary>
    /// The next block of whole lines, or an empty span at the end of the stream. The span is only valid until
    /// the next call.
    /// </summary>
    public ReadOnlySpan<byte> Next()
    {
        // Move the unconsumed tail (a partial line) to the front, then read until a whole line is in.
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        int searched = 0;
        while (true)
        {
            int lastNewline = _buffer.AsSpan(searched, _end - searched).LastIndexOf((byte)'\n');
            if (lastNewline >= 0)
            {
                _start = searched + lastNewline + 1;
                return _buffer.AsSpan(0, _start);
            }
            searched = _end;
            if (_endOfStream)
            {
                _start = _end;
                return _buffer.AsSpan(0, _end);
            }
            if (_end == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            int read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfStream = true;
            }
            _end += read;
            if (!_started)
            {
                SkipByteOrderMark(ref searched);
            }
        }
    }

    // Decides once, at the start of the stream, whether it begins with a byte-order mark (waiting while what has
    // arrived is still a prefix of one) and drops it.
    private void SkipByteOrderMark(ref int searched)
    {
        ReadOnlySpan<byte> mark = [0xEF, 0xBB, 0xBF];
        var head = _buffer.AsSpan(0, _end);
        if (head.Length < mark.Length && !_endOfStream && mark.StartsWith(head))
        {
            return;
        }
        _started = true;
        if (head.StartsWith(mark))
        {
            Buffer.BlockCopy(_buffer, mark.Length, _buffer, 0, _end - mark.Length);
            _end -= mark.Length;
            searched = 0;
        }
    }
}

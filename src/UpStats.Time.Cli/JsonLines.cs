using System.Text.Encodings.Web;
using System.Text.Json;

namespace UpStats.Time.Cli;

/// <summary>
/// Writes JSON Lines (one compact object per line) to a text writer: the external contract of every
/// command's <c>--json</c> output. One reusable buffer, so a million-line run does not allocate a writer per line.
/// </summary>
internal sealed class JsonLines(TextWriter output)
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Relaxed escaping keeps non-ASCII input readable; the output is still valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(256);
    private Utf8JsonWriter? _writer;

    /// <summary>Writes one record: <paramref name="write"/> fills the object's members.</summary>
    public void Write(Action<Utf8JsonWriter> write)
    {
        _buffer.ResetWrittenCount();
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(_buffer, Options);
        }
        else
        {
            _writer.Reset(_buffer);
        }
        _writer.WriteStartObject();
        write(_writer);
        _writer.WriteEndObject();
        _writer.Flush();
        output.WriteLine(System.Text.Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }

    /// <summary>Writes <c>"name":[[start,end],…]</c>: UTC intervals as the tool prints instants.</summary>
    public static void WriteIntervals(Utf8JsonWriter w, string name, ReadOnlyValueList<NodaTime.Interval> intervals)
    {
        w.WriteStartArray(name);
        foreach (var interval in intervals)
        {
            w.WriteStartArray();
            w.WriteStringValue(CliText.FormatInstant(interval.Start));
            w.WriteStringValue(CliText.FormatInstant(interval.End));
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }
}

using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace UpStats.Lake.Store;

/// <summary>
/// How one API response is kept in <c>odesk_debug_req</c>: its JSON rewritten with sorted keys (so two equal
/// responses are equal bytes), the SHA-1 of those bytes as lower-case hex, and the bytes zlib-compressed
/// (RFC 1950: .NET's <see cref="ZLibStream"/> to compress, the same zlib through <see cref="Inflater"/>
/// to inflate). Only .NET's own JSON, hashing and compression are used.
/// </summary>
internal static class RawPayload
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false, SkipValidation = false };

    /// <summary>Rewrites a JSON document with every object's keys in ordinal order, compact.</summary>
    /// <exception cref="JsonException">The input is not JSON.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> json)
    {
        var buffer = new ArrayBufferWriter<byte>(json.Length + 64);
        if (CanonicalJson.TryWrite(json, buffer))
        {
            return buffer.WrittenSpan.ToArray();
        }
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        return Canonicalize(document.RootElement);
    }

    /// <summary>Writes a JSON value with every object's keys in ordinal order, compact.</summary>
    public static byte[] Canonicalize(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteSorted(writer, value);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteSorted(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                // Ordinal order, like Python's json.dumps(sort_keys=True) for the keys an API sends (BMP text).
                var properties = value.EnumerateObject().ToList();
                properties.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
                writer.WriteStartObject();
                foreach (var property in properties)
                {
                    writer.WritePropertyName(property.Name);
                    WriteSorted(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteSorted(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    /// <summary>The SHA-1 of the canonical JSON, as 40 lower-case hex digits (the <c>sha</c> column).</summary>
    public static string Sha1Hex(ReadOnlySpan<byte> canonicalJson)
    {
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(canonicalJson, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>zlib (RFC 1950) of the canonical JSON (the <c>data</c> column).</summary>
    /// <param name="canonicalJson">The bytes to compress.</param>
    /// <param name="level">
    /// .NET's level: <see cref="CompressionLevel.Fastest"/> (zlib level 1) unless told, a third of the CPU of
    /// <see cref="CompressionLevel.Optimal"/> (level 6) for a store about 30% bigger; any level inflates the same.
    /// </param>
    public static byte[] Compress(ReadOnlySpan<byte> canonicalJson, CompressionLevel level = CompressionLevel.Fastest)
    {
        // One output stream per thread, reused: only the finished bytes are allocated per payload (the
        // garbage collector's work is a large part of a generate run's CPU).
        var output = t_compressed ??= new MemoryStream(16 * 1024);
        output.SetLength(0);
        using (var zlib = new ZLibStream(output, level, leaveOpen: true))
        {
            zlib.Write(canonicalJson);
        }
        return output.ToArray();
    }

    [ThreadStatic]
    private static MemoryStream? t_compressed;

    [ThreadStatic]
    private static Inflater? t_inflater;

    /// <summary>
    /// Inflates a <c>data</c> value into <paramref name="output"/> (reset first), with one inflate state per
    /// thread reused for every payload. False, with zlib's reason, when the bytes are not a zlib stream.
    /// </summary>
    public static bool TryDecompress(ReadOnlySpan<byte> compressed, ArrayBufferWriter<byte> output, out string? error) =>
        (t_inflater ??= new Inflater()).TryInflate(compressed, output, out error);

    /// <summary>Inflates a <c>data</c> value into a new array (tests, display).</summary>
    /// <exception cref="InvalidDataException">The bytes are not a zlib stream.</exception>
    public static byte[] Decompress(byte[] compressed)
    {
        var output = new ArrayBufferWriter<byte>(compressed.Length * 4 + 64);
        return TryDecompress(compressed, output, out var error) ? output.WrittenSpan.ToArray() : throw new InvalidDataException(error);
    }
}

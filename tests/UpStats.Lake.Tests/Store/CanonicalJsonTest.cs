using System.Buffers;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Lake.Generation;
using UpStats.Lake.Store;

namespace UpStats.Lake.Tests.Store;

/// <summary>
/// The fast canonicalizer against the document-based one it replaces on the hot path: the same bytes for
/// any JSON text (keys in any order, escaped or not, non-ASCII, repeated keys, numbers in any spelling,
/// nesting, white space), and the fast path really taken for the generator's responses.
/// </summary>
public class CanonicalJsonTest
{
    private static readonly string[] Keys = ["id", "a", "b", "date_created", "Z", "_", "a1", "client", "é", "\uFF61", "\U0001F600", "a\"b", "k+&<"];
    private static readonly string[] Strings = ["", "x", "2015-10-11T00:26:51+0100", "Web, Mobile & Software Dev", "é", "<tag>", "tab\there", "\U0001F600", "quote\"s", "back\\slash", "c#"];
    private static readonly string[] Numbers = ["0", "-1", "1.50", "1e3", "1E+3", "-0.0", "123456789012345678901234567890", "4.25"];

    private static Gen<string> Value(int size) =>
        size <= 0
            ? Leaf
            : Gen.OneOf(
                Leaf,
                Gen.Sized(_ => Value(size / 2)).ListOf().Select(items => "[" + string.Join(", ", items.Take(4)) + "]"),
                (from key in Gen.Elements(Keys)
                 from escapeKey in Gen.Elements(false, false, true)
                 from value in Value(size / 2)
                 select Quote(key, escapeKey) + ":" + value).ListOf().Select(members => "{" + string.Join(",", members.Take(6)) + "}"));

    private static readonly Gen<string> Leaf = Gen.OneOf(
        from text in Gen.Elements(Strings)
        from escape in Gen.Elements(false, true)
        select Quote(text, escape),
        Gen.Elements(Numbers),
        Gen.Elements("true", "false", "null"));

    // A JSON string literal: minimal escaping, or every character as \uXXXX.
    private static string Quote(string text, bool escapeAll) =>
        escapeAll
            ? "\"" + string.Concat(text.Select(c => $"\\u{(int)c:x4}")) + "\""
            : "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";

    [Property(MaxTest = 500)]
    public Property Canonicalize_AnyJson_SameBytesAsTheDocumentPath() =>
        Prop.ForAll(Arb.From(Gen.Sized(size => Value(Math.Min(size, 24)))), json =>
        {
            var utf8 = Encoding.UTF8.GetBytes(json);
            using var document = JsonDocument.Parse(utf8);
            var expected = RawPayload.Canonicalize(document.RootElement);
            var actual = RawPayload.Canonicalize(utf8);
            return actual.AsSpan().SequenceEqual(expected).Label($"{json} -> {Encoding.UTF8.GetString(actual)} vs {Encoding.UTF8.GetString(expected)}");
        });

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void Canonicalize_GeneratorResponses_IsTheIdentity(int seed)
    {
        // generate stores the generator's bytes without rewriting them: they must already be canonical,
        // through both the fast path and the document path.
        var generator = new ResponseGenerator(seed) { MalformedProbability = 0.2 };
        for (var i = 0; i < 1000; i++)
        {
            var json = generator.Next().Json;
            var output = new ArrayBufferWriter<byte>();
            Assert.True(CanonicalJson.TryWrite(json, output));
            Assert.Equal(json, output.WrittenSpan.ToArray());
            using var document = JsonDocument.Parse(json);
            Assert.Equal(json, RawPayload.Canonicalize(document.RootElement));
        }
    }

    [Fact]
    public void TryWrite_GeneratorResponsesWithKeysReversed_TakesTheFastPathWithTheSameBytes()
    {
        var generator = new ResponseGenerator(3);
        for (var i = 0; i < 300; i++)
        {
            using var document = JsonDocument.Parse(generator.Next().Json);
            var reversed = Reversed(document.RootElement);
            var output = new ArrayBufferWriter<byte>();
            Assert.True(CanonicalJson.TryWrite(reversed, output));
            Assert.Equal(RawPayload.Canonicalize(document.RootElement), output.WrittenSpan.ToArray());
        }
    }

    /// <summary>The value with every object's keys in reverse order (the API's order is not the store's).</summary>
    private static byte[] Reversed(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteReversed(writer, value);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteReversed(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject().Reverse())
                {
                    writer.WritePropertyName(property.Name);
                    WriteReversed(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteReversed(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    [Theory]
    [InlineData("""{"b":1,"a":2,"b":3}""")] // a repeated key: its order is the slow path's
    [InlineData("""{"é":1,"z":2}""")] // a non-ASCII key: UTF-8 byte order is not UTF-16 order
    [InlineData("""{"\u0061":1}""")] // an escaped key
    public void TryWrite_KeysItCannotOrderByBytes_GivesUpForTheSlowPath(string json)
    {
        Assert.False(CanonicalJson.TryWrite(Encoding.UTF8.GetBytes(json), new ArrayBufferWriter<byte>()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{"a":1""")]
    [InlineData("""{"a":1} x""")]
    [InlineData("""[1,]""")]
    public void Canonicalize_NotJson_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => RawPayload.Canonicalize(Encoding.UTF8.GetBytes(json)));
    }
}

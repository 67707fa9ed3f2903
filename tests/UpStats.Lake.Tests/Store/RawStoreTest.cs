using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using UpStats.Lake.Store;

namespace UpStats.Lake.Tests.Store;

public class RawStoreTest
{
    private const string Response = """
        {"paging":{"total":2,"offset":0},"jobs":[{"id":"~01aa","title":"Scraper","date_created":"2015-10-11T00:26:51+0100","client":{"country":"Nepal","feedback":4.5}},{"date_created":"2015-10-11T02:00:00-0700","id":"~01bb","skills":["python","sql"]}]}
        """;

    public static TheoryData<string> Engines => TestLake.Engines;

    [Theory]
    [MemberData(nameof(Engines))]
    public void Store_NewResponse_KeepsZlibOfSortedJsonAndItsSha1(string engine)
    {
        using var lake = TestLake.Create(engine);
        using var database = lake.Open();
        using (var writer = new RawStoreWriter(database))
        {
            writer.Store(Encoding.UTF8.GetBytes(Response), "q=python", 1444519611);
        }

        var row = Assert.Single(database.ReadRawRows(0, 10));
        Assert.Equal(1, row.Id);
        Assert.Equal("q=python", row.Query);
        Assert.Equal(1444519611, row.AddedTime);
        // RFC 1950: CMF 0x78 (deflate, 32 KB window), and the header checksum holds.
        Assert.Equal(0x78, row.Data[0]);
        Assert.Equal(0, ((row.Data[0] << 8) | row.Data[1]) % 31);
        var json = RawPayload.Decompress(row.Data);
        Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(json)), row.Sha);
        // Same content as sent, every object's keys in ordinal order, compact.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Response), JsonNode.Parse(json)));
        AssertKeysSorted(JsonDocument.Parse(json).RootElement);
        Assert.StartsWith("{\"jobs\":[{\"client\":{\"country\":\"Nepal\"", Encoding.UTF8.GetString(json), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Store_SameResponseInAnotherKeyOrder_SecondRowHasShaAndEmptyData(string engine)
    {
        using var lake = TestLake.Create(engine);
        using var database = lake.Open();
        var reordered = JsonNode.Parse(Response)!.AsObject();
        var jobs = reordered["jobs"]!;
        reordered.Remove("jobs");
        reordered.Add("jobs", jobs); // "jobs" now after "paging": another key order, the same response
        using (var writer = new RawStoreWriter(database))
        {
            writer.Store(Encoding.UTF8.GetBytes(Response), "q=python", 100);
            writer.Store(Encoding.UTF8.GetBytes(reordered.ToJsonString()), "q=python", 200);
            writer.Store("""{"jobs":[]}"""u8, "q=rust", 300);
            Assert.Equal(2, writer.PayloadRows);
            Assert.Equal(1, writer.DuplicateRows);
        }
        // A later writer sees the committed payload too (the check is the database's, not only in memory).
        using (var writer = new RawStoreWriter(database))
        {
            writer.Store(Encoding.UTF8.GetBytes(Response), "q=python", 400);
        }

        var rows = database.ReadRawRows(0, 10);
        Assert.Equal([1L, 2, 3, 4], rows.Select(r => r.Id));
        Assert.Equal([false, true, false, true], rows.Select(r => r.IsDuplicate));
        Assert.Equal(rows[0].Sha, rows[1].Sha);
        Assert.Equal(rows[0].Sha, rows[3].Sha);
        Assert.NotEqual(rows[0].Sha, rows[2].Sha);
        Assert.Empty(rows[1].Data);
        Assert.Equal([100L, 200, 300, 400], rows.Select(r => r.AddedTime));
    }

    [Fact]
    public void Canonicalize_NestedObjects_SortsEveryLevelAndKeepsArrayOrder()
    {
        var canonical = Encoding.UTF8.GetString(RawPayload.Canonicalize("""{ "b": [3, {"z": 1, "a": null}], "a": {"y": "é", "x": 1.50} }"""u8));
        Assert.Equal("""{"a":{"x":1.50,"y":"\u00E9"},"b":[3,{"a":null,"z":1}]}""", canonical);
    }

    [Fact]
    public void Decompress_NotZlib_ThrowsInvalidData()
    {
        Assert.ThrowsAny<InvalidDataException>(() => RawPayload.Decompress("not zlib at all"u8.ToArray()));
    }

    [Fact]
    public void TryDecompress_OneInflateStateForManyPayloads_EqualsZLibStream()
    {
        // The migration reuses one inflate state per thread: every payload must come out as a fresh
        // ZLibStream gives it, whatever came before it (bigger, smaller, incompressible, or not zlib at all).
        var random = new Random(16);
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        CompressionLevel[] levels = [CompressionLevel.Fastest, CompressionLevel.Optimal, CompressionLevel.NoCompression, CompressionLevel.SmallestSize];
        for (var i = 0; i < 300; i++)
        {
            var size = i % 7 == 0 ? random.Next(0, 200_000) : random.Next(0, 3_000);
            var content = new byte[size];
            if (i % 3 == 0)
            {
                random.NextBytes(content); // incompressible: stored blocks
            }
            else
            {
                for (var j = 0; j < size; j++)
                {
                    content[j] = (byte)"{\"jobs\":[]} 0123456789abcdef"[random.Next(0, 26)];
                }
            }
            var compressed = RawPayload.Compress(content, levels[i % levels.Length]);
            if (compressed.Length == 0)
            {
                // ZLibStream writes nothing at all for nothing at NoCompression, and reads nothing back from
                // nothing; the lake never stores that (an empty data is a duplicate's), and zero bytes are no
                // zlib stream, so here they are an error.
                Assert.False(RawPayload.TryDecompress(compressed, output, out _));
                continue;
            }
            Assert.True(RawPayload.TryDecompress(compressed, output, out var error), error);
            Assert.Equal(Inflate(compressed), output.WrittenSpan.ToArray());
            Assert.Equal(content, output.WrittenSpan.ToArray());
            if (i % 5 == 0)
            {
                Assert.False(RawPayload.TryDecompress(compressed.AsSpan(0, compressed.Length / 2), output, out error));
                Assert.False(RawPayload.TryDecompress("not zlib"u8, output, out error));
                Assert.NotNull(error);
            }
        }
    }

    [Fact]
    public void TryDecompress_StreamCutAnywhere_IsAnErrorNeverAShorterPayload()
    {
        var compressed = RawPayload.Compress(Encoding.UTF8.GetBytes(Response), CompressionLevel.Optimal);
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        for (var length = 0; length < compressed.Length; length++)
        {
            Assert.False(RawPayload.TryDecompress(compressed.AsSpan(0, length), output, out var error), $"cut at {length}");
            Assert.False(string.IsNullOrEmpty(error));
        }
        // Bytes after the stream's end are ignored, as ZLibStream ignores them.
        Assert.True(RawPayload.TryDecompress([.. compressed, 0x00, 0x01], output, out _));
        Assert.Equal(Response, Encoding.UTF8.GetString(output.WrittenSpan));
    }

    private static byte[] Inflate(byte[] compressed)
    {
        using var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }

    private static void AssertKeysSorted(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var names = element.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
            foreach (var property in element.EnumerateObject())
            {
                AssertKeysSorted(property.Value);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                AssertKeysSorted(item);
            }
        }
    }
}

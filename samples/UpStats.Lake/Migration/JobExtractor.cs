using System.Text.Json;

namespace UpStats.Lake.Migration;

/// <summary>
/// Reads the jobs of one stored response (<c>{"jobs":[{"date_created":"…","id":"…",…},…],…}</c>) with a
/// forward-only <see cref="Utf8JsonReader"/>: no document is built, other fields are skipped, and each
/// job's <c>date_created</c> goes into the batch's column as the raw UTF-8 it was sent as.
/// </summary>
internal static class JobExtractor
{
    /// <summary>
    /// Adds the jobs of <paramref name="json"/> (raw row <paramref name="rawId"/>) to <paramref name="batch"/>
    /// (repeats included: the migration keeps the first of each id when it writes). A row that is not a
    /// response with a <c>jobs</c> array adds nothing (the batch is left as it was) and yields the reason.
    /// </summary>
    public static bool TryExtract(long rawId, ReadOnlySpan<byte> json, JobBatch batch, out string? error)
    {
        var start = batch.Count;
        try
        {
            error = Read(rawId, json, batch);
        }
        catch (JsonException ex)
        {
            error = $"data is not valid JSON: {ex.Message}";
        }
        if (error is not null)
        {
            batch.Truncate(start);
            return false;
        }
        return true;
    }

    private static string? Read(long rawId, ReadOnlySpan<byte> json, JobBatch batch)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return "data is not a JSON object";
        }
        var sawJobs = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("jobs"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return $"\"jobs\" is {reader.TokenType}, not an array";
            }
            sawJobs = true;
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return $"jobs[{index}] is {reader.TokenType}, not an object";
                }
                var problem = ReadJob(ref reader, rawId, index, batch);
                if (problem is not null)
                {
                    return problem;
                }
                index++;
            }
        }
        return sawJobs ? null : "the response has no \"jobs\" array";
    }

    private static string? ReadJob(ref Utf8JsonReader reader, long rawId, int index, JobBatch batch)
    {
        // The values' bytes stay in the response buffer; they are copied once, into the batch's columns
        // (unescaped first, in the rare case the JSON escaped them).
        ReadOnlySpan<byte> id = default;
        ReadOnlySpan<byte> date = default;
        JsonTokenType dateToken = JsonTokenType.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    return $"jobs[{index}].id is {reader.TokenType}, not a string";
                }
                id = reader.ValueIsEscaped ? Unescape(ref reader, ref t_idBuffer) : reader.ValueSpan;
            }
            else if (reader.ValueTextEquals("date_created"u8))
            {
                reader.Read();
                dateToken = reader.TokenType;
                if (dateToken == JsonTokenType.String)
                {
                    date = reader.ValueIsEscaped ? Unescape(ref reader, ref t_dateBuffer) : reader.ValueSpan;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (id.IsEmpty)
        {
            return $"jobs[{index}] has no id";
        }
        if (!System.Text.Unicode.Utf8.IsValid(id))
        {
            // The id is written as text; the reader checks the JSON, not the UTF-8 inside its strings.
            return $"jobs[{index}].id is not valid UTF-8";
        }
        switch (dateToken)
        {
            case JsonTokenType.String:
                batch.Add(rawId, id, date);
                break;
            case JsonTokenType.None:
                batch.AddWithoutDate(rawId, id, "date_created is missing");
                break;
            default:
                batch.AddWithoutDate(rawId, id, $"date_created is {dateToken}, not a string");
                break;
        }
        return null;
    }

    // Each decoding thread unescapes ids and dates into two buffers of its own, reused from job to job (the
    // batch copies the bytes at once; ids and dates are short); only a longer value gets an array of its own.
    private const int UnescapeBufferBytes = 64;

    [ThreadStatic]
    private static byte[]? t_idBuffer;

    [ThreadStatic]
    private static byte[]? t_dateBuffer;

    /// <summary>The current string value unescaped into <paramref name="buffer"/> (made on first use), or into a new array when longer.</summary>
    private static ReadOnlySpan<byte> Unescape(scoped ref Utf8JsonReader reader, ref byte[]? buffer)
    {
        // Unescaping never lengthens a value, so the escaped length is enough room.
        var length = reader.ValueSpan.Length;
        var target = length <= UnescapeBufferBytes ? buffer ??= new byte[UnescapeBufferBytes] : new byte[length];
        return target.AsSpan(0, reader.CopyString(target));
    }
}

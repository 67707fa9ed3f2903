using System.Text.Json;

namespace UpStats.Lake.Migration;

/// <summary>
/// Reads the jobs of one stored response (<c>{"jobs":[{"date_created":"…","id":"…",…},…],…}</c>) with a
/// forward-only <see cref="Utf8JsonReader"/>: no document is built, other fields are skipped, and each
/// job's <c>date_created</c> goes into the batch's column as the raw UTF-8 it was sent as.
/// </summary>
internal static class JobExtractor
{
    /// <summary>What one response contributed.</summary>
    /// <param name="Added">Jobs added to the batch.</param>
    /// <param name="RepeatedInChunk">Jobs skipped because an earlier row of the same chunk carried them.</param>
    internal readonly record struct Extracted(int Added, int RepeatedInChunk);

    /// <summary>
    /// Adds the jobs of <paramref name="json"/> (raw row <paramref name="rawId"/>) to <paramref name="batch"/>,
    /// skipping job ids already in <paramref name="seenInChunk"/>. A row that is not a response with a
    /// <c>jobs</c> array adds nothing (the batch and the set are left as they were) and yields the reason.
    /// </summary>
    public static bool TryExtract(long rawId, ReadOnlySpan<byte> json, JobBatch batch, HashSet<string> seenInChunk, out Extracted extracted, out string? error)
    {
        var start = batch.Count;
        var repeated = 0;
        try
        {
            error = Read(rawId, json, batch, seenInChunk, ref repeated);
        }
        catch (JsonException ex)
        {
            error = $"data is not valid JSON: {ex.Message}";
        }
        if (error is not null)
        {
            for (var i = start; i < batch.Count; i++)
            {
                seenInChunk.Remove(batch.JobIds[i]);
            }
            batch.Truncate(start);
            extracted = default;
            return false;
        }
        extracted = new Extracted(batch.Count - start, repeated);
        return true;
    }

    private static string? Read(long rawId, ReadOnlySpan<byte> json, JobBatch batch, HashSet<string> seenInChunk, ref int repeated)
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
                var problem = ReadJob(ref reader, rawId, index, batch, seenInChunk, ref repeated);
                if (problem is not null)
                {
                    return problem;
                }
                index++;
            }
        }
        return sawJobs ? null : "the response has no \"jobs\" array";
    }

    private static string? ReadJob(ref Utf8JsonReader reader, long rawId, int index, JobBatch batch, HashSet<string> seenInChunk, ref int repeated)
    {
        string? id = null;
        // The value's bytes stay in the response buffer; they are copied once, into the batch's column.
        ReadOnlySpan<byte> date = default;
        byte[]? unescaped = null;
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
                id = reader.GetString();
            }
            else if (reader.ValueTextEquals("date_created"u8))
            {
                reader.Read();
                dateToken = reader.TokenType;
                if (dateToken == JsonTokenType.String)
                {
                    if (reader.ValueIsEscaped)
                    {
                        unescaped = new byte[reader.ValueSpan.Length];
                        unescaped = unescaped[..reader.CopyString(unescaped)];
                    }
                    else
                    {
                        date = reader.ValueSpan;
                    }
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (string.IsNullOrEmpty(id))
        {
            return $"jobs[{index}] has no id";
        }
        if (!seenInChunk.Add(id))
        {
            repeated++;
            return null;
        }
        switch (dateToken)
        {
            case JsonTokenType.String:
                batch.Add(rawId, id, unescaped ?? date);
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
}

using System.Buffers;
using System.Text.Json;

namespace UpStats.Lake.Generation;

/// <summary>
/// The body of one generated response, kept as its jobs and rendered to JSON on first use, on whichever
/// thread asks: the generator only draws the random choices (one sequence, one thread), and
/// <c>generate</c> renders, hashes and compresses bodies on every core.
/// </summary>
/// <remarks>
/// The JSON is written in the raw store's canonical form (every object's keys in ordinal order, compact,
/// the writer's default escaping), which is what the store keeps of an API response whatever order the API
/// sent its keys in: the store's bytes are the same as if the API's order had been written and then sorted,
/// without the second pass. A test checks that canonicalizing a rendered body gives the same bytes.
/// </remarks>
internal sealed class ResponseBody
{
    private readonly IReadOnlyList<JobBody> _jobs;
    private readonly long _total;
    private byte[]? _json;

    /// <summary>A body listing <paramref name="jobs"/>, whose paging says <paramref name="total"/> jobs so far.</summary>
    public ResponseBody(IReadOnlyList<JobBody> jobs, long total)
    {
        _jobs = jobs;
        _total = total;
    }

    /// <summary>The UTF-8 JSON, rendered once (a repeated poll shares its body, so it gets the same bytes).</summary>
    public byte[] Json
    {
        get
        {
            var json = Volatile.Read(ref _json);
            if (json is null)
            {
                // Two threads may render at once; both get the bytes of whichever finished first.
                Interlocked.CompareExchange(ref _json, Render(), null);
                json = _json;
            }
            return json;
        }
    }

    // One buffer and writer per rendering thread: only the finished bytes are allocated per body.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private byte[] Render()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartObject();
        writer.WriteStartArray("jobs");
        foreach (var job in _jobs)
        {
            writer.WriteStartObject();
            writer.WriteNumber("budget", job.Budget);
            writer.WriteString("category2", job.Category);
            writer.WriteStartObject("client");
            writer.WriteString("country", job.Country);
            writer.WriteNumber("feedback", job.Feedback);
            writer.WriteString("payment_verification_status", job.Verified ? "VERIFIED" : null);
            writer.WriteNumber("reviews_count", job.Reviews);
            writer.WriteEndObject();
            writer.WriteString("date_created", job.DateCreated);
            writer.WriteString("duration", job.Duration);
            writer.WriteString("id", job.Id);
            writer.WriteString("job_status", "Open");
            writer.WriteString("job_type", job.Budget > 0 ? "Fixed" : "Hourly");
            writer.WriteStartArray("skills");
            foreach (var skill in job.Skills)
            {
                writer.WriteStringValue(skill);
            }
            writer.WriteEndArray();
            writer.WriteString("snippet", job.Snippet);
            writer.WriteString("title", job.Title);
            writer.WriteString("url", "https://www.upwork.com/jobs/" + job.Id);
            writer.WriteString("workload", job.Workload);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartObject("paging");
        writer.WriteNumber("count", 10);
        writer.WriteNumber("offset", 0);
        writer.WriteNumber("total", _total);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>One job as the API lists it.</summary>
internal sealed record JobBody(
    string Id,
    string DateCreated,
    bool IsMalformed,
    string Title,
    string Snippet,
    string Category,
    int Budget,
    string Duration,
    string Workload,
    string[] Skills,
    string Country,
    double Feedback,
    int Reviews,
    bool Verified);

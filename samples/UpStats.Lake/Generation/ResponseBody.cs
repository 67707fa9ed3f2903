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
    private const string JobUrl = "https://www.upwork.com/jobs/";

    private readonly JobBody[] _jobs;
    private readonly long _total;
    private byte[]? _json;

    /// <summary>A body listing <paramref name="jobs"/>, whose paging says <paramref name="total"/> jobs so far.</summary>
    public ResponseBody(JobBody[] jobs, long total)
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

    private byte[] Render() => RenderInPlace().ToArray();

    /// <summary>
    /// The JSON, rendered into this thread's buffer without keeping it: valid until the thread renders again.
    /// What <c>generate</c> hashes and compresses (a repeated poll renders the same bytes again).
    /// </summary>
    public ReadOnlySpan<byte> RenderInPlace()
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        // The ids are 19 characters; a longer one would not be the generator's.
        Span<char> url = stackalloc char[JobUrl.Length + 64];
        JobUrl.CopyTo(url);
        writer.WriteStartObject();
        writer.WriteStartArray(Names.Jobs);
        foreach (var job in _jobs)
        {
            writer.WriteStartObject();
            writer.WriteNumber(Names.Budget, job.Budget);
            writer.WriteString(Names.Category2, job.Category);
            writer.WriteStartObject(Names.Client);
            writer.WriteString(Names.Country, job.Country);
            writer.WriteNumber(Names.Feedback, job.Feedback);
            if (job.Verified)
            {
                writer.WriteString(Names.PaymentVerificationStatus, Names.Verified);
            }
            else
            {
                writer.WriteNull(Names.PaymentVerificationStatus);
            }
            writer.WriteNumber(Names.ReviewsCount, job.Reviews);
            writer.WriteEndObject();
            writer.WriteString(Names.DateCreated, job.DateCreated);
            writer.WriteString(Names.Duration, job.Duration);
            writer.WriteString(Names.Id, job.Id);
            writer.WriteString(Names.JobStatus, Names.Open);
            writer.WriteString(Names.JobType, job.Budget > 0 ? Names.Fixed : Names.Hourly);
            writer.WriteStartArray(Names.Skills);
            foreach (var skill in job.Skills)
            {
                writer.WriteStringValue(skill);
            }
            writer.WriteEndArray();
            writer.WriteString(Names.Snippet, job.Snippet);
            writer.WriteString(Names.Title, job.Title);
            job.Id.CopyTo(url[JobUrl.Length..]);
            writer.WriteString(Names.Url, url[..(JobUrl.Length + job.Id.Length)]);
            writer.WriteString(Names.Workload, job.Workload);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartObject(Names.Paging);
        writer.WriteNumber(Names.Count, 10);
        writer.WriteNumber(Names.Offset, 0);
        writer.WriteNumber(Names.Total, _total);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
        return buffer.WrittenSpan;
    }
}

/// <summary>The keys and fixed values of a body, escaped once.</summary>
file static class Names
{
    public static readonly JsonEncodedText Jobs = JsonEncodedText.Encode("jobs");
    public static readonly JsonEncodedText Budget = JsonEncodedText.Encode("budget");
    public static readonly JsonEncodedText Category2 = JsonEncodedText.Encode("category2");
    public static readonly JsonEncodedText Client = JsonEncodedText.Encode("client");
    public static readonly JsonEncodedText Country = JsonEncodedText.Encode("country");
    public static readonly JsonEncodedText Feedback = JsonEncodedText.Encode("feedback");
    public static readonly JsonEncodedText PaymentVerificationStatus = JsonEncodedText.Encode("payment_verification_status");
    public static readonly JsonEncodedText Verified = JsonEncodedText.Encode("VERIFIED");
    public static readonly JsonEncodedText ReviewsCount = JsonEncodedText.Encode("reviews_count");
    public static readonly JsonEncodedText DateCreated = JsonEncodedText.Encode("date_created");
    public static readonly JsonEncodedText Duration = JsonEncodedText.Encode("duration");
    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    public static readonly JsonEncodedText JobStatus = JsonEncodedText.Encode("job_status");
    public static readonly JsonEncodedText Open = JsonEncodedText.Encode("Open");
    public static readonly JsonEncodedText JobType = JsonEncodedText.Encode("job_type");
    public static readonly JsonEncodedText Fixed = JsonEncodedText.Encode("Fixed");
    public static readonly JsonEncodedText Hourly = JsonEncodedText.Encode("Hourly");
    public static readonly JsonEncodedText Skills = JsonEncodedText.Encode("skills");
    public static readonly JsonEncodedText Snippet = JsonEncodedText.Encode("snippet");
    public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    public static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
    public static readonly JsonEncodedText Workload = JsonEncodedText.Encode("workload");
    public static readonly JsonEncodedText Paging = JsonEncodedText.Encode("paging");
    public static readonly JsonEncodedText Count = JsonEncodedText.Encode("count");
    public static readonly JsonEncodedText Offset = JsonEncodedText.Encode("offset");
    public static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");
}

/// <summary>One job as the API lists it (the fixed vocabularies already escaped for JSON).</summary>
internal sealed record JobBody(
    string Id,
    string DateCreated,
    bool IsMalformed,
    string Title,
    string Snippet,
    JsonEncodedText Category,
    int Budget,
    JsonEncodedText Duration,
    JsonEncodedText Workload,
    JsonEncodedText[] Skills,
    JsonEncodedText Country,
    double Feedback,
    int Reviews,
    bool Verified);

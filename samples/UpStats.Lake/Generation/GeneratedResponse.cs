namespace UpStats.Lake.Generation;

/// <summary>One generated API response: the request's query, when it was stored, its body and its jobs.</summary>
/// <param name="Query">The request's query string.</param>
/// <param name="AddedTime">When it was stored, UTC epoch seconds.</param>
/// <param name="Body">The response body, rendered on first use.</param>
/// <param name="Jobs">The jobs it carries, in order: what a direct parse of every value is checked against.</param>
internal sealed record GeneratedResponse(string Query, long AddedTime, ResponseBody Body, IReadOnlyList<GeneratedJob> Jobs)
{
    /// <summary>The response body, UTF-8 JSON already in the raw store's canonical form (keys sorted, compact).</summary>
    public byte[] Json => Body.Json;
}

/// <summary>A job in a generated response.</summary>
/// <param name="Id">The job id.</param>
/// <param name="DateCreated">Its <c>date_created</c> text exactly as sent (valid or malformed).</param>
/// <param name="IsMalformed">True when the generator broke the value on purpose.</param>
internal sealed record GeneratedJob(string Id, string DateCreated, bool IsMalformed);

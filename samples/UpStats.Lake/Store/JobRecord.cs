namespace UpStats.Lake.Store;

/// <summary>One row of <c>jobs</c>.</summary>
/// <param name="JobId">The API's job id.</param>
/// <param name="RawId">The raw row (lowest id) whose response first carried the job.</param>
/// <param name="DateCreated">UTC epoch seconds, or null when the value did not parse.</param>
/// <param name="Error">Why it did not parse (position and reason), or null.</param>
internal sealed record JobRecord(string JobId, long RawId, long? DateCreated, string? Error);

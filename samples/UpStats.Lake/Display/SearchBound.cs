using NodaTime;
using NodaTime.Text;

namespace UpStats.Lake.Display;

/// <summary>
/// The crawler's "only newer than what I already saw": the lower bound of the next search is the newest
/// <c>date_created</c> seen so far, exclusive. A bound is UTC epoch seconds, so it means the same instant
/// whatever offset the values were written in.
/// </summary>
internal static class SearchBound
{
    private static readonly InstantPattern Utc = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm:ss'Z'");

    /// <summary>The bound after seeing <paramref name="dates"/> (null when nothing was seen yet): their maximum, never moving back.</summary>
    public static long? MoveForward(long? bound, IEnumerable<long> dates)
    {
        foreach (var date in dates)
        {
            if (bound is null || date > bound)
            {
                bound = date;
            }
        }
        return bound;
    }

    /// <summary>Whether a job created at <paramref name="dateCreated"/> is newer than the bound (strictly).</summary>
    public static bool IsNewer(long? bound, long dateCreated) => bound is null || dateCreated > bound;

    /// <summary>The query-string parameter a search request carries for the bound (empty without one).</summary>
    public static string QueryParameter(long? bound) =>
        bound is null ? "" : "&created_after=" + Utc.Format(Instant.FromUnixTimeSeconds(bound.Value));
}

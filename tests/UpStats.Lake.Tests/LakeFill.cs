using System.Text;
using UpStats.Lake.Engines;
using UpStats.Lake.Generation;
using UpStats.Time.Parsing;
using UpStats.Lake.Store;

namespace UpStats.Lake.Tests;

/// <summary>Fills a lake from the generator and computes what the migration must produce, independently of it.</summary>
internal static class LakeFill
{
    /// <summary>Stores <paramref name="rows"/> generated responses; returns them in raw-id order (ids 1…N).</summary>
    public static List<GeneratedResponse> Generate(LakeDatabase database, int rows, int seed = 7, double malformed = 0.05)
    {
        var generator = new ResponseGenerator(seed) { MalformedProbability = malformed };
        var responses = new List<GeneratedResponse>(rows);
        using var writer = new RawStoreWriter(database, batchSize: 128);
        for (var i = 0; i < rows; i++)
        {
            var response = generator.Next();
            writer.Store(response.Json, response.Query, response.AddedTime);
            responses.Add(response);
        }
        writer.Flush();
        return responses;
    }

    /// <summary>
    /// The <c>jobs</c> table a migration of <paramref name="responses"/> must give: each job id once, from the
    /// first response that carries it, its value parsed directly, one value at a time, by the library.
    /// </summary>
    public static List<JobRecord> ExpectedJobs(IEnumerable<GeneratedResponse> responses)
    {
        var jobs = new Dictionary<string, JobRecord>(StringComparer.Ordinal);
        long rawId = 0;
        foreach (var response in responses)
        {
            rawId++;
            foreach (var job in response.Jobs)
            {
                if (jobs.ContainsKey(job.Id))
                {
                    continue;
                }
                jobs[job.Id] = OffsetTimestamp.TryParseEpochSeconds(Encoding.UTF8.GetBytes(job.DateCreated), out var seconds, out var error)
                    ? new JobRecord(job.Id, rawId, seconds, null)
                    : new JobRecord(job.Id, rawId, null, error.Message);
            }
        }
        return [.. jobs.Values.OrderBy(j => j.JobId, StringComparer.Ordinal)];
    }
}

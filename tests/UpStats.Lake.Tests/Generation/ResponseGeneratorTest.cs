using System.Text.Json;
using UpStats.Lake.Generation;

namespace UpStats.Lake.Tests.Generation;

public class ResponseGeneratorTest
{
    [Fact]
    public void Next_SameSeed_SameSequence()
    {
        var a = new ResponseGenerator(42);
        var b = new ResponseGenerator(42);
        var c = new ResponseGenerator(43);
        var same = true;
        for (var i = 0; i < 200; i++)
        {
            var x = a.Next();
            Assert.Equal(x.Json, b.Next().Json);
            same &= x.Json.AsSpan().SequenceEqual(c.Next().Json);
        }
        Assert.False(same);
    }

    [Fact]
    public void Next_ManyResponses_LooksLikeTheApi()
    {
        var generator = new ResponseGenerator(1);
        var responses = Enumerable.Range(0, 3000).Select(_ => generator.Next()).ToList();
        var jobs = responses.SelectMany(r => r.Jobs).ToList();
        // Each body has the jobs it lists, with those ids and date_created values.
        foreach (var response in responses.Take(100))
        {
            using var document = JsonDocument.Parse(response.Json);
            var listed = document.RootElement.GetProperty("jobs").EnumerateArray()
                .Select(j => (j.GetProperty("id").GetString(), j.GetProperty("date_created").GetString())).ToList();
            Assert.Equal(response.Jobs.Select(j => ((string?)j.Id, (string?)j.DateCreated)), listed);
        }
        // Repeated polls (identical bodies), jobs seen again in later responses, varied offsets, some malformed.
        Assert.InRange(RepeatedBodies(responses), 200, 600);
        Assert.True(jobs.Select(j => j.Id).Distinct().Count() < jobs.Count);
        var offsets = jobs.Where(j => !j.IsMalformed && j.DateCreated.Length == 24).Select(j => j.DateCreated[^5..]).Distinct().ToList();
        Assert.True(offsets.Count >= 10, string.Join(" ", offsets));
        Assert.InRange(jobs.Count(j => j.IsMalformed) * 1000 / jobs.Count, 3, 20);
        Assert.Contains(jobs, j => j.DateCreated.EndsWith('Z'));
        Assert.Contains(jobs, j => j.DateCreated.Contains('.', StringComparison.Ordinal));
    }

    [Fact]
    public void IsoSeconds_AnyTimeInYears1000To9999_IsTheCustomDateTimeFormat()
    {
        var random = new Random(5);
        var first = new DateTimeOffset(1000, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        var last = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero).ToUnixTimeSeconds();
        foreach (var seconds in new[] { first, last, 0L, 1443657600L }.Concat(Enumerable.Range(0, 20_000).Select(_ => random.NextInt64(first, last + 1))))
        {
            Assert.Equal(
                DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                ResponseGenerator.IsoSeconds(seconds));
        }
    }

    private static int RepeatedBodies(List<GeneratedResponse> responses)
    {
        var seen = new HashSet<string>();
        var repeats = 0;
        foreach (var response in responses)
        {
            if (!seen.Add(Convert.ToBase64String(response.Json)))
            {
                repeats++;
            }
        }
        return repeats;
    }
}

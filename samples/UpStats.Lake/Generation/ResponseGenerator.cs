using System.Globalization;
using System.Text.Json;
using UpStats.Lake.Display;

namespace UpStats.Lake.Generation;

/// <summary>
/// Realistic UpWork job-search responses, the same sequence for the same seed: a crawler polls a few saved
/// searches every few minutes; each response lists the newest jobs (some new, some seen in an earlier
/// response), a repeated poll often returns exactly the previous response (a duplicate for the raw store),
/// <c>date_created</c> comes as <c>2015-10-11T00:26:51+0100</c> in varied offsets (and a few other valid
/// forms), and about one value in a hundred is malformed.
/// </summary>
internal sealed class ResponseGenerator
{
    /// <summary>Offsets seen in the wild: the API's servers, proxies and clients around the world (±hhmm).</summary>
    private static readonly int[] OffsetMinutes = [0, 0, 60, 60, 120, -240, -300, -420, -480, 330, 345, 600, -210, 780, -600, 540, 570, -180];

    private static readonly string[] Searches =
    [
        "q=python", "q=web+scraping", "q=c%23+.net", "q=data+engineer", "q=wordpress", "q=machine+learning",
        "q=postgresql", "q=react+native", "q=etl+pipeline", "q=time+zones",
    ];

    private static readonly string[] Words =
    [
        "need", "an", "experienced", "developer", "to", "build", "fix", "our", "small", "scraper", "dashboard", "api",
        "data", "pipeline", "for", "a", "startup", "long", "term", "project", "with", "python", "django", "react",
        "postgres", "etl", "reports", "daily", "fast", "clean", "code", "please", "include", "samples", "budget", "flexible",
    ];

    private static readonly JsonEncodedText[] Skills = Encoded("python", "scrapy", "django", "sql", "postgresql", "react", "c#", ".net", "etl", "aws", "pandas", "wordpress", "php", "javascript");
    private static readonly JsonEncodedText[] Countries = Encoded("United States", "United Kingdom", "Germany", "India", "Australia", "Canada", "Netherlands", "Israel", "Brazil", "Nepal");
    private static readonly JsonEncodedText[] Categories = Encoded("Web, Mobile & Software Dev", "Data Science & Analytics", "IT & Networking", "Admin Support");
    private static readonly JsonEncodedText[] Durations = Encoded("Less than 1 week", "Less than 1 month", "1 to 3 months", "3 to 6 months", "More than 6 months");
    private static readonly JsonEncodedText[] Workloads = Encoded("Less than 10 hrs/week", "10-30 hrs/week", "30+ hrs/week");

    private readonly Random _random;
    private readonly Dictionary<string, SearchState> _searches = new(StringComparer.Ordinal);
    private long _now;

    /// <summary>A generator whose sequence depends only on <paramref name="seed"/>.</summary>
    public ResponseGenerator(int seed)
    {
        _random = new Random(seed);
        // 2015-10-01T00:00:00Z, when UpStats was crawling.
        _now = 1443657600;
    }

    /// <summary>The probability that a poll returns exactly its search's previous response.</summary>
    public double RepeatProbability { get; init; } = 0.12;

    /// <summary>The probability that a new job's <c>date_created</c> is malformed.</summary>
    public double MalformedProbability { get; init; } = 0.01;

    /// <summary>The next response of the sequence.</summary>
    public GeneratedResponse Next()
    {
        _now += _random.Next(20, 400);
        var search = Searches[_random.Next(Searches.Length)];
        if (!_searches.TryGetValue(search, out var state))
        {
            state = new SearchState();
            _searches[search] = state;
        }
        if (state.Last is { } last && _random.NextDouble() < RepeatProbability)
        {
            // Nothing new since the last poll: the API answers the same bytes, the store keeps only the sha.
            return last with { AddedTime = _now };
        }

        var query = $"{search}&sort=date_created+desc&paging=0%3B10{SearchBound.QueryParameter(state.NewestSeen)}";
        var jobs = new List<(GeneratedJob Job, JobBody Body)>();
        var fresh = _random.Next(0, 7);
        for (var i = 0; i < fresh; i++)
        {
            var created = _now - _random.Next(0, 3 * 3600);
            var body = NewBody(created);
            jobs.Add((new GeneratedJob(body.Id, body.DateCreated, body.IsMalformed), body));
            state.Recent.Add(body);
            state.NewestSeen = Math.Max(state.NewestSeen ?? long.MinValue, created);
        }
        // Pages overlap: a response repeats some jobs an earlier one already carried.
        var repeated = state.Recent.Count > fresh ? _random.Next(0, 3) : 0;
        for (var i = 0; i < repeated; i++)
        {
            var body = state.Recent[_random.Next(0, state.Recent.Count - fresh)];
            if (!jobs.Exists(j => j.Job.Id == body.Id))
            {
                jobs.Add((new GeneratedJob(body.Id, body.DateCreated, body.IsMalformed), body));
            }
        }
        if (state.Recent.Count > 64)
        {
            state.Recent.RemoveRange(0, state.Recent.Count - 64);
        }

        state.Total += jobs.Count;
        var response = new GeneratedResponse(query, _now, new ResponseBody([.. jobs.Select(j => j.Body)], state.Total), [.. jobs.Select(j => j.Job)]);
        state.Last = response;
        return response;
    }

    private JobBody NewBody(long created)
    {
        var id = "~01" + ((ulong)_random.NextInt64()).ToString("x16", CultureInfo.InvariantCulture);
        var malformed = _random.NextDouble() < MalformedProbability;
        var date = malformed ? MalformedDate(created) : ValidDate(created);
        var skills = new JsonEncodedText[_random.Next(1, 4)];
        for (var i = 0; i < skills.Length; i++)
        {
            skills[i] = Skills[_random.Next(Skills.Length)];
        }
        return new JobBody(
            id,
            date,
            malformed,
            Sentence(3, 7),
            Sentence(8, 18),
            Categories[_random.Next(Categories.Length)],
            _random.Next(3) == 0 ? 0 : _random.Next(1, 60) * 25,
            Durations[_random.Next(Durations.Length)],
            Workloads[_random.Next(Workloads.Length)],
            skills,
            Countries[_random.Next(Countries.Length)],
            Math.Round(3 + _random.NextDouble() * 2, 2),
            _random.Next(0, 120),
            _random.Next(4) != 0);
    }

    private string Sentence(int min, int max)
    {
        var words = new string[_random.Next(min, max + 1)];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = Words[_random.Next(Words.Length)];
        }
        return string.Join(' ', words);
    }

    /// <summary>Mostly the API's <c>±hhmm</c> form; a few other forms the grammar allows.</summary>
    private string ValidDate(long epochSeconds)
    {
        var offset = OffsetMinutes[_random.Next(OffsetMinutes.Length)];
        var text = IsoSeconds(epochSeconds + offset * 60L);
        var sign = offset < 0 ? '-' : '+';
        var hh = (Math.Abs(offset) / 60).ToString("00", CultureInfo.InvariantCulture);
        var mm = (Math.Abs(offset) % 60).ToString("00", CultureInfo.InvariantCulture);
        return _random.Next(20) switch
        {
            0 => $"{text}{sign}{hh}:{mm}",
            1 when offset == 0 => text + "Z",
            2 when offset % 60 == 0 => $"{text.Replace('T', ' ')}{sign}{hh}",
            3 => $"{text}.{_random.Next(1000):000}{sign}{hh}{mm}",
            _ => $"{text}{sign}{hh}{mm}",
        };
    }

    /// <summary>Broken the ways real feeds break: out-of-range fields, missing pieces, junk.</summary>
    private string MalformedDate(long epochSeconds)
    {
        var valid = IsoSeconds(epochSeconds);
        return _random.Next(10) switch
        {
            0 => string.Concat(valid.AsSpan(0, 5), "13", valid.AsSpan(7), "+0100"),    // month 13
            1 => string.Concat(valid.AsSpan(0, 4), "-02-30", valid.AsSpan(10), "+0000"), // no such day in any year
            2 => string.Concat(valid.AsSpan(0, 11), "24", valid.AsSpan(13), "+0100"),   // hour 24
            3 => valid,                                                                  // no offset
            4 => valid + "+2500",                                                        // offset beyond ±18:00
            5 => valid + "+01:60",                                                       // offset minutes ≥ 60
            6 => "",
            7 => valid[..16] + "+0100",                                                  // no seconds
            8 => "n/a",
            _ => string.Concat(valid.AsSpan(0, 4), "-11-31", valid.AsSpan(10), "+0530"), // day 31 of a 30-day month
        };
    }

    // The fixed vocabularies, escaped once as the JSON writer escapes them: bodies are rendered by the
    // hundred thousand, and escaping the same words again was a large part of it.
    private static JsonEncodedText[] Encoded(params string[] words) => Array.ConvertAll(words, w => JsonEncodedText.Encode(w));

    /// <summary>
    /// <c>yyyy-MM-ddTHH:mm:ss</c> of the UTC wall clock at <paramref name="epochSeconds"/> (years 1000–9999),
    /// written digit by digit: a custom <see cref="DateTime"/> format string costs more than the rest of a date.
    /// </summary>
    internal static string IsoSeconds(long epochSeconds)
    {
        var time = DateTime.UnixEpoch.AddSeconds(epochSeconds);
        return string.Create(19, time, static (text, t) =>
        {
            Digits(text[..4], t.Year);
            text[4] = '-';
            Digits(text.Slice(5, 2), t.Month);
            text[7] = '-';
            Digits(text.Slice(8, 2), t.Day);
            text[10] = 'T';
            Digits(text.Slice(11, 2), t.Hour);
            text[13] = ':';
            Digits(text.Slice(14, 2), t.Minute);
            text[16] = ':';
            Digits(text.Slice(17, 2), t.Second);
        });
    }

    private static void Digits(Span<char> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    private sealed class SearchState
    {
        public List<JobBody> Recent { get; } = [];
        public long? NewestSeen { get; set; }
        public GeneratedResponse? Last { get; set; }
        public long Total { get; set; }
    }
}

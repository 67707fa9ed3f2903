using NodaTime;

namespace UpStats.Time.Paths;

/// <summary>
/// A folder a discovery task lists: its <see cref="Path"/> (the layout's prefix and one expansion of its pattern,
/// without a trailing <c>/</c>) and the whole stretch of time it holds, <c>[Start, End)</c>, not cut to the window
/// asked for.
/// </summary>
public readonly record struct PathPrefix
{
    internal PathPrefix(string path, Instant start, Instant end)
    {
        Path = path;
        Start = start;
        End = end;
    }

    /// <summary>The folder, e.g. <c>events/year=2024/month=11/day=03/hour=08</c>.</summary>
    public string Path { get; }

    /// <summary>The first instant whose local time the folder holds.</summary>
    public Instant Start { get; }

    /// <summary>The end of the last instant it holds (for a local hour read twice, the end of its second pass).</summary>
    public Instant End { get; }

    /// <summary>The folder and its span, e.g. <c>events/2024/11/03/08 [2024-11-03T08:00:00Z, 2024-11-03T09:00:00Z)</c>.</summary>
    public override string ToString() => $"{Path} [{Start}, {End})";
}

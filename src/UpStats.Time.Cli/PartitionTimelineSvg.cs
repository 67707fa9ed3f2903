using System.Globalization;
using System.Xml.Linq;
using NodaTime;
using UpStats.Time.Grid;
using UpStats.Time.Partitioning;

namespace UpStats.Time.Cli;

/// <summary>
/// Draws the partitions of a local date range as an SVG timeline: the UTC source hours on top, the local
/// partitions below on the same instant axis, coloured by kind. A skipped partition owns no instant, so it
/// is drawn as a marker at the jump; a merged one is one box spanning both passes of the repeated hour.
/// </summary>
/// <remarks>
/// Every box carries <c>data-key</c>, <c>data-kind</c>, <c>data-start</c> and <c>data-end</c> attributes, so the
/// picture in the docs can be checked by a test that parses it instead of by eye.
/// </remarks>
internal static class PartitionTimelineSvg
{
    /// <summary>
    /// The longest range drawn: a leap year. A century took 2.5 GB, 19 s and 444 MB of SVG before this limit;
    /// a year is about 35,000 elements, which a browser still opens.
    /// </summary>
    public const int MaxDays = 366;

    private const double PixelsPerHour = 36;
    private const double Left = 70;
    private const double UtcRowY = 50;
    private const double LocalRowY = 120;
    private const double RowHeight = 40;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XDocument Render(PartitionMap map, IReadOnlyList<LocalPartition> partitions, string title)
    {
        var owned = partitions.SelectMany(p => p.Intervals.ToArray()).ToList();
        if (owned.Count == 0)
        {
            throw new CliUsageException("--svg: the range has no partition that owns an instant.");
        }
        // The axis runs over whole UTC hours around everything the partitions own.
        Instant first = FloorHour(owned.Min(i => i.Start));
        Instant last = CeilHour(owned.Max(i => i.End));
        double hours = (last - first).TotalHours;
        double width = Left + hours * PixelsPerHour + 20;
        double X(Instant t) => Left + (t - first).TotalHours * PixelsPerHour;

        var root = new XElement(Svg + "svg",
            new XAttribute("width", Num(width)), new XAttribute("height", "230"),
            new XAttribute("viewBox", $"0 0 {Num(width)} 230"), new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", "11"),
            new XElement(Svg + "title", title),
            new XElement(Svg + "style",
                ".utc{fill:#e8eef7;stroke:#5b7db1}.regular{fill:#cfe8cf;stroke:#3d8b3d}.merged{fill:#f7d9a8;stroke:#c07a10}" +
                ".partial{fill:#d9d2f0;stroke:#6a55b5}.skipped{fill:#e04040;stroke:#e04040}text{fill:#222}"),
            Text(8, 20, title, "bold"),
            Text(8, UtcRowY + 25, "UTC"),
            Text(8, LocalRowY + 25, map.Zone.Id.Length > 10 ? "local" : map.Zone.Id));

        for (Instant h = first; h < last; h += Duration.FromHours(1))
        {
            var key = map.SourceKeyOf(h).ToString();
            root.Add(Box("utc", key, "utc", h, h + Duration.FromHours(1), X(h), UtcRowY, key[^2..]));
        }
        Instant? previousEnd = null;
        foreach (var partition in partitions)
        {
            string key = partition.Key.ToString();
            string kind = partition.Kind.ToString().ToLowerInvariant();
            string label = map.Granularity == PartitionGranularity.Hour ? key[^2..] : key[5..];
            if (partition.Intervals.Count == 0)
            {
                // Owns nothing: a marker where the clock jumped over it.
                double x = previousEnd is { } p ? X(p) : Left;
                root.Add(new XElement(Svg + "path",
                    new XAttribute("class", "skipped"), new XAttribute("data-key", key), new XAttribute("data-kind", kind),
                    new XAttribute("d", $"M{Num(x)},{Num(LocalRowY + RowHeight + 4)} l-5,10 h10 z")));
                root.Add(Text(x - 12, LocalRowY + RowHeight + 26, $"{label} skipped"));
                continue;
            }
            foreach (var interval in partition.Intervals)
            {
                root.Add(Box(kind, key, kind, interval.Start, interval.End, X(interval.Start), LocalRowY, label));
                previousEnd = interval.End;
            }
        }
        root.Add(Legend());
        return new XDocument(root);
    }

    private static XElement Box(string cssClass, string key, string kind, Instant start, Instant end, double x, double y, string label)
    {
        double w = (end - start).TotalHours * PixelsPerHour;
        return new XElement(Svg + "g",
            new XAttribute("data-key", key), new XAttribute("data-kind", kind),
            new XAttribute("data-start", CliText.FormatInstant(start)), new XAttribute("data-end", CliText.FormatInstant(end)),
            new XElement(Svg + "rect", new XAttribute("class", cssClass),
                new XAttribute("x", Num(x)), new XAttribute("y", Num(y)), new XAttribute("width", Num(w)), new XAttribute("height", Num(RowHeight))),
            Text(x + w / 2, y + 24, label, anchor: "middle"));
    }

    private static XElement Legend()
    {
        var legend = new XElement(Svg + "g", new XAttribute("class", "legend"));
        double x = 8;
        foreach (var kind in new[] { "regular", "merged", "partial", "skipped" })
        {
            legend.Add(new XElement(Svg + "rect", new XAttribute("class", kind),
                new XAttribute("x", Num(x)), new XAttribute("y", "200"), new XAttribute("width", "12"), new XAttribute("height", "12")));
            legend.Add(Text(x + 16, 210, kind));
            x += 80;
        }
        return legend;
    }

    private static XElement Text(double x, double y, string text, string? weight = null, string? anchor = null)
    {
        var e = new XElement(Svg + "text", new XAttribute("x", Num(x)), new XAttribute("y", Num(y)), text);
        if (weight is not null)
        {
            e.Add(new XAttribute("font-weight", weight));
        }
        if (anchor is not null)
        {
            e.Add(new XAttribute("text-anchor", anchor));
        }
        return e;
    }

    // The axis ticks are the boundaries of the UTC hourly grid: the one grid implementation, not a second floor().
    private static readonly LocalClockGrid UtcHours = LocalClockGrid.EveryMinutes(DateTimeZone.Utc, 60);

    private static Instant FloorHour(Instant t) => UtcHours.BoundaryAtOrBefore(t);

    private static Instant CeilHour(Instant t) => UtcHours.IsBoundary(t) ? t : UtcHours.NextBoundary(t);

    private static string Num(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}

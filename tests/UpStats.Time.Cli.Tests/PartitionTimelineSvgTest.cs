using System.Xml.Linq;
using NodaTime;
using UpStats.Time.Partitioning;

namespace UpStats.Time.Cli.Tests;

// The SVG in docs/ is checked by parsing it: boxes carry data-key/kind/start/end attributes.
public class PartitionTimelineSvgTest
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly PartitionMap LosAngelesHours =
        PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour);

    private static List<XElement> Boxes(XDocument svg, string kind) =>
        svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("data-kind") == kind).ToList();

    [Fact]
    public void Render_FallBackDay_DrawsOneMergedBoxOverTwoUtcHours()
    {
        var day = new LocalDate(2024, 11, 3);
        var svg = PartitionTimelineSvg.Render(LosAngelesHours, LosAngelesHours.PartitionsOf(day, day.PlusDays(1)), "fall back");

        var merged = Assert.Single(Boxes(svg, "merged"));
        Assert.Equal("2024-11-03T01", (string?)merged.Attribute("data-key"));
        Assert.Equal("2024-11-03T08:00:00Z", (string?)merged.Attribute("data-start"));
        Assert.Equal("2024-11-03T10:00:00Z", (string?)merged.Attribute("data-end"));
        var utcWidth = double.Parse(Boxes(svg, "utc")[0].Element(Svg + "rect")!.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var mergedWidth = double.Parse(merged.Element(Svg + "rect")!.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2 * utcWidth, mergedWidth, 3);
        Assert.Equal(23, Boxes(svg, "regular").Count);
        Assert.Equal(25, Boxes(svg, "utc").Count); // the local day is 25 UTC hours long
    }

    [Fact]
    public void Render_SpringForwardDay_MarksTheSkippedHour()
    {
        var day = new LocalDate(2024, 3, 10);
        var svg = PartitionTimelineSvg.Render(LosAngelesHours, LosAngelesHours.PartitionsOf(day, day.PlusDays(1)), "spring forward");

        var skipped = Assert.Single(svg.Descendants(Svg + "path"), p => (string?)p.Attribute("data-kind") == "skipped");
        Assert.Equal("2024-03-10T02", (string?)skipped.Attribute("data-key"));
        Assert.Equal(23, Boxes(svg, "regular").Count);
        Assert.Equal(23, Boxes(svg, "utc").Count);
        Assert.Equal(Svg + "svg", svg.Root!.Name);
    }

    [Fact]
    public void Render_Kolkata_DrawsPartialBoxesHalfAnHourOffTheUtcHours()
    {
        var map = PartitionMap.For(DateTimeZoneProviders.Tzdb["Asia/Kolkata"], PartitionGranularity.Hour);
        var day = new LocalDate(2024, 1, 1);
        var svg = PartitionTimelineSvg.Render(map, map.PartitionsOf(day, day.PlusDays(1)), "Kolkata");
        var partial = Boxes(svg, "partial");
        Assert.Equal(24, partial.Count);
        Assert.All(partial, p => Assert.EndsWith(":30:00Z", (string?)p.Attribute("data-start")));
    }
}

public class PartitionsSvgCommandTest
{
    [Fact]
    public void PartitionsSvg_FallBackDay_PrintsAnSvgTheDocsCanEmbed()
    {
        var result = CliRunner.Run(null, "partitions", "--zone", "America/Los_Angeles", "--from", "2024-11-03", "--to", "2024-11-04", "--svg");
        Assert.Equal(0, result.ExitCode);
        var svg = XDocument.Parse(result.StdOut);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Single(svg.Descendants(ns + "g"), g => (string?)g.Attribute("data-kind") == "merged");
    }
}

public class DocsPicturesTest
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UpStats.Time.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("UpStats.Time.sln not found above " + AppContext.BaseDirectory);
    }

    // The pictures in docs/images are the tool's own output: regenerate with the command in docs/partitions.md.
    [Theory]
    [InlineData("los-angeles-spring-forward.svg", "America/Los_Angeles", "2024-03-10", "2024-03-11")]
    [InlineData("los-angeles-fall-back.svg", "America/Los_Angeles", "2024-11-03", "2024-11-04")]
    [InlineData("kolkata-partial.svg", "Asia/Kolkata", "2024-01-01", "2024-01-02")]
    public void DocsSvg_IsWhatTheToolPrintsToday(string file, string zone, string from, string to)
    {
        var result = CliRunner.Run(null, "partitions", "--zone", zone, "--from", from, "--to", to, "--svg");
        Assert.Equal(0, result.ExitCode);
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "images", file)).Replace("\r\n", "\n");
        Assert.Equal(committed, result.StdOut);
    }
}

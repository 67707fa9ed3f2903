using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Paths;

namespace UpStats.Time.Tests.Paths;

/// <summary>
/// Discovery: the folders a task lists for its window. The property checks them against brute force (every
/// minute of the window formatted through NodaTime's own zone mapping, distinct, in order), spans included;
/// the facts name the DST days: a skipped hour is never listed, a repeated one is listed once with both passes.
/// </summary>
public class PathLayoutPrefixesTest
{
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    [Fact]
    public void Prefixes_FallBack_RepeatedHourIsOneFolderWithBothPasses()
    {
        var layout = new PathLayout(PathPattern.Hourly, "s3://b/events/", LosAngeles);

        var prefixes = layout.Prefixes(Instant.FromUtc(2024, 11, 3, 8, 30), Instant.FromUtc(2024, 11, 3, 10, 30));

        Assert.Equal(
            [
                new PathPrefix("s3://b/events/year=2024/month=11/day=03/hour=01", Instant.FromUtc(2024, 11, 3, 8, 0), Instant.FromUtc(2024, 11, 3, 10, 0)),
                new PathPrefix("s3://b/events/year=2024/month=11/day=03/hour=02", Instant.FromUtc(2024, 11, 3, 10, 0), Instant.FromUtc(2024, 11, 3, 11, 0)),
            ],
            prefixes);
    }

    [Fact]
    public void Prefixes_SpringForward_SkippedHourIsNeverListed()
    {
        var layout = new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/"), "", LosAngeles);

        var prefixes = layout.Prefixes(Instant.FromUtc(2024, 3, 10, 9, 0), Instant.FromUtc(2024, 3, 10, 11, 0));

        Assert.Equal(["2024/03/10/01", "2024/03/10/03"], prefixes.Select(p => p.Path));   // no trailing '/', no 02
        Assert.Equal(Instant.FromUtc(2024, 3, 10, 10, 0), prefixes[1].Start);
    }

    [Fact]
    public void Prefixes_MinuteFolders_OnePerMinute_AndEmptyWindowHasNone()
    {
        var layout = new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"), "orders/");
        var t = Instant.FromUtc(2022, 8, 4, 11, 3, 30);

        var prefixes = layout.Prefixes(t, t + Duration.FromMinutes(2));

        Assert.Equal(["orders/2022/08/04/11/03", "orders/2022/08/04/11/04", "orders/2022/08/04/11/05"], prefixes.Select(p => p.Path));
        Assert.Equal(Instant.FromUtc(2022, 8, 4, 11, 3), prefixes[0].Start);   // the whole minute, not cut to the window
        Assert.Empty(layout.Prefixes(t, t));
        Assert.Throws<ArgumentException>("to", () => layout.Prefixes(t, t - Duration.Epsilon));
    }

    [Fact]
    public void Prefixes_MonthFolders_HoldTheWholeLocalMonth()
    {
        var layout = new PathLayout(PathPattern.ParseOrThrow("'y='yyyy/'m='MM"), "", LosAngeles);

        var prefixes = layout.Prefixes(Instant.FromUtc(2024, 10, 31, 0, 0), Instant.FromUtc(2024, 11, 2, 0, 0));

        Assert.Equal(
            [
                new PathPrefix("y=2024/m=10", Instant.FromUtc(2024, 10, 1, 7, 0), Instant.FromUtc(2024, 11, 1, 7, 0)),
                new PathPrefix("y=2024/m=11", Instant.FromUtc(2024, 11, 1, 7, 0), Instant.FromUtc(2024, 12, 1, 8, 0)),
            ],
            prefixes);
    }

    [Fact]
    public void Prefixes_YearFolders_HoldTheWholeLocalYear()
    {
        var layout = new PathLayout(PathPattern.ParseOrThrow("'y='yyyy"), "", LosAngeles);

        var prefixes = layout.Prefixes(Instant.FromUtc(2024, 6, 15, 0, 0), Instant.FromUtc(2024, 6, 16, 0, 0));

        Assert.Equal([new PathPrefix("y=2024", Instant.FromUtc(2024, 1, 1, 8, 0), Instant.FromUtc(2025, 1, 1, 8, 0))], prefixes);
        Assert.Equal("y=2024 [2024-01-01T08:00:00Z, 2025-01-01T08:00:00Z)", prefixes[0].ToString());
    }

    [Fact]
    public void Prefixes_AndFormat_BadArguments_SayWhatIsWrong()
    {
        var layout = new PathLayout(PathPattern.Daily, "", LosAngeles);
        var t = Instant.FromUtc(2024, 6, 15, 0, 0);

        var backwards = Assert.Throws<ArgumentException>("to", () => layout.Prefixes(t, t - Duration.FromHours(1)));
        Assert.StartsWith("The window's end 2024-06-14T23:00:00Z is before its start 2024-06-15T00:00:00Z.", backwards.Message, StringComparison.Ordinal);
        var pastTheEnd = Assert.Throws<ArgumentOutOfRangeException>("to", () => layout.Prefixes(t, Instant.FromUtc(9999, 12, 31, 0, 0)));
        Assert.Contains("is not between", pastTheEnd.Message, StringComparison.Ordinal);
        var tooMany = Assert.Throws<ArgumentOutOfRangeException>("to", () => new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm")).Prefixes(t, t + Duration.FromDays(700)));
        Assert.StartsWith("The window holds more than 1,000,000 folders; list it in pieces.", tooMany.Message, StringComparison.Ordinal);
        var lastHours = Assert.Throws<ArgumentOutOfRangeException>("to", () => new PathLayout(PathPattern.ParseOrThrow("yyyy-MM")).Prefixes(Instant.FromUtc(9999, 12, 1, 0, 0), Instant.FromUtc(9999, 12, 1, 1, 0)));
        Assert.StartsWith("The window reaches a folder that ends in the last 18 hours of 9999", lastHours.Message, StringComparison.Ordinal);
        var yearZero = Assert.Throws<ArgumentOutOfRangeException>(() => layout.Prefixes(Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUtc(1, 1, 2, 0, 0)));
        Assert.Contains("outside the years 0001-9999", yearZero.Message, StringComparison.Ordinal);
        // West of UTC the first hours of 0001-01-01Z read in the year 0, which a folder's four-digit year cannot name.
        Assert.Throws<ArgumentOutOfRangeException>("instant", () => layout.Format(Instant.FromUtc(1, 1, 1, 0, 0)));
        Assert.Equal("year=0001/month=01/day=01", layout.Format(Instant.FromUtc(1, 1, 2, 0, 0)));
    }

    [Fact]
    public void Prefixes_OutsideFourDigitYears_OrTooMany_Throw()
    {
        var minutes = new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"));
        var tokyo = new PathLayout(PathPattern.Daily, "", DateTimeZoneProviders.Tzdb["Asia/Tokyo"]);
        var losAngeles = new PathLayout(PathPattern.Daily, "", LosAngeles);

        Assert.Throws<ArgumentOutOfRangeException>("to", () => minutes.Prefixes(Instant.FromUtc(2000, 1, 1, 0, 0), Instant.FromUtc(2004, 1, 1, 0, 0)));
        Assert.Single(minutes.Prefixes(Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUtc(1, 1, 1, 0, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => tokyo.Prefixes(Instant.FromUtc(9999, 12, 31, 14, 0), Instant.FromUtc(9999, 12, 31, 16, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => losAngeles.Prefixes(Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUtc(1, 1, 2, 0, 0)));
        // Folders ending near 10000-01-01 (local) would reach past the last instant NodaTime handles: refused, not a crash.
        var years = new PathLayout(PathPattern.ParseOrThrow("yyyy"), "", DateTimeZoneProviders.Tzdb["America/New_York"]);
        Assert.Throws<ArgumentOutOfRangeException>("to", () => years.Prefixes(Instant.FromUtc(9999, 6, 1, 0, 0), Instant.FromUtc(9999, 6, 2, 0, 0)));
        var months = new PathLayout(PathPattern.ParseOrThrow("yyyy-MM"));
        Assert.Throws<ArgumentOutOfRangeException>("to", () => months.Prefixes(Instant.FromUtc(9999, 12, 1, 0, 0), Instant.FromUtc(9999, 12, 1, 1, 0)));
        Assert.Equal("9999-11", Assert.Single(months.Prefixes(Instant.FromUtc(9999, 11, 1, 0, 0), Instant.FromUtc(9999, 11, 1, 1, 0))).Path);
    }

    /// <summary>
    /// A zone, a minute-aligned window of up to two days around one of its transitions, and a pattern. Windows start
    /// from 1973: some zones' offsets had seconds until 1972 (Africa/Monrovia), which no minute walk can follow.
    /// </summary>
    private static Gen<(DateTimeZone Zone, Instant From, Instant To, string Pattern)> Windows =>
        from zi in Generators.ZoneAndInstant
        from minutes in Gen.OneOf(Gen.Choose(0, 90), Gen.Choose(0, 2 * 1440))
        from pattern in Gen.Elements("yyyy/MM/dd/HH/mm", "'year='yyyy/'month='MM/'day='dd/'hour='HH", "yyyy-MM-dd/", "dt={yyyy}{MM}{dd}/hr={HH}")
        let start = Instant.FromUnixTimeSeconds(Math.Max(zi.Instant.ToUnixTimeSeconds() / 60, 3 * 365 * 1440) * 60)
        select (zi.Zone, start, start + Duration.FromMinutes(minutes), pattern);

    [Property(MaxTest = 150)]
    public Property Prefixes_AreTheDistinctFoldersOfTheWindowsMinutes_WithTheirWholeSpans() =>
        Prop.ForAll(Arb.From(Windows), c =>
        {
            var layout = new PathLayout(PathPattern.ParseOrThrow(c.Pattern), "p/", c.Zone);
            string Folder(Instant m) => ("p/" + layout.Pattern.Format(m.InZone(c.Zone).LocalDateTime)).TrimEnd('/');

            // Brute force: every minute of the window, in order, first occurrence kept.
            var expected = new List<string>();
            for (var m = c.From; m < c.To; m += Duration.FromMinutes(1))
            {
                string folder = Folder(m);
                if (!expected.Contains(folder))
                {
                    expected.Add(folder);
                }
            }
            // Spans by brute force: the first and last minute of each folder within two days either side.
            var spans = new Dictionary<string, (Instant First, Instant Last)>();
            for (var m = c.From - Duration.FromDays(2); m < c.To + Duration.FromDays(2); m += Duration.FromMinutes(1))
            {
                string folder = Folder(m);
                spans[folder] = spans.TryGetValue(folder, out var s) ? (s.First, m) : (m, m);
            }
            var actual = layout.Prefixes(c.From, c.To);

            bool samePaths = actual.Select(p => p.Path).SequenceEqual(expected);
            bool sameSpans = actual.All(p => p.Start == spans[p.Path].First && p.End == spans[p.Path].Last + Duration.FromMinutes(1));
            return (samePaths && sameSpans).Label($"{c.Zone.Id} {c.Pattern} [{c.From}, {c.To}): {string.Join(" ", actual)} vs {string.Join(" ", expected)}");
        });
}

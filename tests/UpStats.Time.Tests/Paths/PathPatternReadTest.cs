using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Parsing;
using UpStats.Time.Paths;

namespace UpStats.Time.Tests.Paths;

/// <summary>
/// Path patterns in the Java letters that Kafka Connect's <c>path.format</c> and Upsolver's <c>DATE_PATTERN</c> use:
/// the two systems' own examples, pattern errors with their position, paths that must not match (wrong digits,
/// short fields, missing prefix, non-ASCII digits, impossible dates) in UTF-8 and UTF-16 alike, and the round trip
/// format → read for every field over random instants in every tzdb zone.
/// </summary>
public class PathPatternReadTest
{
    private static readonly string[] EveryUnit =
    [
        "yyyy", "'y='yyyy/'m='MM", "yyyy-MM-dd", "YYYY/MM/dd/HH", "yyyy/MM/dd/HH/mm",
        "'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH", "dt={yyyy}-{MM}-{dd}/hr={HH}{mm}",
    ];

    [Fact]
    public void KafkaConnect_PathFormat_WritesAndReadsUdemysHourlyFolders()
    {
        // Kafka Connect's S3 sink: path.format='year'=YYYY/'month'=MM/'day'=dd/'hour'=HH under topics/<topic>/.
        var pattern = PathPattern.ParseOrThrow("'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH");
        var layout = new PathLayout(pattern, "topics/events/");

        Assert.Equal("year=2024/month=11/day=03/hour=08", pattern.Format(new LocalDateTime(2024, 11, 3, 8, 0)));
        Assert.Equal(["year", "month", "day", "hour"], pattern.Columns);
        Assert.Equal(PathField.Hour, pattern.Unit);
        Assert.Equal("topics/events/year=2024/month=11/day=03/hour=08", layout.Format(Instant.FromUtc(2024, 11, 3, 8, 59)));
        Assert.True(layout.TryReadEventTime("topics/events/year=2024/month=11/day=03/hour=08/events+0+0000000042.json", out var time, out _));
        Assert.Equal(Instant.FromUtc(2024, 11, 3, 8, 0), time);
        // The default layout of partition plans is the same pattern, spelled as the docs spell it.
        Assert.Equal(pattern.Format(new LocalDateTime(2024, 11, 3, 8, 0)), PathPattern.Hourly.Format(new LocalDateTime(2024, 11, 3, 8, 0)));
    }

    [Fact]
    public void Upsolver_DatePattern_ReadsTheMinuteOfTheFile()
    {
        // Upsolver: DATE_PATTERN = 'yyyy/MM/dd/HH/mm' after PREFIX; the date pattern in the file is its event time.
        var layout = new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"), "orders/");

        var time = layout.EventTime("orders/2022/08/04/11/03/part-0001.parquet"u8, Instant.FromUtc(2022, 8, 4, 11, 9));

        Assert.Equal(FileTimeSource.Pattern, time.Source);
        Assert.Equal(Instant.FromUtc(2022, 8, 4, 11, 3), time.Time);
        Assert.Equal(PathField.Minute, layout.Pattern.Unit);
    }

    [Fact]
    public void Upsolver_NoDateInThePath_UsesTheModifiedTime_ElseSaysWhy()
    {
        var layout = new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"), "orders/");
        var modified = Instant.FromUtc(2022, 8, 4, 11, 9, 30);

        var fallback = layout.EventTime("orders/manual-upload.csv", modified);
        var none = layout.EventTime("orders/manual-upload.csv", null);

        Assert.Equal((FileTimeSource.Modified, modified), (fallback.Source, fallback.Time));
        Assert.Equal((7, ParseErrorCode.ExpectedDigit, PathErrorReasons.ExpectedYearDigits), (fallback.PatternError.Position, fallback.PatternError.Code, fallback.PatternError.Reason));
        Assert.False(none.Success);
        Assert.Equal(FileTimeSource.None, none.Source);
        Assert.Equal("no date in the path (Expected 4 ASCII digits for the year (yyyy) at position 7) and no modified time", none.ErrorMessage);
        Assert.Null(fallback.ErrorMessage);
    }

    [Fact]
    public void WeekYear_YYYY_IsTheCalendarYear()
    {
        // Java's YYYY is the week-based year: 2024-12-30 is in week 1 of 2025. Joda-Time, which Kafka Connect formats
        // paths with, reads YYYY as the year of era, so its folders say 2024; so do ours.
        var pattern = PathPattern.ParseOrThrow("YYYY/MM/dd");
        Assert.Equal("2024/12/30", pattern.Format(new LocalDateTime(2024, 12, 30, 0, 0)));
        Assert.Equal(pattern.Format(new LocalDateTime(2024, 12, 30, 0, 0)), PathPattern.ParseOrThrow("yyyy/MM/dd").Format(new LocalDateTime(2024, 12, 30, 0, 0)));
    }

    [Fact]
    public void Quotes_AndTheBraceSpelling_MakeTheSamePattern()
    {
        var letters = PathPattern.ParseOrThrow("'dt='yyyy-MM-dd/'it''s'/''HH");
        var braces = PathPattern.ParseOrThrow("dt={yyyy}-{MM}-{dd}/it's/'{HH}");
        var local = new LocalDateTime(2024, 3, 10, 2, 0);

        Assert.Equal("dt=2024-03-10/it's/'02", letters.Format(local));
        Assert.Equal(letters.Format(local), braces.Format(local));
        Assert.True(braces.TryReadLocal("dt=2024-03-10/it's/'02/x", out var read, out int used, out _));
        Assert.Equal((local, 22), (read, used));
        // Letters inside braces' literal text and non-ASCII letters in Java's are plain text.
        Assert.Equal("Tag-2024", PathPattern.ParseOrThrow("Tag-{yyyy}").Format(local));
        Assert.Equal("é/2024", PathPattern.ParseOrThrow("é/yyyy").Format(local));
    }

    [Theory]
    [InlineData("'year='yy/MM", 7, "'yy' is not supported: use yyyy (or YYYY), MM, dd, HH and mm, and put literal letters in single quotes ('year=')")]
    [InlineData("yyyy/MM/dd/hh", 11, "'hh' is not supported: use yyyy (or YYYY), MM, dd, HH and mm, and put literal letters in single quotes ('year=')")]
    [InlineData("yyyy-MM-ddTHH", 10, "'T' is not supported: use yyyy (or YYYY), MM, dd, HH and mm, and put literal letters in single quotes ('year=')")]
    [InlineData("yyyy/MM/dd/HH/mm/ss", 17, "'ss' is not supported: use yyyy (or YYYY), MM, dd, HH and mm, and put literal letters in single quotes ('year=')")]
    [InlineData("year=yyyy", 0, "'y' is not supported: use yyyy (or YYYY), MM, dd, HH and mm, and put literal letters in single quotes ('year=')")]
    [InlineData("yyyyy", 0, "'yyyyy' is not supported: use yyyy (or YYYY), MM, dd, HH and mm, and put literal letters in single quotes ('year=')")]
    [InlineData("yyyy/'MM", 5, "This quote is not closed (write '' for a quote character)")]
    [InlineData("MM/dd/HH", 8, "A path pattern must contain a year (yyyy)")]
    [InlineData("{MM}/{dd}", 9, "A path pattern must contain a year (yyyy)")]
    [InlineData("yyyy/dd", 5, "dd needs MM: a pattern's fields run down from the year without a gap (yyyy, MM, dd, HH, mm)")]
    [InlineData("yyyy/MM/dd/mm", 11, "mm needs HH: a pattern's fields run down from the year without a gap (yyyy, MM, dd, HH, mm)")]
    [InlineData("yyyy[/MM]", 4, "'[' is reserved in a date pattern: put it in single quotes ('[')")]
    [InlineData("yyyy#", 4, "'#' is reserved in a date pattern: put it in single quotes ('#')")]
    [InlineData("year={yyyy}/{hh}", 12, "Unknown token '{hh}' (use {yyyy}, {MM}, {dd}, {HH} or {mm})")]
    public void Parse_BadPattern_SaysWhereAndWhy(string text, int position, string reason)
    {
        var result = PathPattern.Parse(text);

        Assert.False(result.Success);
        Assert.Equal((position, reason), (result.Error.Position, result.Error.Reason));
        Assert.False(PathPattern.TryParse(text, out _, out _));
        Assert.Equal($"{reason} at position {position}: '{text[..position]}^{text[position..]}'", Assert.Throws<FormatException>(() => PathPattern.ParseOrThrow(text)).Message);
    }

    /// <summary>Paths that must not match, with where and why; positions count from the start of the whole path.</summary>
    public static TheoryData<string, string, string, int, string> NoMatch => new()
    {
        // pattern, prefix, path, position, reason
        { "yyyy/MM/dd", "", "2024/1x/03/a", 6, PathErrorReasons.ExpectedMonthDigits },            // wrong digit
        { "yyyy/MM/dd", "", "2024/1/03/a", 6, PathErrorReasons.ExpectedMonthDigits },             // short field
        { "yyyy/MM/dd", "", "24/11/03/a", 2, PathErrorReasons.ExpectedYearDigits },               // short year
        { "yyyy/MM/dd", "", "2024/11/3", 9, PathErrorReasons.EndsEarly },                         // short last field
        { "yyyy/MM/dd", "", "2024/11", 7, PathErrorReasons.EndsEarly },
        { "yyyy/MM/dd", "", "", 0, PathErrorReasons.EndsEarly },
        { "yyyy/MM/dd", "", "２０２４/11/03", 0, PathErrorReasons.ExpectedYearDigits },             // fullwidth digits
        { "yyyy/MM/dd", "", "2024/\u0661\u0661/03", 5, PathErrorReasons.ExpectedMonthDigits },    // Arabic-Indic digits
        { "yyyy/MM/dd", "", "2024-11-03", 4, PathErrorReasons.LiteralMismatch },
        { "yyyy/MM/dd", "", "0000/11/03", 0, ParseErrorReasons.YearOutOfRange },
        { "yyyy/MM/dd", "", "2024/13/03", 5, ParseErrorReasons.MonthOutOfRange },
        { "yyyy/MM/dd", "", "2024/00/03", 5, ParseErrorReasons.MonthOutOfRange },
        { "yyyy/MM/dd", "", "2023/02/29", 8, ParseErrorReasons.DayOutOfRange },                    // common year
        { "yyyy/MM/dd", "", "2024/04/31", 8, ParseErrorReasons.DayOutOfRange },
        { "yyyy/MM/dd", "", "2024/04/00", 8, ParseErrorReasons.DayOutOfRange },
        { "yyyy/MM/dd/HH/mm", "", "2024/04/30/24/00", 11, ParseErrorReasons.HourOutOfRange },
        { "yyyy/MM/dd/HH/mm", "", "2024/04/30/23/60", 14, ParseErrorReasons.MinuteOutOfRange },
        { "yyyy/MM/dd/HH/mm", "", "2024/04/30/23/-1", 14, PathErrorReasons.ExpectedMinuteDigits },
        { "'year='yyyy/'month='MM", "", "year=2024/mnth=11", 11, PathErrorReasons.LiteralMismatch },
        { "yyyy/yyyyMMdd", "", "2024/20231103", 5, PathErrorReasons.FieldsDisagree },
        { "yyyy/MM/dd", "events/", "evnts/2024/11/03", 2, PathErrorReasons.MissingPrefix },    // missing prefix
        { "yyyy/MM/dd", "events/", "2024/11/03", 0, PathErrorReasons.MissingPrefix },
        { "yyyy/MM/dd", "events/", "events", 6, PathErrorReasons.MissingPrefix },
        { "yyyy/MM/dd", "events/", "events/2024/13/03", 12, ParseErrorReasons.MonthOutOfRange },  // after the prefix
        { "yyyy/MM/dd", "événements/", "événements/2024/1x/03", 17, PathErrorReasons.ExpectedMonthDigits },
    };

    [Theory]
    [MemberData(nameof(NoMatch))]
    public void TryReadEventTime_PathThatDoesNotMatch_SaysWhereAndWhy_InUtf8AndUtf16(string pattern, string prefix, string path, int position, string reason)
    {
        var layout = new PathLayout(PathPattern.ParseOrThrow(pattern), prefix);
        byte[] utf8 = Encoding.UTF8.GetBytes(path);

        Assert.False(layout.TryReadEventTime(path, out var time16, out var error16));
        Assert.False(layout.TryReadEventTime(utf8, out var time8, out var error8));

        Assert.Equal((position, reason), (error16.Position, error16.Reason));
        // UTF-8 positions count bytes: the same as chars while everything before the error is ASCII.
        int bytePosition = Encoding.UTF8.GetByteCount(path.AsSpan(0, Math.Min(position, path.Length)));
        Assert.Equal((bytePosition, reason, error16.Code), (error8.Position, error8.Reason, error8.Code));
        Assert.Equal((default(Instant), default(Instant)), (time16, time8));
    }

    [Theory]
    [InlineData("yyyy/MM", "", "2024/1x", ParseErrorCode.ExpectedDigit)]
    [InlineData("yyyy/MM", "", "2024/13", ParseErrorCode.MonthOutOfRange)]
    [InlineData("yyyy/MM", "", "2024", ParseErrorCode.EndsEarly)]
    [InlineData("yyyy/MM", "", "2024-11", ParseErrorCode.ExpectedLiteral)]
    [InlineData("yyyy/MM", "x/", "y/2024/11", ParseErrorCode.ExpectedPrefix)]
    [InlineData("yyyy/MM/yyyy", "", "2024/11/2025", ParseErrorCode.FieldsDisagree)]
    [InlineData("yyyy/yyyy/yyyy", "", "2024/2024/2025", ParseErrorCode.FieldsDisagree)]
    [InlineData("yyyy/MM/dd", "", "2023/02/29", ParseErrorCode.DayOutOfRange)]
    public void TryReadEventTime_Failure_HasAStableCode(string pattern, string prefix, string path, ParseErrorCode code)
    {
        Assert.False(new PathLayout(PathPattern.ParseOrThrow(pattern), prefix).TryReadEventTime(path, out _, out var error));
        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData("yy", ParseErrorCode.UnknownPatternField)]
    [InlineData("{yy}", ParseErrorCode.UnknownPatternField)]
    [InlineData("yyyy'", ParseErrorCode.UnbalancedPattern)]
    [InlineData("{yyyy", ParseErrorCode.UnbalancedPattern)]
    [InlineData("yyyy#", ParseErrorCode.InvalidCharacter)]
    [InlineData("MM", ParseErrorCode.MissingPatternField)]
    [InlineData("yyyy/dd", ParseErrorCode.MissingPatternField)]
    [InlineData("", ParseErrorCode.Empty)]
    [InlineData("   ", ParseErrorCode.Empty)]
    [InlineData("\u3000 ", ParseErrorCode.Empty)]
    public void Parse_BadPattern_HasAStableCode(string text, ParseErrorCode code) =>
        Assert.Equal(code, PathPattern.Parse(text).Error.Code);

    [Fact]
    public void TryReadLocal_FieldsThePatternLacks_TakeTheirSmallestValue()
    {
        Assert.True(PathPattern.ParseOrThrow("yyyy").TryReadLocal("2024/x"u8, out var year, out int used, out _));
        Assert.Equal((new LocalDateTime(2024, 1, 1, 0, 0), 4), (year, used));
        Assert.True(PathPattern.ParseOrThrow("yyyy/MM/dd").TryReadLocal("2024/02/29", out var leap, out _, out _));
        Assert.Equal(new LocalDateTime(2024, 2, 29, 0, 0), leap);
        Assert.True(PathPattern.ParseOrThrow("yyyy/yyyyMMdd").TryReadLocal("2024/20241103", out var twice, out _, out _));
        Assert.Equal(new LocalDateTime(2024, 11, 3, 0, 0), twice);
    }

    [Fact]
    public void TryReadEventTime_InAZone_GapIsTheJump_OverlapIsTheFirstPass()
    {
        var layout = new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"), "", DateTimeZoneProviders.Tzdb["America/Los_Angeles"]);

        Assert.True(layout.TryReadEventTime("2024/03/10/02/30"u8, out var gap, out _));
        Assert.True(layout.TryReadEventTime("2024/11/03/01/30"u8, out var overlap, out _));
        Assert.True(layout.TryReadEventTime("2024/11/03/02/00"u8, out var after, out _));

        Assert.Equal(Instant.FromUtc(2024, 3, 10, 10, 0), gap);       // 02:30 PST does not exist: 03:00 PDT
        Assert.Equal(Instant.FromUtc(2024, 11, 3, 8, 30), overlap);   // 01:30 PDT, not 01:30 PST (09:30Z)
        Assert.Equal(Instant.FromUtc(2024, 11, 3, 10, 0), after);
    }

    [Fact]
    public void TryReadEventTime_AfterTheLastInstant_IsAnErrorNotAnException()
    {
        var newYork = new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"), "x/", DateTimeZoneProviders.Tzdb["America/New_York"]);
        var utc = new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"), "x/");
        var tokyo = new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"), "x/", DateTimeZoneProviders.Tzdb["Asia/Tokyo"]);

        Assert.False(newYork.TryReadEventTime("x/9999/12/31/23/00", out _, out var error));
        Assert.Equal((2, ParseErrorCode.InstantOutOfRange), (error.Position, error.Code));
        Assert.True(utc.TryReadEventTime("x/9999/12/31/23/59"u8, out var last, out _));
        Assert.Equal(Instant.FromUtc(9999, 12, 31, 23, 59), last);
        Assert.True(tokyo.TryReadEventTime("x/9999/12/31/23/59", out var east, out _));
        Assert.Equal(Instant.FromUtc(9999, 12, 31, 14, 59), east);
        Assert.True(newYork.TryReadEventTime("x/0001/01/01/00/00", out var first, out _));
        Assert.Equal(Instant.FromUtc(1, 1, 1, 4, 56, 2), first);   // New York's local mean time, -4:56:02
    }

    [Fact]
    public void TryReadEventTime_Utf8_AllocatesNothing()
    {
        var layout = new PathLayout(PathPattern.ParseOrThrow("'year='yyyy/'month='MM/'day='dd/'hour='HH"), "topics/events/", DateTimeZoneProviders.Tzdb["Europe/Berlin"]);
        ReadOnlySpan<byte> good = "topics/events/year=2024/month=10/day=27/hour=02/part-1.json"u8;
        ReadOnlySpan<byte> bad = "topics/events/year=2024/month=13/day=27/hour=02/part-1.json"u8;
        layout.TryReadEventTime(good, out _, out _);
        layout.TryReadEventTime(bad, out _, out _);

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool ok = layout.TryReadEventTime(good, out var time, out _);
        bool failed = !layout.TryReadEventTime(bad, out _, out _);
        var fallback = layout.EventTime(bad, Instant.FromUtc(2024, 1, 1, 0, 0));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(ok && failed && fallback.Source == FileTimeSource.Modified);
        Assert.Equal(Instant.FromUtc(2024, 10, 27, 0, 0), time);   // 02:00 CEST, the first pass of the repeated hour
        Assert.Equal(0, allocated);
    }

    [Property(MaxTest = 400)]
    public Property FormatThenRead_EveryField_GivesTheLocalTimeBack_AndItsFirstInstant_InEveryZone() =>
        Prop.ForAll(Arb.From(from zi in Generators.ZoneAndInstant from text in Gen.Elements(EveryUnit) select (zi.Zone, zi.Instant, text)), c =>
        {
            var layout = new PathLayout(PathPattern.ParseOrThrow(c.text), "bucket/", c.Zone);
            var local = c.Instant.InZone(c.Zone).LocalDateTime;
            string path = layout.Format(c.Instant) + "/file.json";
            var truncated = Truncate(local, layout.Pattern.Unit);

            bool read16 = layout.Pattern.TryReadLocal(path.AsSpan(7), out var back, out _, out _);
            bool read8 = layout.TryReadEventTime(Encoding.UTF8.GetBytes(path), out var time8, out _);
            bool readChars = layout.TryReadEventTime(path, out var time16, out _);
            // The oracle: NodaTime's own mapping of the local time, first pass of an overlap, the jump of a gap.
            var mapping = c.Zone.MapLocal(truncated);
            var expected = mapping.Count > 0 ? mapping.First().ToInstant() : mapping.LateInterval.Start;

            return (read16 && read8 && readChars && back == truncated && time8 == expected && time16 == expected
                    && layout.Pattern.Format(back) == layout.Pattern.Format(local))
                .Label($"{c.Zone.Id} {c.text} at {c.Instant}: read {back} -> {time8}/{time16}, expected {truncated} -> {expected}");
        });

    [Fact]
    public void FormatThenRead_EveryTzdbZone_AroundEachTransitionOf2015To2026()
    {
        // Deterministic companion of the property: every zone, not a sample of them, at the instants where zones differ.
        var random = new Random(13);
        var failures = new List<string>();
        foreach (var id in Generators.ZonesToWalk)
        {
            var zone = DateTimeZoneProviders.Tzdb[id];
            var instants = zone.GetZoneIntervals(Instant.FromUtc(2015, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0))
                .Where(z => z.HasStart && z.Start > Instant.FromUtc(2015, 1, 1, 0, 0))
                .SelectMany(z => new[] { z.Start - Duration.FromMinutes(31), z.Start, z.Start + Duration.FromMinutes(29) })
                .Concat(Enumerable.Range(0, 3).Select(_ => Instant.FromUnixTimeSeconds(random.NextInt64(0, int.MaxValue))));
            var layouts = EveryUnit.Select(p => new PathLayout(PathPattern.ParseOrThrow(p), "", zone)).ToArray();
            foreach (var instant in instants)
            {
                foreach (var layout in layouts)
                {
                    var truncated = Truncate(instant.InZone(zone).LocalDateTime, layout.Pattern.Unit);
                    var mapping = zone.MapLocal(truncated);
                    var expected = mapping.Count > 0 ? mapping.First().ToInstant() : mapping.LateInterval.Start;
                    if (!layout.TryReadEventTime(Encoding.UTF8.GetBytes(layout.Format(instant)), out var actual, out _) || actual != expected)
                    {
                        failures.Add($"{id} {layout.Pattern} {instant}: {actual}, expected {expected}");
                    }
                }
            }
        }
        Assert.Empty(failures);
    }

    [Property(MaxTest = 200)]
    public Property FormatThenRead_MinutePattern_IsTheInstant_WhenItsLocalMinuteIsReadOnce() =>
        Prop.ForAll(Arb.From(Generators.ZoneAndInstant), c =>
        {
            var instant = Instant.FromUnixTimeSeconds(c.Instant.ToUnixTimeSeconds() / 60 * 60);
            var layout = new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"), "", c.Zone);
            var local = instant.InZone(c.Zone).LocalDateTime;
            bool once = c.Zone.MapLocal(local).Count == 1 && local.Second == 0;
            bool read = layout.TryReadEventTime(layout.Format(instant), out var back, out _);
            return (read && (!once || back == instant)).Label($"{c.Zone.Id} {instant}: {back}");
        });

    internal static LocalDateTime Truncate(LocalDateTime local, PathField unit) => unit switch
    {
        PathField.Year => new LocalDateTime(local.Year, 1, 1, 0, 0),
        PathField.Month => new LocalDateTime(local.Year, local.Month, 1, 0, 0),
        PathField.Day => local.Date.AtMidnight(),
        PathField.Hour => new LocalDateTime(local.Year, local.Month, local.Day, local.Hour, 0),
        _ => new LocalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute),
    };
}

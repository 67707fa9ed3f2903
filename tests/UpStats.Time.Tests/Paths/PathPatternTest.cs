using UpStats.Time.Parsing;
using UpStats.Time.Grid;
using UpStats.Time.Partitioning;
using UpStats.Time.Paths;

namespace UpStats.Time.Tests.Paths;

public class PathPatternTest
{
    [Fact]
    public void Hourly_Format_IsKafkaConnectsLayout()
    {
        Assert.Equal("year=2024/month=11/day=03/hour=01", PathPattern.Hourly.Format(new LocalDateTime(2024, 11, 3, 1, 0)));
        Assert.Equal(["year", "month", "day", "hour"], PathPattern.Hourly.Columns);
    }

    [Fact]
    public void PartitionValues_CompositeSegment_FillsTheWholeValue()
    {
        var template = PathPattern.ParseOrThrow("events/dt={yyyy}-{MM}-{dd}/hr={HH}{mm}");
        Assert.Equal("events/dt=2024-03-10/hr=0330", template.Format(new LocalDateTime(2024, 3, 10, 3, 30)));
        Assert.Equal(["dt=2024-03-10", "hr=0330"], template.PartitionValues(new LocalDateTime(2024, 3, 10, 3, 30)).Select(v => $"{v.Key}={v.Value}"));
    }

    [Theory]
    [InlineData("year={yy}", 5, "Unknown token '{yy}' (use {yyyy}, {MM}, {dd}, {HH} or {mm})")]
    [InlineData("year={yyyy", 5, "This '{' is not closed")]
    [InlineData("year={yyyy}}", 11, "Unexpected '}'")]
    [InlineData("a/{MM}/b}", 8, "Unexpected '}'")]
    [InlineData("", 0, "A path pattern must not be empty")]
    [InlineData("   ", 0, "A path pattern must not be only white space")]
    public void Parse_BadBraces_SaysWhereAndWhy(string text, int position, string reason)
    {
        var result = PathPattern.Parse(text);

        Assert.False(result.Success);
        Assert.Equal(position, result.Error.Position);
        Assert.Equal(reason, result.Error.Reason);
        Assert.False(PathPattern.TryParse(text, out var template, out _));
        Assert.Null(template);
        var thrown = Assert.Throws<FormatException>(() => PathPattern.ParseOrThrow(text));
        Assert.Equal($"{reason} at position {position}: '{text[..position]}^{text[position..]}'", thrown.Message);
    }

    [Fact]
    public void Parse_ControlCharacterOrUnpairedSurrogate_IsRejectedWhereItIs()
    {
        // Neither can be part of a folder name (U+0000 ends a POSIX path; a lone surrogate has no UTF-8 form).
        (string Text, int Position, string Reason)[] cases =
        [
            ("year={yyyy}\0", 11, "A path pattern must not contain the control character U+0000"),
            ("a\nb", 1, "A path pattern must not contain the control character U+000A"),
            ("x/\uD800", 2, "A path pattern must not contain an unpaired surrogate"),
            ("\uDC00{yyyy}", 0, "A path pattern must not contain an unpaired surrogate"),
            ("a\uD800b", 1, "A path pattern must not contain an unpaired surrogate"),
        ];
        foreach (var (text, position, reason) in cases)
        {
            var result = PathPattern.Parse(text);
            Assert.False(result.Success);
            Assert.Equal((position, reason), (result.Error.Position, result.Error.Reason));
            Assert.False(PathPattern.TryParse(text, out _, out _));
        }
        Assert.Equal("\U0001F600/2024", PathPattern.ParseOrThrow("\U0001F600/{yyyy}").Format(new LocalDateTime(2024, 1, 1, 0, 0)));
    }

    [Fact]
    public void TryParse_NullString_IsTheEmptyTextWithoutThrowing()
    {
        Assert.False(PathPattern.TryParse((string?)null, out var template, out var error));
        Assert.Null(template);
        Assert.Equal((0, ParseErrorCode.Empty), (error.Position, error.Code));
        Assert.Throws<ArgumentNullException>("text", () => PathPattern.Parse((string)null!));
    }

    [Fact]
    public void Parse_GoodTemplate_SucceedsAndKeepsTheText()
    {
        var result = PathPattern.Parse("dt={yyyy}-{MM}-{dd}/hr={HH}");

        Assert.True(result.Success);
        Assert.Equal("dt={yyyy}-{MM}-{dd}/hr={HH}", result.Value.Text);
        Assert.True(PathPattern.TryParse("dt={yyyy}-{MM}-{dd}/hr={HH}", out var template, out _));
        Assert.Equal(result.Value, template);
    }

    [Fact]
    public void Daily_Format_HasNoHour()
    {
        Assert.Equal("year=0999/month=01/day=09", PathPattern.Daily.Format(new LocalDateTime(999, 1, 9, 23, 0)));
        Assert.Equal(["year", "month", "day"], PathPattern.Daily.Columns);
        Assert.Equal("'year='yyyy/'month='MM/'day='dd", PathPattern.Daily.Text);
    }

    [Theory]
    [InlineData("yyyy'x'", "2024x")]
    [InlineData("yyyy-", "2024-")]
    [InlineData("yyyy'it''s'", "2024it's")]
    [InlineData("{YYYY}-{MM}", "2024-01")]
    public void FormatAndRead_TrailingLiteralsAndUpperCaseYear_RoundTrip(string pattern, string path)
    {
        var template = PathPattern.ParseOrThrow(pattern);
        var month = new LocalDateTime(2024, 1, 1, 0, 0);
        Assert.Equal(path, template.Format(month));
        Assert.True(template.TryReadLocal(path, out var local, out int consumed, out _));
        Assert.Equal((month, path.Length), (local, consumed));
    }

    [Fact]
    public void Format_MinutesAndTrailingLiteral_AreWritten()
    {
        var template = PathPattern.ParseOrThrow("{yyyy}{MM}{dd}T{HH}{mm}.parquet");
        Assert.Equal("20240310T0345.parquet", template.Format(new LocalDateTime(2024, 3, 10, 3, 45)));
        Assert.Empty(template.Columns);
        Assert.Empty(template.PartitionValues(new LocalDateTime(2024, 3, 10, 3, 45)));
    }

    [Fact]
    public void Format_Keys_UseTheirLabels()
    {
        var key = new LocalPartitionKey(new LocalDateTime(2024, 11, 3, 1, 0), PartitionGranularity.Hour);
        Assert.Equal("year=2024/month=11/day=03/hour=01", PathPattern.Hourly.Format(key.Label));
        var slice = PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour)
            .Partition(key).Sources[0];
        Assert.Equal("year=2024/month=11/day=03/hour=08", PathPattern.Hourly.Format(slice.Key.Label));
    }

    [Fact]
    public void Columns_OnlySegmentsWithANameBeforeTheirEqualsSign()
    {
        var template = PathPattern.ParseOrThrow("=x/{yyyy}=y/tbl/k=/dt={yyyy}-{MM}/v=a=b");
        Assert.Equal(["k", "dt", "v"], template.Columns);
        Assert.Equal(["k=", "dt=2024-03", "v=a=b"], template.PartitionValues(new LocalDateTime(2024, 3, 10, 0, 0)).Select(v => $"{v.Key}={v.Value}"));
    }

    [Fact]
    public void Equals_SameText_AreEqual()
    {
        var a = PathPattern.ParseOrThrow("dt={yyyy}-{MM}-{dd}");
        var b = PathPattern.ParseOrThrow("dt={yyyy}-{MM}-{dd}");
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals(PathPattern.Daily));
        Assert.False(a.Equals(null));
        Assert.False(a.Equals((object)"dt={yyyy}-{MM}-{dd}"));
        Assert.Equal("dt={yyyy}-{MM}-{dd}", a.ToString());
    }
}

using UpStats.Time.Rendering;

namespace UpStats.Time.Tests.Rendering;

public class PathTemplateTest
{
    [Fact]
    public void Hourly_Format_IsKafkaConnectsLayout()
    {
        Assert.Equal("year=2024/month=11/day=03/hour=01", PathTemplate.Hourly.Format(new LocalDateTime(2024, 11, 3, 1, 0)));
        Assert.Equal(["year", "month", "day", "hour"], PathTemplate.Hourly.Columns);
    }

    [Fact]
    public void PartitionValues_CompositeSegment_FillsTheWholeValue()
    {
        var template = PathTemplate.Parse("events/dt={yyyy}-{MM}-{dd}/hr={HH}{mm}");
        Assert.Equal("events/dt=2024-03-10/hr=0330", template.Format(new LocalDateTime(2024, 3, 10, 3, 30)));
        Assert.Equal(["dt=2024-03-10", "hr=0330"], template.PartitionValues(new LocalDateTime(2024, 3, 10, 3, 30)).Select(v => $"{v.Key}={v.Value}"));
    }

    [Theory]
    [InlineData("year={yy}", "Unknown token '{yy}' at position 5")]
    [InlineData("year={yyyy", "'{' at position 5")]
    [InlineData("year=}", "Unexpected '}' at position 5")]
    [InlineData("", "must not be empty")]
    public void TryParse_BadTemplate_SaysWhereAndWhy(string text, string expected)
    {
        Assert.False(PathTemplate.TryParse(text, out var template, out var error));
        Assert.Null(template);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains(expected, Assert.Throws<FormatException>(() => PathTemplate.Parse(text)).Message, StringComparison.Ordinal);
    }
}

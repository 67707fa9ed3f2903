using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Partitioning;

namespace UpStats.Time.Tests.Partitioning;

public class PartitionKeyTest
{
    [Theory]
    [InlineData(2024, 11, 3, 1, PartitionGranularity.Hour, "2024-11-03T01")]
    [InlineData(2024, 11, 3, 0, PartitionGranularity.Day, "2024-11-03")]
    [InlineData(1, 1, 1, 23, PartitionGranularity.Hour, "0001-01-01T23")]
    [InlineData(9999, 12, 31, 0, PartitionGranularity.Day, "9999-12-31")]
    [InlineData(1969, 12, 31, 23, PartitionGranularity.Hour, "1969-12-31T23")]
    [InlineData(1600, 2, 29, 5, PartitionGranularity.Hour, "1600-02-29T05")]
    public void TryFormat_Utf16AndUtf8_WriteTheKeyText(int y, int m, int d, int h, PartitionGranularity granularity, string expected)
    {
        var key = new LocalPartitionKey(new LocalDateTime(y, m, d, h, 0), granularity);
        Span<char> chars = stackalloc char[expected.Length];
        Span<byte> bytes = stackalloc byte[expected.Length];
        Assert.True(key.TryFormat(chars, out int written));
        Assert.Equal(expected, chars[..written].ToString());
        Assert.True(key.TryFormat(bytes, out written));
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes[..written]));
        Assert.Equal(expected, key.ToString());
        Assert.False(key.TryFormat(chars[..^1], out written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Constructor_LabelNotOnTheHour_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LocalPartitionKey(new LocalDateTime(2024, 1, 1, 1, 30), PartitionGranularity.Hour));
        Assert.Throws<ArgumentException>(() => new LocalPartitionKey(new LocalDateTime(2024, 1, 1, 1, 0), PartitionGranularity.Day));
    }

    [Fact]
    public void SourceKey_SubHourLayout_ShowsMinutes()
    {
        var layout = SourceLayout.Create(DateTimeZone.Utc, 15);
        Assert.Equal("2024-11-03T08:45", layout.KeyOf(Instant.FromUtc(2024, 11, 3, 8, 59)).ToString());
        Assert.Equal("2024-11-03", SourceLayout.Create(DateTimeZone.Utc, 1440).KeyOf(Instant.FromUtc(2024, 11, 3, 8, 59)).ToString());
        Assert.Same(SourceLayout.UtcHourly, SourceLayout.Create(DateTimeZone.Utc, 60));
    }

    // Any hour of years 0001–9999, in random order (so the per-day date cache is hit, missed and overwritten).
    [Property(MaxTest = 2000)]
    public Property ToString_AnyHour_EqualsNodaTimesPattern() =>
        Prop.ForAll(Arb.From(from days in Gen.Choose(-719162, 2932896) from hour in Gen.Choose(0, 23) select (days, hour)), c =>
        {
            var label = new LocalDate(1970, 1, 1).PlusDays(c.days).At(new LocalTime(c.hour, 0));
            var hour = new LocalPartitionKey(label, PartitionGranularity.Hour).ToString();
            var day = new LocalPartitionKey(label.Date.AtMidnight(), PartitionGranularity.Day).ToString();
            return (hour == label.ToString("uuuu-MM-dd'T'HH", null) && day == label.ToString("uuuu-MM-dd", null)).Label($"{label}: {hour} {day}");
        });
}

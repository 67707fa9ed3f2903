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

    // Years before 0001 (NodaTime goes down to -9998) carry a sign, as NodaTime's "uuuu" pattern writes them.
    [Property(MaxTest = 300)]
    public Property ToString_YearsDownToMinus9998_EqualsNodaTimesPattern() =>
        Prop.ForAll(Arb.From(from year in Gen.Choose(-9998, 0) from dayOfYear in Gen.Choose(0, 364) from hour in Gen.Choose(0, 23) select (year, dayOfYear, hour)), c =>
        {
            var label = new LocalDate(c.year, 1, 1).PlusDays(c.dayOfYear).At(new LocalTime(c.hour, 0));
            var key = new LocalPartitionKey(label, PartitionGranularity.Hour);
            string expected = label.ToString("uuuu-MM-dd'T'HH", null);
            Span<char> chars = stackalloc char[16];
            Span<byte> bytes = stackalloc byte[16];
            bool ok = key.TryFormat(chars, out int charsWritten) & key.TryFormat(bytes, out int bytesWritten);
            bool tooShort = key.TryFormat(chars[..(expected.Length - 1)], out _) | key.TryFormat(bytes[..(expected.Length - 1)], out _);
            return (ok && !tooShort && key.ToString() == expected && chars[..charsWritten].ToString() == expected
                    && Encoding.ASCII.GetString(bytes[..bytesWritten]) == expected)
                .Label($"{label}: {key} vs {expected}");
        });

    [Fact]
    public void SourceKey_MinutePrecision_WritesUtf8AndUtf16()
    {
        var key = SourceLayout.Create(DateTimeZone.Utc, 15).KeyOf(Instant.FromUtc(2024, 11, 3, 8, 59));
        Span<byte> bytes = stackalloc byte[16];
        Assert.True(key.TryFormat(bytes, out int written));
        Assert.Equal("2024-11-03T08:45", Encoding.ASCII.GetString(bytes[..written]));
        Span<char> chars = stackalloc char[16];
        Assert.True(key.TryFormat(chars, out written));
        Assert.Equal("2024-11-03T08:45", chars[..written].ToString());
        Assert.False(key.TryFormat(bytes[..15], out written));
        Assert.Equal(0, written);
        Assert.False(key.TryFormat(chars[..15], out written));
        Assert.Equal(new LocalDateTime(2024, 11, 3, 8, 45), key.Label);
    }

    [Fact]
    public void LocalPartitionKey_Ordering_ByLabelThenGranularity()
    {
        var one = new LocalPartitionKey(new LocalDateTime(2024, 11, 3, 1, 0), PartitionGranularity.Hour);
        var two = new LocalPartitionKey(new LocalDateTime(2024, 11, 3, 2, 0), PartitionGranularity.Hour);
        var midnightHour = new LocalPartitionKey(new LocalDateTime(2024, 11, 3, 0, 0), PartitionGranularity.Hour);
        var midnightDay = new LocalPartitionKey(new LocalDateTime(2024, 11, 3, 0, 0), PartitionGranularity.Day);
        Assert.True(one < two && two > one && one <= two && two >= one);
        Assert.False(one > two || two < one || one >= two || two <= one);
        Assert.True(one <= new LocalPartitionKey(one.Label, PartitionGranularity.Hour) && one >= new LocalPartitionKey(one.Label, PartitionGranularity.Hour));
        Assert.True(one == new LocalPartitionKey(one.Label, PartitionGranularity.Hour));
        Assert.False(one != new LocalPartitionKey(one.Label, PartitionGranularity.Hour));
        Assert.True(midnightHour != midnightDay);
        Assert.False(midnightHour.Equals((object)midnightDay));
        Assert.True(midnightHour.Equals((object)new LocalPartitionKey(midnightHour.Label, PartitionGranularity.Hour)));
        Assert.False(midnightHour.Equals((object)"2024-11-03T00"));
        Assert.Equal(midnightHour.CompareTo(midnightDay), -midnightDay.CompareTo(midnightHour));
        Assert.NotEqual(0, midnightHour.CompareTo(midnightDay));
        Assert.True(midnightHour.CompareTo(one) < 0 && midnightDay.CompareTo(one) < 0);
        Assert.Equal(one.GetHashCode(), new LocalPartitionKey(one.Label, PartitionGranularity.Hour).GetHashCode());
        Assert.Equal(PartitionGranularity.Day, midnightDay.Granularity);
        Assert.Equal(new LocalDateTime(2024, 11, 3, 0, 0), midnightDay.Label);
    }

    [Fact]
    public void SourcePartitionKey_Ordering_ByLabelThenPrecision()
    {
        var hourly = SourceLayout.UtcHourly;
        var a = hourly.KeyOf(Instant.FromUtc(2024, 11, 3, 8, 10));
        var b = hourly.KeyOf(Instant.FromUtc(2024, 11, 3, 9, 10));
        var daily = SourceLayout.Create(DateTimeZone.Utc, 1440).KeyOf(Instant.FromUtc(2024, 11, 3, 0, 0));
        var midnight = hourly.KeyOf(Instant.FromUtc(2024, 11, 3, 0, 30));
        Assert.True(a < b && b > a && a <= b && b >= a);
        Assert.False(a > b || b < a || a >= b || b <= a);
        Assert.True(a == hourly.KeyOf(Instant.FromUtc(2024, 11, 3, 8, 59)));
        Assert.False(a != hourly.KeyOf(Instant.FromUtc(2024, 11, 3, 8, 59)));
        Assert.True(a <= hourly.KeyOf(Instant.FromUtc(2024, 11, 3, 8, 0)) && a >= hourly.KeyOf(Instant.FromUtc(2024, 11, 3, 8, 0)));
        Assert.Equal(a.GetHashCode(), hourly.KeyOf(Instant.FromUtc(2024, 11, 3, 8, 0)).GetHashCode());
        Assert.True(midnight != daily);
        Assert.NotEqual(0, midnight.CompareTo(daily));
        Assert.Equal(Math.Sign(midnight.CompareTo(daily)), -Math.Sign(daily.CompareTo(midnight)));
        Assert.True(a.Equals((object)hourly.KeyOf(Instant.FromUtc(2024, 11, 3, 8, 0))));
        Assert.False(a.Equals((object)b));
        Assert.False(a.Equals((object)"2024-11-03T08"));
    }
}

using UpStats.Time.Paths;

namespace UpStats.Time.Tests.Paths;

/// <summary>A file's event time is a value: equal when source, time and pattern error are, and printable either way.</summary>
public class FileEventTimeTest
{
    private static readonly PathLayout Layout = new(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"), "events/");
    private static readonly Instant At0815 = Instant.FromUtc(2024, 11, 3, 8, 15);

    [Fact]
    public void Equality_HoldsExactlyWhenSourceTimeAndPatternErrorAreEqual()
    {
        var fromPath = Layout.EventTime("events/2024/11/03/08/15/a.json"u8, null);
        var samePath = Layout.EventTime("events/2024/11/03/08/15/b.json"u8, null);
        var otherTime = Layout.EventTime("events/2024/11/03/08/16/a.json"u8, null);
        var modified = Layout.EventTime("events/manual/a.json"u8, At0815);
        var noneAt7 = Layout.EventTime("events/manual/a.json"u8, null);
        var noneAt14 = Layout.EventTime("events/2024/13/03/08/15/a.json"u8, null);

        Assert.Equal((FileTimeSource.Pattern, At0815), (fromPath.Source, fromPath.Time));
        Assert.Equal((FileTimeSource.Modified, At0815), (modified.Source, modified.Time));
        Assert.True(fromPath == samePath && fromPath.Equals(samePath) && fromPath.Equals((object)samePath) && !(fromPath != samePath));
        Assert.Equal(fromPath.GetHashCode(), samePath.GetHashCode());
        Assert.True(fromPath != otherTime);      // same source, another time
        Assert.True(fromPath != modified);       // same time, another source
        Assert.NotEqual(noneAt7.PatternError, noneAt14.PatternError);
        Assert.True(noneAt7 != noneAt14);        // no time either way, another reason
        Assert.False(fromPath.Equals((object)"2024-11-03T08:15:00Z"));
    }

    [Fact]
    public void ToString_IsTheTimeAndItsSource_OrTheError()
    {
        Assert.Equal("2024-11-03T08:15:00Z (Pattern)", Layout.EventTime("events/2024/11/03/08/15/a.json"u8, null).ToString());
        Assert.Equal("2024-11-03T08:15:00Z (Modified)", Layout.EventTime("events/manual/a.json"u8, At0815).ToString());
        var none = Layout.EventTime("events/manual/a.json"u8, null);
        Assert.False(none.Success);
        Assert.StartsWith("no date in the path (", none.ToString(), StringComparison.Ordinal);
        Assert.Equal(none.ErrorMessage, none.ToString());
    }
}

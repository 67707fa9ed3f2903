using UpStats.Lake.Migration;

namespace UpStats.Lake.Tests.Migration;

/// <summary>How one stored response becomes jobs, and how a response that is not one is refused.</summary>
public class JobExtractorTest
{
    [Fact]
    public void TryExtract_IdWithInvalidUtf8_RefusesTheRowAndAddsNothing()
    {
        var batch = new JobBatch();
        byte[] json = [.. "{\"jobs\":[{\"date_created\":\"2015-10-11T00:26:51+0100\",\"id\":\"~01"u8, 0xFF, .. "\"}]}"u8];

        var ok = JobExtractor.TryExtract(42, json, batch, out var error);

        Assert.False(ok);
        Assert.Equal(0, batch.Count);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void TryExtract_EscapedIdAndDate_AddsTheUnescapedBytes()
    {
        var batch = new JobBatch();

        var ok = JobExtractor.TryExtract(42, "{\"jobs\":[{\"date_created\":\"2015-10-11T00:26:51\\u002B0100\",\"id\":\"~01\\u00e9\"}]}"u8, batch, out var error);

        Assert.True(ok, error);
        Assert.Equal("~01\u00E9", batch.JobIdString(0));
        Assert.Equal("2015-10-11T00:26:51+0100", batch.DateTextString(0));
    }

    [Fact]
    public void TryExtract_EscapedValuesInSeveralJobsShortAndLong_EachKeepsItsOwn()
    {
        // Escaped values are unescaped into buffers reused from job to job, and a value too long for them
        // into an array of its own: each job must keep its own bytes.
        var longEscapedId = "~01" + new string('x', 90) + "\\u00e9"; // 99 bytes as sent
        var json = "{\"jobs\":["
            + "{\"date_created\":\"2015-10-11T00:26:51\\u002B0100\",\"id\":\"~01\\u0061\"},"
            + "{\"date_created\":\"2016-01-02T03:04:05\\u002D0700\",\"id\":\"" + longEscapedId + "\"},"
            + "{\"date_created\":\"" + new string(' ', 70) + "\\t\",\"id\":\"~01\\u0062\"}]}";
        var batch = new JobBatch();

        var ok = JobExtractor.TryExtract(7, System.Text.Encoding.UTF8.GetBytes(json), batch, out var error);

        Assert.True(ok, error);
        Assert.Equal(3, batch.Count);
        Assert.Equal(["~01a", "~01" + new string('x', 90) + "\u00E9", "~01b"], Enumerable.Range(0, 3).Select(batch.JobIdString));
        Assert.Equal(["2015-10-11T00:26:51+0100", "2016-01-02T03:04:05-0700", new string(' ', 70) + "\t"], Enumerable.Range(0, 3).Select(batch.DateTextString));
    }
}

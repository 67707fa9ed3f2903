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
}

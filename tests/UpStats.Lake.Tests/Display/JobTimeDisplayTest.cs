using UpStats.Lake.Commands;
using UpStats.Lake.Display;
using UpStats.Lake.Store;

namespace UpStats.Lake.Tests.Display;

public class JobTimeDisplayTest
{
    // Europe/Berlin leaves summer time at 2015-10-25T01:00:00Z (03:00 CEST becomes 02:00 CET);
    // America/New_York at 2015-11-01T06:00:00Z (02:00 EDT becomes 01:00 EST).
    [Theory]
    [InlineData("Europe/Berlin", 1445734799L, "2015-10-25 02:59:59 +02 (CEST)")]
    [InlineData("Europe/Berlin", 1445734800L, "2015-10-25 02:00:00 +01 (CET)")]
    [InlineData("Europe/Berlin", 1445738400L, "2015-10-25 03:00:00 +01 (CET)")]
    [InlineData("America/New_York", 1446357599L, "2015-11-01 01:59:59 -04 (EDT)")]
    [InlineData("America/New_York", 1446357600L, "2015-11-01 01:00:00 -05 (EST)")]
    [InlineData("America/New_York", 1446361200L, "2015-11-01 02:00:00 -05 (EST)")]
    [InlineData("Asia/Kathmandu", 1444519611L, "2015-10-11 05:11:51 +05:45 (+0545)")]
    public void FormatLocal_AcrossDstChange_ShowsTheOffsetInForceAtThatInstant(string zoneId, long epochSeconds, string expected)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        Assert.Equal(expected, JobTimeDisplay.FormatLocal(epochSeconds, zone));
        // The oracle: NodaTime's own mapping of the instant.
        var local = Instant.FromUnixTimeSeconds(epochSeconds).InZone(zone);
        Assert.StartsWith(local.LocalDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_OneStoredJobInTwoZones_SameInstantTwoLocalTimes()
    {
        // The UpStats value 2015-10-11T00:26:51+0100 is stored as 1444519611 (2015-10-10T23:26:51Z).
        var job = new JobRecord("~01aa", 42, 1444519611, null);
        Assert.Equal(
            "~01aa  2015-10-10T23:26:51Z  2015-10-11 01:26:51 +02 (CEST) Europe/Berlin  (raw id 42)",
            ShowCommand.Describe(job, DateTimeZoneProviders.Tzdb["Europe/Berlin"]));
        Assert.Equal(
            "~01aa  2015-10-10T23:26:51Z  2015-10-10 16:26:51 -07 (PDT) America/Los_Angeles  (raw id 42)",
            ShowCommand.Describe(job, DateTimeZoneProviders.Tzdb["America/Los_Angeles"]));
    }

    [Fact]
    public void Describe_JobWithoutDate_ShowsItsError()
    {
        var job = new JobRecord("~01bb", 7, null, "Month must be between 01 and 12 at position 5");
        Assert.Equal("~01bb  no date_created: Month must be between 01 and 12 at position 5  (raw id 7)", ShowCommand.Describe(job, DateTimeZone.Utc));
    }
}

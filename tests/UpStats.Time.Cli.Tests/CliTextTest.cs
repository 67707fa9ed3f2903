namespace UpStats.Time.Cli.Tests;

// Regression tests for what fuzz/run.sh cli-args found, plus the plain cases beside them.
public class CliTextTest
{
    [Theory]
    [InlineData("2024-11-03\0")] // found by AFL++: NodaTime's cursor takes U+0000 as the end of the text
    [InlineData("2024-11-3")]
    [InlineData("2023-02-29")]
    [InlineData("")]
    public void ReadDate_InvalidText_IsAUsageErrorNamingTheOption(string text)
    {
        var ex = Assert.Throws<CliUsageException>(() => CliText.ReadDate(text, "--from"));
        Assert.StartsWith("--from: ", ex.Message);
    }

    [Theory]
    [InlineData("UTC-11", "UTC-11")]
    [InlineData("UTC+00", "UTC")] // a fixed offset of zero is NodaTime's UTC
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    public void ReadZone_ZoneIdOrFixedOffset_IsRead(string id, string expected) =>
        Assert.Equal(expected, CliText.ReadZone(id, "--zone").Id);

    [Fact]
    public void ReadDate_IsoDate_IsRead() =>
        Assert.Equal(new NodaTime.LocalDate(2024, 11, 3), CliText.ReadDate("2024-11-03", "--from"));

    [Theory]
    [InlineData("America/Los_Angles")]
    [InlineData("")]
    [InlineData("UTC-11\0\u0010")] // found by AFL++: NodaTime read it as UTC-11, as it read the date above
    [InlineData("Europe/Berlin\0")]
    public void ReadZone_UnknownId_IsAUsageErrorNamingTheOption(string id)
    {
        var ex = Assert.Throws<CliUsageException>(() => CliText.ReadZone(id, "--zone"));
        Assert.StartsWith("--zone: ", ex.Message);
    }
}

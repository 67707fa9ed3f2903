using System.Globalization;
using System.Text;

namespace UpStats.Time.Cli.Tests;

/// <summary>The epoch formatter of <c>parse --to epoch</c> writes what <c>long.ToString()</c> writes, at its ten-digit edges and beyond.</summary>
public class EpochDigitsTest
{
    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(999_999_999L)]
    [InlineData(1_000_000_000L)]
    [InlineData(1_444_519_611L)]
    [InlineData(1_000_009_999L)]
    [InlineData(9_999_999_999L)]
    [InlineData(10_000_000_000L)]
    [InlineData(253_402_300_799L)] // 9999-12-31T23:59:59Z
    [InlineData(-62_135_596_800L)] // 0001-01-01T00:00:00Z
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void Write_Value_IsItsDecimalText(long value) => Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Format(value));

    [Fact]
    public void Write_SeededTenDigitValues_AreTheirDecimalText()
    {
        var random = new Random(14);
        for (int i = 0; i < 100_000; i++)
        {
            long value = random.NextInt64(900_000_000, 10_100_000_000);
            string text = Format(value);
            if (text != value.ToString(CultureInfo.InvariantCulture))
            {
                Assert.Fail($"{value} written as {text}");
            }
        }
    }

    private static string Format(long value)
    {
        var buffer = new byte[24];
        int length = EpochDigits.Write(value, buffer);
        return Encoding.ASCII.GetString(buffer, 0, length);
    }
}

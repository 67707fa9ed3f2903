using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Parsing;

namespace UpStats.Time.Tests.Parsing;

/// <summary>
/// The scanner's internal readers against each other: the fixed-offset date-time read (the general path's fast
/// start) must accept every valid date and time the stepwise read accepts, with the same fields, and reject
/// everything else; the scalar fixed-width path must reject offsets whose digits wrap around below '0'.
/// No public method can show these: when the fast read wrongly says no, the stepwise read still gives the answer.
/// </summary>
public class OffsetTimestampScannerTest
{
    [Property(MaxTest = 2000)]
    public Property TryReadDateTime_AnyText_AgreesWithTheStepwiseRead() =>
        Prop.ForAll(Arb.From(Gen.OneOf(Generators.ValidTimestamp.Select(t => t.Text), Generators.MutatedTimestamp)), text =>
        {
            var fast = default(TimestampFields);
            var stepwise = default(TimestampFields);
            bool fastOk = OffsetTimestampScanner.TryReadDateTime<char>(text, ref fast);
            bool stepwiseOk = OffsetTimestampScanner.TryReadDateTimeStepwise<char>(text, ref stepwise, out _);
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            var fast8 = default(TimestampFields);
            bool fast8Ok = OffsetTimestampScanner.TryReadDateTime<byte>(utf8, ref fast8);
            return (fastOk == stepwiseOk && fast8Ok == fastOk && (!fastOk || Same(fast, stepwise) && Same(fast8, stepwise)))
                .Label($"'{text}': fixed {fastOk}, stepwise {stepwiseOk}, UTF-8 fixed {fast8Ok}");
        });

    [Theory]
    [InlineData("9999-12-31T23:59:59", 9999, 12, 31, 23, 59, 59)]
    [InlineData("0001-01-01T00:00:00", 1, 1, 1, 0, 0, 0)]
    [InlineData("1999-09-29 19:49:39", 1999, 9, 29, 19, 49, 39)]
    [InlineData("8888-08-28t18:58:58", 8888, 8, 28, 18, 58, 58)]
    [InlineData("2000-02-29T09:09:09+01:00", 2000, 2, 29, 9, 9, 9)]
    [InlineData("2015-11-30T20:50:50Z", 2015, 11, 30, 20, 50, 50)]
    public void TryReadDateTime_ValidDateTime_ReadsEveryFieldWithoutTheStepwiseRead(string text, int year, int month, int day, int hour, int minute, int second)
    {
        var fields = default(TimestampFields);
        Assert.True(OffsetTimestampScanner.TryReadDateTime<char>(text, ref fields));
        Assert.Equal([(uint)year, (uint)month, (uint)day, (uint)hour, (uint)minute, (uint)second], new[] { fields.Year, fields.Month, fields.Day, fields.Hour, fields.Minute, fields.Second });
        var stepwise = default(TimestampFields);
        Assert.True(OffsetTimestampScanner.TryReadDateTimeStepwise<char>(text, ref stepwise, out var error));
        Assert.Equal(default, error);
        Assert.True(Same(fields, stepwise));
    }

    [Theory]
    [InlineData("2015-10-11T00:26:5")]      // too short
    [InlineData("0000-10-11T00:26:51")]
    [InlineData("2015-13-11T00:26:51")]
    [InlineData("2015-02-29T00:26:51")]
    [InlineData("2015-10-11T24:26:51")]
    [InlineData("2015-10-11T00:60:51")]
    [InlineData("2015-10-11T00:26:60")]
    [InlineData("2015-10-11X00:26:51")]
    [InlineData("2015-10-11T00:26/51")]
    public void TryReadDateTime_InvalidDateTime_IsRejected(string text)
    {
        var fields = default(TimestampFields);
        Assert.False(OffsetTimestampScanner.TryReadDateTime<char>(text, ref fields));
        Assert.False(OffsetTimestampScanner.TryReadDateTimeStepwise<char>(text, ref fields, out var error));
        Assert.NotEqual(default, error);
    }

    [Theory]
    [InlineData("2015-10-11T00:26:51+1/00")]  // '/' is '0' − 1: a digit test that only looks at one side would wrap to +09:..
    [InlineData("2015-10-11T00:26:51+1/:00")]
    [InlineData("2015-10-11T00:26:51+01/0")]
    [InlineData("2015-10-11T00:26:51+010/")]
    [InlineData("2015-10-11T00:26:51+01:/0")]
    [InlineData("2015-10-11T00:26:51+/100")]
    public void TryParseFixed_OffsetCharBelowZero_IsRejectedByBothPaths(string text)
    {
        Assert.False(OffsetTimestampScanner.TryParseFixed<char>(text, out _));
        Assert.False(OffsetTimestampScanner.TryParseFixed<byte>(Encoding.ASCII.GetBytes(text), out _));
        Assert.False(OffsetTimestamp.TryParseEpochSeconds(text, out _, out _));
        if (OffsetTimestampVectorScanner.IsSupported)
        {
            Assert.False(OffsetTimestampVectorScanner.TryParseFixed<char>(text, out _));
        }
    }

    private static bool Same(in TimestampFields a, in TimestampFields b) =>
        a.Year == b.Year && a.Month == b.Month && a.Day == b.Day && a.Hour == b.Hour && a.Minute == b.Minute && a.Second == b.Second;
}

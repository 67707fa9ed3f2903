using System.Globalization;
using System.Text;
using NodaTime.TimeZones;
using UpStats.Time.Parsing;
using R = UpStats.Time.Parsing.ParseErrorCode;

namespace UpStats.Time.Tests.Parsing;

/// <summary>
/// Examples and failure tables for <see cref="OffsetTimestamp"/>. Covered: the UpStats value, every offset form,
/// fractions and their flooring before 1970, zone resolution for values without offset, and for every rule of
/// the grammar the exact position and reason of its failure.
/// </summary>
public class OffsetTimestampTest
{
    [Fact]
    public void TryParseEpochSeconds_UpStatsJobDateCreated_Is1444519611()
    {
        Assert.True(OffsetTimestamp.TryParseEpochSeconds("2015-10-11T00:26:51+0100"u8, out long seconds, out var error));
        Assert.Equal(1444519611L, seconds);
        Assert.Equal(default, error);
        Assert.True(OffsetTimestamp.TryParseEpochSeconds("2015-10-11T00:26:51+0100", out long fromText, out _));
        Assert.Equal(1444519611L, fromText);
    }

    [Fact]
    public void Parse_UpStatsJobDateCreated_IsTheEveningBeforeInUtc()
    {
        Assert.Equal(Instant.FromUtc(2015, 10, 10, 23, 26, 51), OffsetTimestamp.ParseOrThrow("2015-10-11T00:26:51+0100"));
        Assert.Equal(Instant.FromUtc(2015, 10, 10, 23, 26, 51), OffsetTimestamp.Parse("2015-10-11T00:26:51+0100").Value);
        Assert.Equal(Instant.FromUtc(2015, 10, 10, 23, 26, 51), OffsetTimestamp.Parse("2015-10-11T00:26:51+0100".AsSpan()).Value);
        Assert.Equal(Instant.FromUtc(2015, 10, 10, 23, 26, 51), OffsetTimestamp.Parse("2015-10-11T00:26:51+0100"u8).Value);
    }

    [Theory]
    [InlineData("2015-10-11T00:26:51+0100", 1444519611L)]
    [InlineData("2015-10-11T00:26:51+01:00", 1444519611L)]
    [InlineData("2015-10-11T00:26:51+01", 1444519611L)]
    [InlineData("2015-10-10T23:26:51Z", 1444519611L)]
    [InlineData("2015-10-10t23:26:51z", 1444519611L)]
    [InlineData("2015-10-10 23:26:51Z", 1444519611L)]
    [InlineData("2015-10-10 18:26:51-05:00", 1444519611L)]
    [InlineData("2015-10-10T23:26:51.999999999Z", 1444519611L)]
    [InlineData("2015-10-10T23:26:51,5+00:00", 1444519611L)]
    [InlineData("1970-01-01T00:00:00Z", 0L)]
    [InlineData("1969-12-31T23:59:59.5Z", -1L)]
    [InlineData("1969-12-31T23:59:59Z", -1L)]
    [InlineData("0001-01-01T18:00:00+18:00", -62135596800L)]
    [InlineData("9999-12-31T23:59:59-18:00", 253402365599L)]
    [InlineData("2016-02-29T12:00:00Z", 1456747200L)]
    [InlineData("2000-02-29T00:00:00Z", 951782400L)]
    public void TryParseEpochSeconds_ValidForms_GivesFlooredSeconds(string text, long expected)
    {
        Assert.True(OffsetTimestamp.TryParseEpochSeconds(text, out long fromText, out var error), error.Message);
        Assert.True(OffsetTimestamp.TryParseEpochSeconds(Encoding.UTF8.GetBytes(text), out long fromUtf8, out _));
        Assert.Equal(expected, fromText);
        Assert.Equal(expected, fromUtf8);
    }

    [Theory]
    [InlineData("1969-12-31T23:59:59.9999Z", -1L, -1L, -1000L)]
    [InlineData("1970-01-01T00:00:00.0019999Z", 0L, 1L, 19999L)]
    [InlineData("2015-10-11T00:26:51.123456789+0100", 1444519611L, 1444519611123L, 14445196111234567L)]
    public void TryParseEpochMillisecondsAndTicks_Fractions_AreFloored(string text, long seconds, long milliseconds, long ticks)
    {
        Assert.True(OffsetTimestamp.TryParseEpochSeconds(text, out long s, out _));
        Assert.True(OffsetTimestamp.TryParseEpochMilliseconds(text, out long ms, out _));
        Assert.True(OffsetTimestamp.TryParseEpochTicks(text, out long t, out _));
        Assert.True(OffsetTimestamp.TryParseEpochMilliseconds(Encoding.UTF8.GetBytes(text), out long ms8, out _));
        Assert.True(OffsetTimestamp.TryParseEpochTicks(Encoding.UTF8.GetBytes(text), out long t8, out _));
        Assert.Equal((seconds, milliseconds, ticks), (s, ms, t));
        Assert.Equal((milliseconds, ticks), (ms8, t8));
    }

    [Fact]
    public void TryParse_NineFractionDigits_KeepsNanoseconds()
    {
        Assert.True(OffsetTimestamp.TryParse("2015-10-11T00:26:51.123456789+0100", out Instant instant, out _));
        Assert.Equal(Instant.FromUtc(2015, 10, 10, 23, 26, 51).PlusNanoseconds(123456789), instant);
    }

    [Fact]
    public void TryParse_LastDayWithNegativeOffset_IsBeyondInstantRange()
    {
        Assert.False(OffsetTimestamp.TryParse("9999-12-31T23:59:59-01:00", out Instant _, out var error));
        Assert.Equal(new ParseError(19, R.InstantOutOfRange), error);
        Assert.False(OffsetTimestamp.TryParse("9999-12-31 23:59:59.5-18"u8, out Instant _, out error));
        Assert.Equal(new ParseError(21, R.InstantOutOfRange), error);
        // Epoch seconds have no such limit.
        Assert.True(OffsetTimestamp.TryParseEpochSeconds("9999-12-31T23:59:59-01:00", out long _, out _));
    }

    // ---- failures: exact position and reason ----

    [Theory]
    [InlineData("", 0, R.Empty)]
    [InlineData("2015", 4, R.EndsEarly)]
    [InlineData("2015-10-1", 9, R.EndsEarly)]
    [InlineData("2015-10-11", 10, R.EndsEarly)]
    [InlineData("2015-10-11T00:26", 16, R.EndsEarly)]
    [InlineData("2015-10-11T00:26:5", 18, R.EndsEarly)]
    [InlineData("2015-10-11T00:26:51", 19, R.ExpectedOffset)]
    [InlineData("2015-10-11T00:26:51.", 20, R.EndsEarly)]
    [InlineData("2015-10-11T00:26:51+", 20, R.EndsEarly)]
    [InlineData("2015-10-11T00:26:51+0", 21, R.EndsEarly)]
    [InlineData("2015-10-11T00:26:51+01:", 23, R.EndsEarly)]
    [InlineData("2015-10-11T00:26:51+01:0", 24, R.EndsEarly)]
    [InlineData("2015-10-11T00:26:51+010", 23, R.EndsEarly)]
    [InlineData("x015-10-11T00:26:51+0100", 0, R.ExpectedDigit)]
    [InlineData("2015/10/11T00:26:51+0100", 4, R.ExpectedDateSeparator)]
    [InlineData("2015-1-11T00:26:51+0100", 6, R.ExpectedDigit)]
    [InlineData("2015-10-11X00:26:51+0100", 10, R.ExpectedDateTimeSeparator)]
    [InlineData("2015-10-11T00.26:51+0100", 13, R.ExpectedTimeSeparator)]
    [InlineData("2015-10-11T00:26-51+0100", 16, R.ExpectedTimeSeparator)]
    [InlineData("2015-10-11T00:26:51.x+0100", 20, R.ExpectedFractionDigit)]
    [InlineData("2015-10-11T00:26:51.1234567890Z", 29, R.FractionTooLong)]
    [InlineData("2015-10-11T00:26:51 +0100", 19, R.ExpectedOffset)]
    [InlineData("2015-10-11T00:26:51X", 19, R.ExpectedOffset)]
    [InlineData("2015-10-11T00:26:51+0100 ", 24, R.TrailingText)]
    [InlineData("2015-10-11T00:26:51Zx", 20, R.TrailingText)]
    [InlineData("2015-10-11T00:26:51+01:00:00", 25, R.TrailingText)]
    [InlineData(" 2015-10-11T00:26:51+0100", 0, R.ExpectedDigit)]
    [InlineData("2015-10-11T00:26:51+01x0", 22, R.TrailingText)]
    [InlineData("2015-10-11T00:26:51+0x:00", 21, R.ExpectedDigit)]
    [InlineData("2015-10-11T00:26:51\u221201:00", 19, R.ExpectedOffset)]
    [InlineData("2015-10-11T00:26:51+01:00\r", 25, R.TrailingText)]
    [InlineData("２015-10-11T00:26:51+0100", 0, R.ExpectedDigit)]
    public void TryParse_MalformedText_ReportsPositionAndReason(string text, int position, ParseErrorCode reason) =>
        AssertFails(text, position, reason);

    [Theory]
    [InlineData("0000-01-01T00:00:00Z", 0, R.YearOutOfRange)]
    [InlineData("2015-00-11T00:26:51+0100", 5, R.MonthOutOfRange)]
    [InlineData("2015-13-11T00:26:51+0100", 5, R.MonthOutOfRange)]
    [InlineData("2015-10-00T00:26:51+0100", 8, R.DayOutOfRange)]
    [InlineData("2015-10-32T00:26:51+0100", 8, R.DayOutOfRange)]
    [InlineData("2015-02-29T00:26:51+0100", 8, R.DayOutOfRange)]
    [InlineData("1900-02-29T00:00:00Z", 8, R.DayOutOfRange)]
    [InlineData("2100-02-29T00:00:00Z", 8, R.DayOutOfRange)]
    [InlineData("2016-02-30T00:00:00Z", 8, R.DayOutOfRange)]
    [InlineData("2015-04-31T00:00:00Z", 8, R.DayOutOfRange)]
    [InlineData("2015-06-31T00:00:00Z", 8, R.DayOutOfRange)]
    [InlineData("2015-09-31T00:00:00Z", 8, R.DayOutOfRange)]
    [InlineData("2015-11-31T00:00:00Z", 8, R.DayOutOfRange)]
    [InlineData("2015-10-11T24:00:00+0100", 11, R.HourOutOfRange)]
    [InlineData("2015-10-11T00:60:51+0100", 14, R.MinuteOutOfRange)]
    [InlineData("2015-10-11T00:26:60+0100", 17, R.SecondOutOfRange)]
    [InlineData("2015-10-11T00:26:51+1801", 19, R.OffsetOutOfRange)]
    [InlineData("2015-10-11T00:26:51-18:01", 19, R.OffsetOutOfRange)]
    [InlineData("2015-10-11T00:26:51+19", 19, R.OffsetOutOfRange)]
    [InlineData("2015-10-11T00:26:51+99:00", 19, R.OffsetOutOfRange)]
    [InlineData("2015-10-11T00:26:51+0160", 22, R.OffsetMinuteOutOfRange)]
    [InlineData("2015-10-11T00:26:51+01:60", 23, R.OffsetMinuteOutOfRange)]
    [InlineData("2015-13-32T24:60:60+1960", 5, R.MonthOutOfRange)]
    public void TryParse_OutOfRangeField_ReportsTheFieldStart(string text, int position, ParseErrorCode reason) =>
        AssertFails(text, position, reason);

    [Theory]
    [InlineData("2015-10-11T00:26:51+18:00", 1444458411L)]
    [InlineData("2015-10-11T00:26:51-18:00", 1444588011L)]
    public void TryParse_OffsetOfExactlyEighteenHours_IsAccepted(string text, long expected)
    {
        Assert.True(OffsetTimestamp.TryParseEpochSeconds(text, out long seconds, out _));
        Assert.Equal(expected, seconds);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionWithTheMarkedText()
    {
        var ex = Assert.Throws<FormatException>(() => OffsetTimestamp.ParseOrThrow("2015-13-11T00:26:51+0100"));
        Assert.Equal("Month must be between 01 and 12 at position 5: '2015-^13-11T00:26:51+0100'", ex.Message);
        var utf8 = OffsetTimestamp.Parse("2015-13-11T00:26:51+0100"u8);
        Assert.Equal((ParseErrorCode.MonthOutOfRange, ex.Message), (utf8.Error.Code, utf8.ErrorMessage));
        Assert.Equal(ex.Message, Assert.Throws<FormatException>(() => utf8.Value).Message);
        Assert.Equal(ex.Message, OffsetTimestamp.Parse("2015-13-11T00:26:51+0100").ErrorMessage);
        Assert.False(OffsetTimestamp.TryParse("2015-13-11T00:26:51+0100", out Instant _, out var error));
        Assert.Equal(ex.Message, error.ToMessage("2015-13-11T00:26:51+0100"));
    }

    [Fact]
    public void ParseError_Message_NamesReasonAndPosition()
    {
        Assert.False(OffsetTimestamp.TryParseEpochSeconds("2015-10-11T00:26:51", out _, out var error));
        Assert.Equal("Expected an offset: Z, ±hh:mm, ±hhmm or ±hh at position 19", error.Message);
        Assert.Equal("Expected an offset: Z, ±hh:mm, ±hhmm or ±hh at position 19: '2015-10-11T00:26:51^'", error.ToMessage("2015-10-11T00:26:51"u8));
    }

    [Fact]
    public void TryParse_LastRepresentableInstantWithFraction_IsInstantMaxValue()
    {
        // The general path (a fraction) at exactly Instant.MaxValue's second: inside the range, not beyond it.
        Assert.True(OffsetTimestamp.TryParse("9999-12-31T23:59:59.999999999Z", out Instant max, out var error), error.Message);
        Assert.Equal(Instant.MaxValue, max);
        Assert.True(OffsetTimestamp.TryParse("9999-12-31T23:59:59Z", out Instant lastSecond, out _));
        Assert.Equal(Instant.MaxValue.ToUnixTimeSeconds(), lastSecond.ToUnixTimeSeconds());
        Assert.True(OffsetTimestamp.TryParse("9999-12-31 23:59:59,5+00:00", LosAngeles, Resolvers.StrictResolver, out Instant inZone, out _));
        Assert.Equal(Instant.MaxValue.ToUnixTimeSeconds(), inZone.ToUnixTimeSeconds());
    }

    [Fact]
    public void Parse_NullArguments_ThrowArgumentNullExceptionNamingThem()
    {
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => OffsetTimestamp.Parse((string)null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => OffsetTimestamp.ParseOrThrow((string)null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => OffsetTimestamp.Parse(null!, LosAngeles, Resolvers.StrictResolver)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => OffsetTimestamp.ParseOrThrow(null!, LosAngeles, Resolvers.StrictResolver)).ParamName);
        // A value with an offset never needs the zone or the resolver; they are checked all the same.
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => OffsetTimestamp.Parse("2015-10-11T00:26:51+0100", null!, Resolvers.StrictResolver)).ParamName);
        Assert.Equal("resolver", Assert.Throws<ArgumentNullException>(() => OffsetTimestamp.ParseOrThrow("2015-10-11T00:26:51+0100", LosAngeles, null!)).ParamName);
        Assert.Equal("resolver", Assert.Throws<ArgumentNullException>(() => OffsetTimestamp.TryParse("2015-10-11T00:26:51+0100"u8, LosAngeles, null!, out _, out _)).ParamName);
    }

    // ---- values without offset, in a zone ----

    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    [Fact]
    public void TryParseInZone_LocalValue_IsReadInTheZone()
    {
        Assert.True(OffsetTimestamp.TryParse("2015-10-11T00:26:51", LosAngeles, Resolvers.StrictResolver, out Instant instant, out _));
        Assert.Equal(Instant.FromUtc(2015, 10, 11, 7, 26, 51), instant);
        Assert.True(OffsetTimestamp.TryParse("2015-10-11T00:26:51.25"u8, LosAngeles, Resolvers.StrictResolver, out Instant fromUtf8, out _));
        Assert.Equal(instant.PlusNanoseconds(250_000_000), fromUtf8);
    }

    [Fact]
    public void TryParseInZone_ValueWithOffset_IgnoresTheZone()
    {
        Assert.True(OffsetTimestamp.TryParse("2015-10-11T00:26:51+0100", LosAngeles, Resolvers.StrictResolver, out Instant instant, out _));
        Assert.Equal(Instant.FromUnixTimeSeconds(1444519611), instant);
    }

    [Fact]
    public void TryParseInZone_FallBackHour_TheResolverDecides()
    {
        const string repeated = "2024-11-03 01:30:00";
        Assert.True(OffsetTimestamp.TryParse(repeated, LosAngeles, Resolvers.LenientResolver, out Instant earlier, out _));
        Assert.Equal(Instant.FromUtc(2024, 11, 3, 8, 30), earlier);
        var later = Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ThrowWhenSkipped);
        Assert.True(OffsetTimestamp.TryParse(repeated, LosAngeles, later, out Instant second, out _));
        Assert.Equal(Instant.FromUtc(2024, 11, 3, 9, 30), second);
        Assert.False(OffsetTimestamp.TryParse(repeated, LosAngeles, Resolvers.StrictResolver, out Instant _, out var error));
        Assert.Equal(new ParseError(11, R.AmbiguousLocalTime), error);
    }

    [Fact]
    public void TryParseInZone_SpringForwardGap_TheResolverDecides()
    {
        const string skipped = "2024-03-10T02:30:00";
        Assert.True(OffsetTimestamp.TryParse(skipped, LosAngeles, Resolvers.LenientResolver, out Instant shifted, out _));
        Assert.Equal(Instant.FromUtc(2024, 3, 10, 10, 30), shifted); // 03:30 PDT
        Assert.False(OffsetTimestamp.TryParse(skipped, LosAngeles, Resolvers.StrictResolver, out Instant _, out var error));
        Assert.Equal(new ParseError(11, R.SkippedLocalTime), error);
    }

    [Fact]
    public void TryParseInZone_InvalidLocalValue_ReportsTheField()
    {
        Assert.False(OffsetTimestamp.TryParse("2015-02-29T00:00:00", LosAngeles, Resolvers.LenientResolver, out Instant _, out var error));
        Assert.Equal(new ParseError(8, R.DayOutOfRange), error);
        Assert.False(OffsetTimestamp.TryParse("2015-02-28T00:00:00x", LosAngeles, Resolvers.LenientResolver, out Instant _, out error));
        Assert.Equal(new ParseError(19, R.ExpectedOffset), error);
    }

    internal static void AssertFails(string text, int position, ParseErrorCode reason)
    {
        var expected = new ParseError(position, reason);
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        Assert.False(OffsetTimestamp.TryParseEpochSeconds(text, out long value, out var error));
        Assert.Equal(0L, value);
        Assert.Equal(expected, error);
        Assert.False(OffsetTimestamp.TryParse(text, out Instant _, out error));
        Assert.Equal(expected, error);
        Assert.False(OffsetTimestamp.TryParseEpochMilliseconds(text, out value, out error));
        Assert.Equal(0L, value);
        Assert.Equal(expected, error);
        Assert.False(OffsetTimestamp.TryParseEpochTicks(text, out value, out error));
        Assert.Equal(0L, value);
        Assert.Equal(expected, error);
        if (utf8.Length == text.Length) // positions count bytes; compare only where they count the same
        {
            Assert.False(OffsetTimestamp.TryParseEpochSeconds(utf8, out _, out error));
            Assert.Equal(expected, error);
        }
        var ex = Assert.Throws<FormatException>(() => OffsetTimestamp.ParseOrThrow(text));
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"{expected.Reason} at position {position}: '"), ex.Message);
    }
}

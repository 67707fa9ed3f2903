using UpStats.Time.Parsing;
using UpStats.Time.Scheduling;
using R = UpStats.Time.Parsing.ParseErrorCode;

namespace UpStats.Time.Tests.Parsing;

/// <summary>The value semantics of <see cref="ParseError"/> and <see cref="ParseResult{T}"/>: equality, defaults and texts.</summary>
public class ParseErrorTest
{
    [Fact]
    public void Reason_Default_IsEmptyText()
    {
        Assert.Equal("", default(ParseError).Reason);
        Assert.Equal(" at position 0", default(ParseError).Message);
    }

    [Theory]
    [InlineData("2015-13-11T00:26:51+0100", R.MonthOutOfRange, ParseErrorReasons.MonthOutOfRange)]
    [InlineData("", R.Empty, ParseErrorReasons.Empty)]
    [InlineData("2015-10-11T00:26:51", R.ExpectedOffset, ParseErrorReasons.ExpectedOffset)]
    [InlineData("2015-10-11T00:26:51+19", R.OffsetOutOfRange, ParseErrorReasons.OffsetOutOfRange)]
    [InlineData("9999-12-31T23:59:59-01:00", R.InstantOutOfRange, ParseErrorReasons.InstantOutOfRange)]
    [InlineData("0001-01-01T00:00:00+18:00", R.InstantOutOfRange, ParseErrorReasons.InstantBeforeFirst)]
    public void Code_OfATimestampError_NamesTheReason(string text, ParseErrorCode code, string reason)
    {
        Assert.False(OffsetTimestamp.TryParse(text, out NodaTime.Instant _, out var error));
        Assert.Equal(code, error.Code);
        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData("5 HOURS", R.IntervalDoesNotDivideDay)]
    [InlineData("36 hours", R.IntervalNotWholeDays)]
    [InlineData("0m", R.IntervalTooShort)]
    [InlineData("5 parsecs", R.ExpectedUnit)]
    [InlineData("five minutes", R.ExpectedNumber)]
    [InlineData("5m later", R.TrailingText)]
    [InlineData("  ", R.Empty)]
    [InlineData("1000001d", R.ValueTooLarge)]
    public void Code_OfARunIntervalError_NamesTheRule(string text, ParseErrorCode code) =>
        Assert.Equal(code, RunInterval.Parse(text).Error.Code);

    [Fact]
    public void Codes_AreStableNumbersWithATextForEveryTimestampReason()
    {
        // The numbers are part of the contract: appending is allowed, renumbering is not.
        Assert.Equal(0, (int)R.None);
        Assert.Equal(12, (int)R.MonthOutOfRange);
        Assert.Equal(19, (int)R.InstantOutOfRange);
        var values = Enum.GetValues<ParseErrorCode>();
        Assert.Equal(values.Length, values.Select(v => (int)v).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, values.Length), values.Select(v => (int)v).Order());
        foreach (var field in typeof(ParseErrorReasons).GetFields())
        {
            var code = Enum.Parse<ParseErrorCode>(field.Name);
            Assert.Equal((string)field.GetValue(null)!, new ParseError(0, code).Reason);
        }
    }

    [Fact]
    public void Equals_PositionAndReason_BothCount()
    {
        var error = new ParseError(5, R.MonthOutOfRange);
        Assert.True(error == new ParseError(5, R.MonthOutOfRange));
        Assert.False(error != new ParseError(5, R.MonthOutOfRange));
        Assert.Equal(error.GetHashCode(), new ParseError(5, R.MonthOutOfRange).GetHashCode());
        Assert.False(error == new ParseError(5, R.DayOutOfRange));
        Assert.True(error != new ParseError(5, R.DayOutOfRange));
        Assert.False(error == new ParseError(8, R.MonthOutOfRange));
        Assert.True(error != new ParseError(8, R.MonthOutOfRange));
        Assert.False(error.Equals((object)"Month must be between 01 and 12 at position 5"));
        Assert.True(error.Equals((object)new ParseError(5, R.MonthOutOfRange)));
        Assert.Equal(error.Message, error.ToString());
    }

    [Fact]
    public void ToMessage_PositionBeyondTheText_MarksTheEnd()
    {
        var error = new ParseError(30, R.EndsEarly);
        Assert.Equal($"{ParseErrorReasons.EndsEarly} at position 30: '2015^'", error.ToMessage("2015"));
        Assert.Equal($"{ParseErrorReasons.EndsEarly} at position 30: '2015^'", error.ToMessage("2015"u8));
    }

    [Fact]
    public void ParseResult_Success_HasValueNoMessageAndPrintsTheValue()
    {
        var result = RunInterval.Parse("15 minutes");
        Assert.True(result.Success);
        Assert.Null(result.ErrorMessage);
        Assert.Equal(default, result.Error);
        Assert.True(result.TryGetValue(out var value));
        Assert.Equal(RunInterval.Parse("15 minutes").Value, value);
        Assert.Equal(value.ToString(), result.ToString());
        Assert.NotEqual("", result.ToString());
    }

    [Fact]
    public void ParseResult_Failure_PrintsTheMessageAndThrowsItOnValue()
    {
        var result = RunInterval.Parse("15 parsecs");
        Assert.False(result.Success);
        Assert.NotNull(result.ErrorMessage);
        Assert.EndsWith(" at position 3: '15 ^parsecs'", result.ErrorMessage);
        Assert.Equal(result.ErrorMessage, result.ToString());
        Assert.False(result.TryGetValue(out var value));
        Assert.Equal(default, value);
        Assert.Equal(result.ErrorMessage, Assert.Throws<FormatException>(() => result.Value).Message);
    }

    [Fact]
    public void ParseResult_Default_IsAFailureThatSaysNothingWasParsed()
    {
        var none = default(ParseResult<RunInterval>);

        Assert.False(none.Success);
        Assert.False(none.TryGetValue(out _));
        Assert.Equal((0, R.None), (none.Error.Position, none.Error.Code));
        Assert.Contains("default(ParseResult<T>)", none.Error.Reason, StringComparison.Ordinal);
        Assert.Equal(none.Error.Reason, none.ErrorMessage);
        Assert.Equal(none.ErrorMessage, none.ToString());
        // Misuse, not bad text: InvalidOperationException, as Nullable<T>.Value without a value.
        Assert.Equal(none.ErrorMessage, Assert.Throws<InvalidOperationException>(() => none.Value).Message);
        Assert.Throws<InvalidOperationException>(() => none.GetValueOrThrow());
        // default(RunInterval) is one minute: the parsed one minute is a success, the default result is not.
        var oneMinute = RunInterval.Parse("1m");
        Assert.Equal(default, oneMinute.Value);
        Assert.NotEqual(oneMinute, none);
        Assert.True(none == default(ParseResult<RunInterval>));
        Assert.False(default(ParseResult<NodaTime.Instant>).Success);
        Assert.False(default(ParseResult<UpStats.Time.Paths.PathPattern>).TryGetValue(out var pattern));
        Assert.Null(pattern);
    }

    [Fact]
    public void ParseResult_Equality_ComparesValueErrorAndInput()
    {
        var fifteen = RunInterval.Parse("15 minutes");
        Assert.True(fifteen == RunInterval.Parse("15 minutes"));
        Assert.False(fifteen != RunInterval.Parse("15 minutes"));
        Assert.Equal(fifteen.GetHashCode(), RunInterval.Parse("15 minutes").GetHashCode());
        Assert.True(fifteen != RunInterval.Parse("30 minutes"));
        Assert.False(fifteen.Equals((object)"15 minutes"));
        Assert.True(fifteen.Equals((object)RunInterval.Parse("15 minutes")));

        // Same (default) value, same position and reason, different input: not the same result.
        var bad = RunInterval.Parse("x");
        var otherBad = RunInterval.Parse("y");
        Assert.Equal(bad.Error, otherBad.Error);
        Assert.False(bad == otherBad);
        Assert.True(bad != otherBad);
        Assert.True(bad == RunInterval.Parse("x"));
        Assert.False(bad == fifteen);
    }
}

using UpStats.Time.Parsing;
using UpStats.Time.Scheduling;
using R = UpStats.Time.Parsing.ParseErrorReasons;

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
        Assert.Equal($"{R.EndsEarly} at position 30: '2015^'", error.ToMessage("2015"));
        Assert.Equal($"{R.EndsEarly} at position 30: '2015^'", error.ToMessage("2015"u8));
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
        Assert.StartsWith("'15 parsecs' at position ", result.ErrorMessage);
        Assert.Equal(result.ErrorMessage, result.ToString());
        Assert.False(result.TryGetValue(out var value));
        Assert.Equal(default, value);
        Assert.Equal(result.ErrorMessage, Assert.Throws<FormatException>(() => result.Value).Message);
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

namespace UpStats.Time.Parsing;

/// <summary>
/// Every reason a timestamp can be rejected for, in plain words: the one place the texts live, so that the
/// parser, the command-line tool and the tests all use the same constants (compare <see cref="ParseError.Reason"/>
/// with these, never with copied text).
/// </summary>
internal static class ParseErrorReasons
{
    /// <summary>The value has no characters at all (position 0).</summary>
    public const string Empty = "The value is empty";

    /// <summary>The value stops before the timestamp is complete (the position is the value's length).</summary>
    public const string EndsEarly = "The value ends before the timestamp is complete";

    /// <summary>A digit of the year, month, day, hour, minute, second or offset was expected.</summary>
    public const string ExpectedDigit = "Expected a digit";

    /// <summary>The '-' between year, month and day is missing.</summary>
    public const string ExpectedDateSeparator = "Expected '-' between year, month and day";

    /// <summary>The separator between the date and the time is not 'T', 't' or a space.</summary>
    public const string ExpectedDateTimeSeparator = "Expected 'T', 't' or a space between the date and the time";

    /// <summary>The ':' between hours, minutes and seconds is missing.</summary>
    public const string ExpectedTimeSeparator = "Expected ':' between hours, minutes and seconds";

    /// <summary>A '.' or ',' is not followed by a digit.</summary>
    public const string ExpectedFractionDigit = "Expected a digit after the decimal separator";

    /// <summary>The fraction of a second has a tenth digit (the position is that digit's).</summary>
    public const string FractionTooLong = "The fraction of a second has more than 9 digits";

    /// <summary>Where the offset belongs there is neither 'Z'/'z' nor a sign (or, without a zone, nothing at all).</summary>
    public const string ExpectedOffset = "Expected an offset: Z, ±hh:mm, ±hhmm or ±hh";

    /// <summary>Something follows the complete timestamp.</summary>
    public const string TrailingText = "Unexpected text after the offset";

    /// <summary>The year is 0000 (the position is the year's first digit).</summary>
    public const string YearOutOfRange = "Year must be between 0001 and 9999";

    /// <summary>The month is 00 or above 12.</summary>
    public const string MonthOutOfRange = "Month must be between 01 and 12";

    /// <summary>The day is 00 or beyond the month's last day (Feb 29 exists only in leap years).</summary>
    public const string DayOutOfRange = "Day must be between 01 and the last day of the month";

    /// <summary>The hour is above 23 (24:00 is not accepted).</summary>
    public const string HourOutOfRange = "Hour must be between 00 and 23";

    /// <summary>The minute is above 59.</summary>
    public const string MinuteOutOfRange = "Minute must be between 00 and 59";

    /// <summary>The second is above 59 (leap seconds are not accepted).</summary>
    public const string SecondOutOfRange = "Second must be between 00 and 59";

    /// <summary>The offset is beyond ±18:00 (the position is the offset's sign).</summary>
    public const string OffsetOutOfRange = "Offset must be between -18:00 and +18:00";

    /// <summary>The offset's minutes are above 59.</summary>
    public const string OffsetMinuteOutOfRange = "Offset minutes must be between 00 and 59";

    /// <summary>
    /// The UTC instant falls after NodaTime's <c>Instant.MaxValue</c> (only 9999-12-31 with a negative offset can, and
    /// only the <c>Instant</c> methods reject it). Its code, <see cref="ParseErrorCode.InstantOutOfRange"/>, also marks
    /// an instant before 0001-01-01T00:00:00Z, whose reason says so.
    /// </summary>
    public const string InstantOutOfRange = "The UTC instant is after 9999-12-31T23:59:59.999999999Z";

    // The other end of InstantOutOfRange: 0001-01-01 with a positive offset (or a zone ahead of UTC) is in year 0.
    internal const string InstantBeforeFirst = "The UTC instant is before 0001-01-01T00:00:00Z";

    /// <summary>A value without offset names a local time that the zone skips, and the resolver refused it.</summary>
    public const string SkippedLocalTime = "The local time does not exist in the zone (it falls in a clock change gap)";

    /// <summary>A value without offset names a local time that the zone reads twice, and the resolver refused it.</summary>
    public const string AmbiguousLocalTime = "The local time is ambiguous in the zone (it falls in a clock change overlap)";

    /// <summary>The plain-words text of a timestamp error code; other codes carry their own text in the error.</summary>
    internal static string Of(ParseErrorCode code) => code switch
    {
        ParseErrorCode.Empty => Empty,
        ParseErrorCode.EndsEarly => EndsEarly,
        ParseErrorCode.ExpectedDigit => ExpectedDigit,
        ParseErrorCode.ExpectedDateSeparator => ExpectedDateSeparator,
        ParseErrorCode.ExpectedDateTimeSeparator => ExpectedDateTimeSeparator,
        ParseErrorCode.ExpectedTimeSeparator => ExpectedTimeSeparator,
        ParseErrorCode.ExpectedFractionDigit => ExpectedFractionDigit,
        ParseErrorCode.FractionTooLong => FractionTooLong,
        ParseErrorCode.ExpectedOffset => ExpectedOffset,
        ParseErrorCode.TrailingText => TrailingText,
        ParseErrorCode.YearOutOfRange => YearOutOfRange,
        ParseErrorCode.MonthOutOfRange => MonthOutOfRange,
        ParseErrorCode.DayOutOfRange => DayOutOfRange,
        ParseErrorCode.HourOutOfRange => HourOutOfRange,
        ParseErrorCode.MinuteOutOfRange => MinuteOutOfRange,
        ParseErrorCode.SecondOutOfRange => SecondOutOfRange,
        ParseErrorCode.OffsetOutOfRange => OffsetOutOfRange,
        ParseErrorCode.OffsetMinuteOutOfRange => OffsetMinuteOutOfRange,
        ParseErrorCode.InstantOutOfRange => InstantOutOfRange,
        ParseErrorCode.SkippedLocalTime => SkippedLocalTime,
        ParseErrorCode.AmbiguousLocalTime => AmbiguousLocalTime,
        _ => "",
    };
}

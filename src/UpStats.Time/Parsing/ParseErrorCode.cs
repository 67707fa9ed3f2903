namespace UpStats.Time.Parsing;

/// <summary>
/// Why a text was rejected, as a stable machine-readable code: the English <see cref="ParseError.Reason"/> may be
/// reworded, the code and its number never change (the command-line tool prints its name as <c>"code"</c> in JSON).
/// </summary>
/// <remarks>
/// One enum for every text the library parses (timestamps, run intervals, lookbacks, path patterns), as one
/// <see cref="ParseError"/> type serves them all. Numbers are explicit so that a value stored or sent elsewhere keeps
/// its meaning; new codes are only ever appended.
/// </remarks>
public enum ParseErrorCode
{
    /// <summary>No error: the value of <c>default(ParseError)</c>.</summary>
    None = 0,

    /// <summary>The text has no characters at all (position 0), or only white space where a value is required.</summary>
    Empty = 1,

    /// <summary>The text stops before the value is complete (the position is the text's length).</summary>
    EndsEarly = 2,

    /// <summary>A digit was expected (in a timestamp: of the year, month, day, hour, minute, second or offset).</summary>
    ExpectedDigit = 3,

    /// <summary>The '-' between year, month and day is missing.</summary>
    ExpectedDateSeparator = 4,

    /// <summary>The separator between the date and the time is not 'T', 't' or a space.</summary>
    ExpectedDateTimeSeparator = 5,

    /// <summary>The ':' between hours, minutes and seconds is missing.</summary>
    ExpectedTimeSeparator = 6,

    /// <summary>A '.' or ',' is not followed by a digit.</summary>
    ExpectedFractionDigit = 7,

    /// <summary>The fraction of a second has a tenth digit.</summary>
    FractionTooLong = 8,

    /// <summary>Where the offset belongs there is neither 'Z'/'z' nor a sign (or, without a zone, nothing at all).</summary>
    ExpectedOffset = 9,

    /// <summary>Something follows the complete value.</summary>
    TrailingText = 10,

    /// <summary>The year is 0000.</summary>
    YearOutOfRange = 11,

    /// <summary>The month is 00 or above 12.</summary>
    MonthOutOfRange = 12,

    /// <summary>The day is 00 or beyond the month's last day.</summary>
    DayOutOfRange = 13,

    /// <summary>The hour is above 23.</summary>
    HourOutOfRange = 14,

    /// <summary>The minute is above 59.</summary>
    MinuteOutOfRange = 15,

    /// <summary>The second is above 59 (leap seconds are not accepted).</summary>
    SecondOutOfRange = 16,

    /// <summary>The offset is beyond ±18:00.</summary>
    OffsetOutOfRange = 17,

    /// <summary>The offset's minutes are above 59.</summary>
    OffsetMinuteOutOfRange = 18,

    /// <summary>The UTC instant falls outside the supported range.</summary>
    InstantOutOfRange = 19,

    /// <summary>A local time without offset falls in a clock-change gap of the zone, and the resolver refused it.</summary>
    SkippedLocalTime = 20,

    /// <summary>A local time without offset falls in a clock-change overlap of the zone, and the resolver refused it.</summary>
    AmbiguousLocalTime = 21,

    /// <summary>A whole number was expected (run intervals, lookbacks).</summary>
    ExpectedNumber = 22,

    /// <summary>A number has too many digits to be read.</summary>
    NumberTooLarge = 23,

    /// <summary>A unit (MINUTES, HOURS, DAYS or m, h, d; for lookbacks also s and ms) was expected.</summary>
    ExpectedUnit = 24,

    /// <summary>A run interval is shorter than one minute.</summary>
    IntervalTooShort = 25,

    /// <summary>A run interval below a day does not divide 24 hours evenly.</summary>
    IntervalDoesNotDivideDay = 26,

    /// <summary>A run interval of a day or more is not a whole number of days.</summary>
    IntervalNotWholeDays = 27,

    /// <summary>A run interval or lookback is above the largest supported value.</summary>
    ValueTooLarge = 28,

    /// <summary>
    /// A path pattern contains a character it may not (a control character or an unpaired surrogate), or UTF-8 input
    /// of a run interval, lookback or path pattern is not valid UTF-8 (the position is the first bad byte's).
    /// </summary>
    InvalidCharacter = 29,

    /// <summary>A path pattern names a field it does not know.</summary>
    UnknownPatternField = 30,

    /// <summary>A path pattern opens a field or quoted text and does not close it, or closes one it did not open.</summary>
    UnbalancedPattern = 31,

    /// <summary>A path does not start with the prefix its layout names.</summary>
    ExpectedPrefix = 32,

    /// <summary>A path differs from its pattern's literal text.</summary>
    ExpectedLiteral = 33,

    /// <summary>A field that a path pattern holds twice has two different values in the path.</summary>
    FieldsDisagree = 34,

    /// <summary>A path pattern has no year, or a field without the one above it (<c>dd</c> without <c>MM</c>).</summary>
    MissingPatternField = 35,
}

namespace UpStats.Time.Paths;

/// <summary>
/// Why a path did not match a <see cref="PathPattern"/>: the <see cref="Parsing.ParseError.Reason"/> texts of
/// <see cref="PathPattern.TryReadLocal(ReadOnlySpan{char}, out NodaTime.LocalDateTime, out int, out Parsing.ParseError)"/>
/// and <see cref="PathLayout"/>, as constants so that callers and tests can compare them. A field out of range (month
/// 13, 02-29 of a common year, hour 24) has the timestamp parser's own reason, from <c>Parsing.ParseErrorReasons</c>.
/// </summary>
internal static class PathErrorReasons
{
    /// <summary>The path does not start with the layout's prefix.</summary>
    public const string MissingPrefix = "The path does not start with the prefix";

    /// <summary>A character of the path differs from the pattern's literal text.</summary>
    public const string LiteralMismatch = "The path differs from the pattern's literal text here";

    /// <summary>The path ends before the pattern does.</summary>
    public const string EndsEarly = "The path ends before the pattern does";

    /// <summary>A <c>yyyy</c> field is not four ASCII digits.</summary>
    public const string ExpectedYearDigits = "Expected 4 ASCII digits for the year (yyyy)";

    /// <summary>An <c>MM</c> field is not two ASCII digits.</summary>
    public const string ExpectedMonthDigits = "Expected 2 ASCII digits for the month (MM)";

    /// <summary>A <c>dd</c> field is not two ASCII digits.</summary>
    public const string ExpectedDayDigits = "Expected 2 ASCII digits for the day (dd)";

    /// <summary>An <c>HH</c> field is not two ASCII digits.</summary>
    public const string ExpectedHourDigits = "Expected 2 ASCII digits for the hour (HH)";

    /// <summary>An <c>mm</c> field is not two ASCII digits.</summary>
    public const string ExpectedMinuteDigits = "Expected 2 ASCII digits for the minute (mm)";


    /// <summary>A field the pattern holds twice has two different values in the path.</summary>
    public const string FieldsDisagree = "This field differs from the same field earlier in the path";

    internal static string ExpectedDigits(PathField field) => field switch
    {
        PathField.Year => ExpectedYearDigits,
        PathField.Month => ExpectedMonthDigits,
        PathField.Day => ExpectedDayDigits,
        PathField.Hour => ExpectedHourDigits,
        _ => ExpectedMinuteDigits,
    };
}

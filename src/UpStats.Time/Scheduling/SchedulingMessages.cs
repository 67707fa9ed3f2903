namespace UpStats.Time.Scheduling;

/// <summary>
/// The reasons a run interval or lookback fails to parse, shared by the parsers and the tests that assert on
/// them (NodaTime keeps its texts in one place for the same reason). Reasons that carry the input's numbers
/// are composed from these fragments, so a test can look for the rule by its words.
/// </summary>
internal static class SchedulingMessages
{
    internal const string EmptyInterval = "a run interval is required, for example '5 MINUTES' or '5m'";
    internal const string EmptyLookback = "a lookback is required, for example '30d', '1h', '15m', '10s', '500ms' or '1d12h'";
    internal const string ExpectedNumber = "expected a whole number";
    internal const string NumberTooLarge = "the number is too large";
    internal const string ExpectedIntervalUnit = "expected a unit: MINUTE(S), HOUR(S), DAY(S), or m, h, d";
    internal const string ExpectedLookbackUnit = "expected a unit: d, h, m, s or ms";
    internal const string UnexpectedText = "unexpected text after the interval";
    internal const string AtLeastOneMinute = "a run interval must be at least 1 minute";
    internal const string DoesNotDivideDay = "does not divide 24 hours (1,440 minutes) evenly";
    internal const string DivideDayRule = "an interval below a day must divide 1,440 minutes, e.g. 1, 5, 15 or 30 minutes, or 1, 2, 3, 4, 6, 8 or 12 hours";
    internal const string NeitherBelowADayNorWholeDays = "is neither below a day nor whole days";
    internal const string WholeDaysRule = "an interval of a day or more must be a whole number of days";
    internal const string IntervalTooLarge = "a run interval must be at most 1,000,000 days";
    internal const string LookbackTooLarge = "a lookback must be at most 100,000 days";
}

using System.Globalization;
using NodaTime;
using UpStats.Time.Parsing;
using UpStats.Time.Grid;

namespace UpStats.Time.Scheduling;

/// <summary>
/// Upsolver's <c>RUN_INTERVAL</c>: the length of one task on the local clock. Below a day it divides 24 hours
/// (so every day starts on a task boundary: 1, 5, 15 minutes, 1, 2, 6, 12 hours, …); from a day up it is a
/// whole number of days. The default value is Upsolver's default, one minute.
/// </summary>
/// <remarks>
/// <para>
/// Text forms: <c>1 MINUTE</c>, <c>5 MINUTES</c>, <c>2 HOURS</c>, <c>7 DAYS</c> (case-insensitive, singular or
/// plural, spaces between number and unit) and the compact <c>5m</c>, <c>2h</c>, <c>7d</c>. <c>5 HOURS</c> fails
/// (300 minutes do not divide 1,440), <c>36 HOURS</c> fails (neither below a day nor whole days),
/// <c>24 HOURS</c> is <c>1 DAY</c>.
/// </para>
/// <para>
/// An interval is a step on a <see cref="LocalClockGrid"/>: a sub-day interval has labels every N minutes from
/// local midnight, an N-day interval has labels every N days from the local midnight of an anchor date
/// (Upsolver's <c>START_FROM</c> date). See <see cref="GridFor"/>.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// RunInterval five = RunInterval.ParseOrThrow("5 MINUTES");        // five.TotalMinutes == 5
/// bool valid = RunInterval.Parse("5 HOURS").Success;               // false: 300 minutes do not divide 24 hours
/// bool parsed = RunInterval.TryParse("7d", out RunInterval week, out _);  // true; week.ToString() is "7 DAYS"
/// LocalClockGrid grid = five.GridFor(DateTimeZone.Utc, new LocalDate(2022, 8, 4));
/// Instant next = grid.NextBoundary(Instant.FromUtc(2022, 8, 4, 11, 3));  // 2022-08-04T11:05:00Z
/// </code>
/// </example>
public readonly struct RunInterval : IEquatable<RunInterval>
{
    private const int MinutesPerDay = 1440;
    private const int MaxDays = 1_000_000;

    // Stored as minutes − 1 so that default(RunInterval) is Upsolver's default of one minute.
    private readonly int _minutesMinusOne;

    private RunInterval(int minutes) => _minutesMinusOne = minutes - 1;

    /// <summary>One minute: Upsolver's default, one task per one-minute block.</summary>
    public static RunInterval OneMinute => default;

    /// <summary>The interval in minutes (a divisor of 1,440, or a multiple of it).</summary>
    public int TotalMinutes => _minutesMinusOne + 1;

    /// <summary>Whether the interval is a day or more (and then a whole number of days).</summary>
    public bool IsWholeDays => TotalMinutes >= MinutesPerDay;

    /// <summary>The number of whole days for an interval of a day or more; 0 below a day.</summary>
    public int Days => TotalMinutes / MinutesPerDay;

    /// <summary>The interval on the local clock as a period (minutes, or days).</summary>
    public Period Period => IsWholeDays ? Period.FromDays(Days) : Period.FromMinutes(TotalMinutes);

    /// <summary>
    /// The nominal length (<see cref="TotalMinutes"/> minutes). A task is this long except where the zone's
    /// offset changes inside it: a daily task over a spring-forward night is 23 hours.
    /// </summary>
    public Duration NominalDuration => Duration.FromMinutes(TotalMinutes);

    /// <summary>An interval of <paramref name="minutes"/> minutes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value breaks a rule (the message names it).</exception>
    public static RunInterval FromMinutes(int minutes)
    {
        string? rule = Check(minutes, $"{minutes.ToString(CultureInfo.InvariantCulture)} minutes");
        return rule is null ? new RunInterval(minutes) : throw new ArgumentOutOfRangeException(nameof(minutes), minutes, rule);
    }

    /// <summary>An interval of <paramref name="hours"/> hours (1, 2, 3, 4, 6, 8, 12, or a multiple of 24).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value breaks a rule (the message names it).</exception>
    public static RunInterval FromHours(int hours)
    {
        long minutes = hours * 60L;
        string? rule = Check(minutes, $"{hours.ToString(CultureInfo.InvariantCulture)} hours");
        return rule is null ? new RunInterval((int)minutes) : throw new ArgumentOutOfRangeException(nameof(hours), hours, rule);
    }

    /// <summary>An interval of <paramref name="days"/> whole days.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is below 1 or above 1,000,000.</exception>
    public static RunInterval FromDays(int days)
    {
        long minutes = days * (long)MinutesPerDay;
        string? rule = Check(minutes, $"{days.ToString(CultureInfo.InvariantCulture)} days");
        return rule is null ? new RunInterval((int)minutes) : throw new ArgumentOutOfRangeException(nameof(days), days, rule);
    }

    /// <summary>
    /// The grid whose boundaries are this interval's task boundaries in <paramref name="zone"/>: every N minutes
    /// from local midnight below a day, every N days from the local midnight of <paramref name="anchor"/> otherwise
    /// (the anchor is ignored below a day).
    /// </summary>
    /// <param name="zone">The zone of the local clock (UTC in Upsolver).</param>
    /// <param name="anchor">For day intervals, the date whose local midnight is a boundary: <c>START_FROM</c>'s local date.</param>
    public LocalClockGrid GridFor(DateTimeZone zone, LocalDate anchor) =>
        IsWholeDays ? LocalClockGrid.EveryDays(zone, Days, anchor) : LocalClockGrid.EveryMinutes(zone, TotalMinutes);

    /// <summary>Parses <c>5 MINUTES</c>, <c>2 hours</c>, <c>7 DAYS</c>, <c>5m</c>, <c>2h</c>, <c>7d</c>; leading and trailing white space is ignored.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The interval, or where and why the text failed (no exception).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ParseResult<RunInterval> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseCore(text, out var value, out var error) ? ParseResult<RunInterval>.ForValue(value) : ParseResult<RunInterval>.ForError(error, text);
    }

    /// <summary>Parses a run interval from characters; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The characters.</param>
    /// <returns>The interval, or where and why the text failed (no exception).</returns>
    public static ParseResult<RunInterval> Parse(ReadOnlySpan<char> text) =>
        TryParseCore(text, out var value, out var error) ? ParseResult<RunInterval>.ForValue(value) : ParseResult<RunInterval>.ForError(error, text.ToString());

    /// <summary>Parses a run interval from UTF-8 bytes; see <see cref="Parse(string)"/>. Error positions count bytes.</summary>
    /// <param name="utf8">The UTF-8 text (invalid UTF-8 fails with <see cref="ParseErrorCode.InvalidCharacter"/>).</param>
    /// <returns>The interval, or where and why the text failed (no exception).</returns>
    public static ParseResult<RunInterval> Parse(ReadOnlySpan<byte> utf8) => Utf8Text.Parse<RunInterval>(utf8, TryParseCore);

    /// <summary>Parses a run interval, throwing on failure.</summary>
    /// <param name="text">The text; see <see cref="Parse(string)"/>.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a valid run interval (the message says where and why).</exception>
    public static RunInterval ParseOrThrow(string text) => Parse(text).GetValueOrThrow();

    /// <summary>Parses a run interval without allocating when it is valid; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The characters.</param>
    /// <param name="value">The interval, or <c>default</c> on failure.</param>
    /// <param name="error">Where and why the text failed, or <c>default</c> on success.</param>
    /// <returns>Whether <paramref name="text"/> is a valid run interval.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out RunInterval value, out ParseError error) => TryParseCore(text, out value, out error);

    /// <summary>Parses a run interval from UTF-8 bytes; see <see cref="Parse(string)"/>. Error positions count bytes.</summary>
    /// <param name="utf8">The UTF-8 text (invalid UTF-8 fails with <see cref="ParseErrorCode.InvalidCharacter"/>).</param>
    /// <param name="value">The interval, or <c>default</c> on failure.</param>
    /// <param name="error">Where and why the text failed, or <c>default</c> on success.</param>
    /// <returns>Whether <paramref name="utf8"/> is a valid run interval.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out RunInterval value, out ParseError error) => Utf8Text.TryParse(utf8, TryParseCore, out value, out error);

    private static bool TryParseCore(ReadOnlySpan<char> text, out RunInterval value, out ParseError error)
    {
        int i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        int end = text.Length;
        while (end > i && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        if (i == end)
        {
            return Fail(text.Length, ParseErrorCode.Empty, SchedulingMessages.EmptyInterval, out value, out error);
        }
        int numberStart = i;
        long number = 0;
        while (i < end && (uint)(text[i] - '0') <= 9)
        {
            number = number * 10 + (text[i] - '0');
            if (number > MaxDays * (long)MinutesPerDay)
            {
                return Fail(numberStart, ParseErrorCode.NumberTooLarge, SchedulingMessages.NumberTooLarge, out value, out error);
            }
            i++;
        }
        if (i == numberStart)
        {
            return Fail(i, ParseErrorCode.ExpectedNumber, SchedulingMessages.ExpectedNumber, out value, out error);
        }
        int numberEnd = i;
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        int unitStart = i;
        while (i < end && char.IsAsciiLetter(text[i]))
        {
            i++;
        }
        var unit = text[unitStart..i];
        if (unit.IsEmpty)
        {
            return Fail(unitStart, ParseErrorCode.ExpectedUnit, SchedulingMessages.ExpectedIntervalUnit, out value, out error);
        }
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        if (i < end)
        {
            return Fail(i, ParseErrorCode.TrailingText, SchedulingMessages.UnexpectedText, out value, out error);
        }
        long perUnit;
        bool compact = unit.Length == 1;
        if (Is(unit, "m") || Is(unit, "minute") || Is(unit, "minutes"))
        {
            perUnit = 1;
        }
        else if (Is(unit, "h") || Is(unit, "hour") || Is(unit, "hours"))
        {
            perUnit = 60;
        }
        else if (Is(unit, "d") || Is(unit, "day") || Is(unit, "days"))
        {
            perUnit = MinutesPerDay;
        }
        else
        {
            return Fail(unitStart, ParseErrorCode.ExpectedUnit, SchedulingMessages.ExpectedIntervalUnit, out value, out error);
        }
        long minutes = number * perUnit;
        // A valid interval builds no text (Check only formats a broken rule), so a successful TryParse allocates nothing.
        if (Check(minutes, "", out _) is null)
        {
            value = new RunInterval((int)minutes);
            error = default;
            return true;
        }
        // Name the value the way the user wrote it: "5 HOURS does not divide 24 hours".
        string written = compact
            ? text[numberStart..end].ToString()
            : string.Concat(text[numberStart..numberEnd], " ", unit);
        string rule = Check(minutes, written, out var code)!;
        return Fail(numberStart, code, rule, out value, out error);
    }

    private static bool Is(ReadOnlySpan<char> unit, string word) => unit.Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>The rule <paramref name="minutes"/> breaks, in words, or null when it is a valid interval.</summary>
    private static string? Check(long minutes, string written) => Check(minutes, written, out _);

    private static string? Check(long minutes, string written, out ParseErrorCode code)
    {
        if (minutes < 1)
        {
            code = ParseErrorCode.IntervalTooShort;
            return SchedulingMessages.AtLeastOneMinute;
        }
        if (minutes > MaxDays * (long)MinutesPerDay)
        {
            code = ParseErrorCode.ValueTooLarge;
            return SchedulingMessages.IntervalTooLarge;
        }
        if (minutes < MinutesPerDay)
        {
            code = ParseErrorCode.IntervalDoesNotDivideDay;
            return MinutesPerDay % minutes == 0
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"{written} ({minutes} minutes) {SchedulingMessages.DoesNotDivideDay}: {SchedulingMessages.DivideDayRule}");
        }
        code = ParseErrorCode.IntervalNotWholeDays;
        return minutes % MinutesPerDay == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{written} ({minutes} minutes) {SchedulingMessages.NeitherBelowADayNorWholeDays}: {SchedulingMessages.WholeDaysRule}");
    }

    private static bool Fail(int position, ParseErrorCode code, string reason, out RunInterval value, out ParseError error)
    {
        value = default;
        error = new ParseError(position, code, reason);
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(RunInterval other) => _minutesMinusOne == other._minutesMinusOne;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RunInterval other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _minutesMinusOne;

    /// <summary>The canonical text in the largest whole unit: <c>1 MINUTE</c>, <c>5 MINUTES</c>, <c>2 HOURS</c>, <c>7 DAYS</c>.</summary>
    public override string ToString()
    {
        int m = TotalMinutes;
        var (n, unit) = m % MinutesPerDay == 0 ? (m / MinutesPerDay, "DAY") : m % 60 == 0 ? (m / 60, "HOUR") : (m, "MINUTE");
        return string.Create(CultureInfo.InvariantCulture, $"{n} {unit}{(n == 1 ? "" : "S")}");
    }

    /// <summary>Whether two intervals are equal.</summary>
    public static bool operator ==(RunInterval left, RunInterval right) => left.Equals(right);

    /// <summary>Whether two intervals differ.</summary>
    public static bool operator !=(RunInterval left, RunInterval right) => !left.Equals(right);
}

using System.Globalization;
using System.Text;
using NodaTime;
using UpStats.Time.Parsing;

namespace UpStats.Time.Scheduling;

/// <summary>
/// How far before its start a task's window reaches: Upsolver's <c>PARSE_DURATION('30d')</c> in
/// <c>run_start_time() - PARSE_DURATION('30d')</c>. A task <c>[start, end)</c> reads <c>[start − lookback, end)</c>.
/// </summary>
/// <remarks>
/// Text forms: a sum of terms <c>&lt;digits&gt;&lt;unit&gt;</c> with units <c>d</c>, <c>h</c>, <c>m</c>, <c>s</c>,
/// <c>ms</c> (case-insensitive): <c>30d</c>, <c>1h</c>, <c>15m</c>, <c>10s</c>, <c>500ms</c>, <c>1d12h</c>,
/// <c>1h 30m</c>; the unit may also be a word, after a space, as a run interval writes it (<c>60 DAYS</c>,
/// <c>1 hour 30 minutes</c>, <c>10 seconds</c>, <c>500 milliseconds</c>), and a lone <c>0</c> is no lookback. A lookback is an exact elapsed time (a day is 24 hours), as in SQL timestamp arithmetic:
/// 30d before a task that starts after a spring-forward night reaches 30 × 24 hours back, not to the same
/// local time. It is zero or positive and at most 100,000 days; its resolution is one tick (100 ns).
/// </remarks>
/// <example>
/// <code>
/// LookbackDuration lookback = LookbackDuration.ParseOrThrow("1d12h");
/// Duration reach = lookback.Duration;                              // 36 hours
/// string text = lookback.ToString();                               // "1d12h"
/// bool parsed = LookbackDuration.TryParse("30 days", out _, out _);  // true: a run interval's words are units too
/// string days = LookbackDuration.FromDuration(Duration.FromDays(30)).ToString();  // "30d"
/// </code>
/// </example>
public readonly struct LookbackDuration : IEquatable<LookbackDuration>, IComparable<LookbackDuration>
{
    private const long MaxTicks = 100_000 * TimeSpan.TicksPerDay;

    private readonly long _ticks;

    private LookbackDuration(long ticks) => _ticks = ticks;

    /// <summary>No lookback: a task reads exactly its own interval.</summary>
    public static LookbackDuration None => default;

    /// <summary>The lookback as a NodaTime duration.</summary>
    public Duration Duration => Duration.FromTicks(_ticks);

    internal long Ticks => _ticks;

    /// <summary>A lookback of <paramref name="duration"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative, above 100,000 days, or not a whole number of ticks.</exception>
    public static LookbackDuration FromDuration(Duration duration)
    {
        if (duration < Duration.Zero || duration > Duration.FromTicks(MaxTicks))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lookback must be between zero and 100,000 days.");
        }
        long ticks = duration.BclCompatibleTicks;
        if (Duration.FromTicks(ticks) != duration)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A lookback must be a whole number of ticks (100 ns).");
        }
        return new LookbackDuration(ticks);
    }

    /// <summary>Parses <c>30d</c>, <c>1h</c>, <c>15m</c>, <c>10s</c>, <c>500ms</c> and sums like <c>1d12h</c>.</summary>
    /// <param name="text">The text; leading and trailing white space is ignored, spaces between terms allowed.</param>
    /// <returns>The lookback, or where and why the text failed (no exception).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ParseResult<LookbackDuration> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseCore(text, out var value, out var error) ? ParseResult<LookbackDuration>.ForValue(value) : ParseResult<LookbackDuration>.ForError(error, text);
    }

    /// <summary>Parses a lookback from characters; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The characters.</param>
    /// <returns>The lookback, or where and why the text failed (no exception).</returns>
    public static ParseResult<LookbackDuration> Parse(ReadOnlySpan<char> text) =>
        TryParseCore(text, out var value, out var error) ? ParseResult<LookbackDuration>.ForValue(value) : ParseResult<LookbackDuration>.ForError(error, text.ToString());

    /// <summary>Parses a lookback from UTF-8 bytes; see <see cref="Parse(string)"/>. Error positions count bytes.</summary>
    /// <param name="utf8">The UTF-8 text (invalid UTF-8 fails with <see cref="ParseErrorCode.InvalidCharacter"/>).</param>
    /// <returns>The lookback, or where and why the text failed (no exception).</returns>
    public static ParseResult<LookbackDuration> Parse(ReadOnlySpan<byte> utf8) => Utf8Text.Parse<LookbackDuration>(utf8, TryParseCore);

    /// <summary>Parses a lookback, throwing on failure.</summary>
    /// <param name="text">The text; see <see cref="Parse(string)"/>.</param>
    /// <returns>The lookback.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a valid lookback (the message says where and why).</exception>
    public static LookbackDuration ParseOrThrow(string text) => Parse(text).GetValueOrThrow();

    /// <summary>Parses a lookback without allocating; see <see cref="Parse(string)"/>.</summary>
    /// <param name="text">The characters.</param>
    /// <param name="value">The lookback, or <c>default</c> on failure.</param>
    /// <param name="error">Where and why the text failed, or <c>default</c> on success.</param>
    /// <returns>Whether <paramref name="text"/> is a valid lookback.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out LookbackDuration value, out ParseError error) => TryParseCore(text, out value, out error);

    /// <summary>Parses a lookback from UTF-8 bytes; see <see cref="Parse(string)"/>. Error positions count bytes.</summary>
    /// <param name="utf8">The UTF-8 text (invalid UTF-8 fails with <see cref="ParseErrorCode.InvalidCharacter"/>).</param>
    /// <param name="value">The lookback, or <c>default</c> on failure.</param>
    /// <param name="error">Where and why the text failed, or <c>default</c> on success.</param>
    /// <returns>Whether <paramref name="utf8"/> is a valid lookback.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out LookbackDuration value, out ParseError error) => Utf8Text.TryParse(utf8, TryParseCore, out value, out error);

    private static bool TryParseCore(ReadOnlySpan<char> text, out LookbackDuration value, out ParseError error)
    {
        int i = 0;
        int end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        if (i == end)
        {
            return Fail(text.Length, ParseErrorCode.Empty, SchedulingMessages.EmptyLookback, out value, out error);
        }
        long total = 0;
        while (i < end)
        {
            int numberStart = i;
            long number = 0;
            while (i < end && (uint)(text[i] - '0') <= 9)
            {
                number = number * 10 + (text[i] - '0');
                if (number > MaxTicks)
                {
                    return Fail(numberStart, ParseErrorCode.NumberTooLarge, SchedulingMessages.NumberTooLarge, out value, out error);
                }
                i++;
            }
            if (i == numberStart)
            {
                return Fail(i, ParseErrorCode.ExpectedNumber, SchedulingMessages.ExpectedNumber, out value, out error);
            }
            // A unit may follow after spaces and be a word, so that a lookback reads like a run interval
            // ("60 DAYS" as well as "60d"); a lone 0 needs no unit (no lookback at all).
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
            if (unitStart == i && number == 0 && numberStart == FirstNonSpace(text) && i == end)
            {
                value = None;
                error = default;
                return true;
            }
            if (unitStart == i)
            {
                unitStart = numberEnd;
            }
            long perUnit = UnitTicks(text[unitStart..i]);
            if (perUnit == 0)
            {
                return Fail(unitStart, ParseErrorCode.ExpectedUnit, SchedulingMessages.ExpectedLookbackUnit, out value, out error);
            }
            // number ≤ MaxTicks and perUnit ≤ a day: compare by division so nothing overflows.
            if (number > (MaxTicks - total) / perUnit)
            {
                return Fail(numberStart, ParseErrorCode.ValueTooLarge, SchedulingMessages.LookbackTooLarge, out value, out error);
            }
            total += number * perUnit;
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
        }
        value = new LookbackDuration(total);
        error = default;
        return true;
    }

    private static int FirstNonSpace(ReadOnlySpan<char> text)
    {
        int i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        return i;
    }

    // Compact units (PARSE_DURATION's d, h, m, s, ms) and the words a run interval uses, singular or plural.
    private static long UnitTicks(ReadOnlySpan<char> unit) =>
        Is(unit, "d", "day", "days") ? TimeSpan.TicksPerDay
        : Is(unit, "h", "hour", "hours") ? TimeSpan.TicksPerHour
        : Is(unit, "m", "minute", "minutes") ? TimeSpan.TicksPerMinute
        : Is(unit, "s", "second", "seconds") ? TimeSpan.TicksPerSecond
        : Is(unit, "ms", "millisecond", "milliseconds") ? TimeSpan.TicksPerMillisecond
        : 0;

    private static bool Is(ReadOnlySpan<char> unit, string compact, string singular, string plural) =>
        unit.Equals(compact, StringComparison.OrdinalIgnoreCase) || unit.Equals(singular, StringComparison.OrdinalIgnoreCase)
        || unit.Equals(plural, StringComparison.OrdinalIgnoreCase);

    private static bool Fail(int position, ParseErrorCode code, string reason, out LookbackDuration value, out ParseError error)
    {
        value = default;
        error = new ParseError(position, code, reason);
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(LookbackDuration other) => _ticks == other._ticks;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LookbackDuration other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _ticks.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(LookbackDuration other) => _ticks.CompareTo(other._ticks);

    /// <summary>The compact text, largest unit first: <c>30d</c>, <c>1d12h</c>, <c>1h30m</c>, <c>500ms</c>, <c>0s</c>.</summary>
    public override string ToString()
    {
        if (_ticks == 0)
        {
            return "0s";
        }
        var sb = new StringBuilder();
        long rest = _ticks;
        Append(ref rest, TimeSpan.TicksPerDay, "d");
        Append(ref rest, TimeSpan.TicksPerHour, "h");
        Append(ref rest, TimeSpan.TicksPerMinute, "m");
        Append(ref rest, TimeSpan.TicksPerSecond, "s");
        Append(ref rest, TimeSpan.TicksPerMillisecond, "ms");
        if (rest != 0)
        {
            // Below a millisecond there is no unit in the grammar: show the exact duration instead.
            return Duration.ToString();
        }
        return sb.ToString();

        void Append(ref long remaining, long unit, string name)
        {
            if (remaining >= unit)
            {
                sb.Append((remaining / unit).ToString(CultureInfo.InvariantCulture)).Append(name);
                remaining %= unit;
            }
        }
    }

    /// <summary>Whether two lookbacks are equal.</summary>
    public static bool operator ==(LookbackDuration left, LookbackDuration right) => left.Equals(right);

    /// <summary>Whether two lookbacks differ.</summary>
    public static bool operator !=(LookbackDuration left, LookbackDuration right) => !left.Equals(right);

    /// <summary>Whether <paramref name="left"/> is shorter.</summary>
    public static bool operator <(LookbackDuration left, LookbackDuration right) => left._ticks < right._ticks;

    /// <summary>Whether <paramref name="left"/> is longer.</summary>
    public static bool operator >(LookbackDuration left, LookbackDuration right) => left._ticks > right._ticks;

    /// <summary>Whether <paramref name="left"/> is not longer.</summary>
    public static bool operator <=(LookbackDuration left, LookbackDuration right) => left._ticks <= right._ticks;

    /// <summary>Whether <paramref name="left"/> is not shorter.</summary>
    public static bool operator >=(LookbackDuration left, LookbackDuration right) => left._ticks >= right._ticks;
}

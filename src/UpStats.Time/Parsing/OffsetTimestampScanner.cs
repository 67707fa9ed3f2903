using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace UpStats.Time.Parsing;

/// <summary>
/// The offset-timestamp grammar (see <see cref="OffsetTimestamp"/>), once for UTF-8 (<c>byte</c>) and UTF-16 (<c>char</c>): the methods are
/// generic over the code unit, and the JIT compiles a separate, fully specialised copy for each.
/// </summary>
/// <remarks>
/// Two paths, as <c>Utf8Parser</c> does: <see cref="TryParseFixed{TChar}"/> checks the common fixed shapes
/// with fields at fixed offsets and says only yes or no; anything it does not accept goes to
/// <see cref="TryParseGeneral{TChar}"/>, which walks the full grammar and produces the precise error.
/// </remarks>
internal static class OffsetTimestampScanner
{
    // Nanoseconds per unit of a fraction with (index) digits: 1 digit = tenths = 100,000,000 ns.
    // A static array rather than a `ReadOnlySpan<int> => [...]` property: built without optimisation (Debug), that
    // property allocated a new array on every call, and the parser must allocate nothing in every configuration.
    private static readonly int[] FractionScale = [1, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint At<TChar>(ref TChar start, int index) where TChar : unmanaged, IBinaryInteger<TChar> =>
        uint.CreateTruncating(Unsafe.Add(ref start, index));

    // A digit's value, or a number above 9 for anything else (the subtraction wraps below '0').
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Digit<TChar>(ref TChar start, int index) where TChar : unmanaged, IBinaryInteger<TChar> =>
        At(ref start, index) - '0';

    /// <summary>
    /// The fastest fixed-width path: SSSE3 where the CPU has it (for UTF-8 measured 1.5–2.3× faster than the
    /// scalar reader, see <c>benchmarks/results</c>), the scalar reader otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseFixedBest<TChar>(ReadOnlySpan<TChar> s, out long epochSeconds)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        return OffsetTimestampVectorScanner.IsSupported
            ? OffsetTimestampVectorScanner.TryParseFixed(s, out epochSeconds)
            : TryParseFixed(s, out epochSeconds);
    }

    /// <summary>
    /// The scalar fixed-width fast path: accepts exactly the shapes below (with 'T', 't' or ' ' at 10 and 'Z' or 'z'
    /// at 19) and returns UTC epoch seconds; returns false for everything else, valid or not (an instant before
    /// 0001-01-01T00:00:00Z included), without saying why.
    /// <code>
    ///           1         2
    /// 0123456789012345678901234
    /// YYYY-MM-DDThh:mm:ssZ          length 20
    /// YYYY-MM-DDThh:mm:ss+hhmm      length 24
    /// YYYY-MM-DDThh:mm:ss+hh:mm     length 25
    /// </code>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseFixed<TChar>(ReadOnlySpan<TChar> s, out long epochSeconds)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        epochSeconds = 0;
        int length = s.Length;
        if (length != 24 && length != 25 && length != 20)
        {
            return false;
        }
        ref TChar r = ref MemoryMarshal.GetReference(s);
        if (!TryReadDateTimeAt(ref r, out uint year, out uint month, out uint day, out uint hour, out uint minute, out uint second))
        {
            return false;
        }
        int offsetSeconds = 0;
        if (length == 20)
        {
            if ((At(ref r, 19) | 0x20) != 'z')
            {
                return false;
            }
        }
        else
        {
            uint oh0 = Digit(ref r, 20), oh1 = Digit(ref r, 21);
            int m = length - 2; // minutes at 22 (±hhmm) or 23 (±hh:mm, with ':' at 22)
            uint om0 = Digit(ref r, m), om1 = Digit(ref r, m + 1);
            if ((oh0 > 9) | (oh1 > 9) | (om0 > 9) | (om1 > 9) | ((length == 25) & (At(ref r, 22) != ':'))
                || !TryOffsetSeconds(At(ref r, 19), oh0 * 10 + oh1, om0 * 10 + om1, out offsetSeconds))
            {
                return false;
            }
        }
        return TryEpochSeconds(year, month, day, hour, minute, second, offsetSeconds, out epochSeconds);
    }

    /// <summary>
    /// <c>YYYY-MM-DDThh:mm:ss</c> at positions 0–18 ('T', 't' or a space at 10), every rule at once: the one
    /// date-time check of the scalar fixed-width path and of the general parser's first try. The caller guarantees
    /// 19 code units from <paramref name="r"/>. False, without a reason, when anything is off.
    /// </summary>
    /// <remarks>
    /// Every digit is one unsigned compare and the compares are combined with non-short-circuit <c>|</c>, so the
    /// accepted case runs without data-dependent branches until the calendar check.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryReadDateTimeAt<TChar>(ref TChar r, out uint year, out uint month, out uint day, out uint hour, out uint minute, out uint second)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        uint y0 = Digit(ref r, 0), y1 = Digit(ref r, 1), y2 = Digit(ref r, 2), y3 = Digit(ref r, 3);
        uint mo0 = Digit(ref r, 5), mo1 = Digit(ref r, 6), d0 = Digit(ref r, 8), d1 = Digit(ref r, 9);
        uint h0 = Digit(ref r, 11), h1 = Digit(ref r, 12), mi0 = Digit(ref r, 14), mi1 = Digit(ref r, 15);
        uint s0 = Digit(ref r, 17), s1 = Digit(ref r, 18);
        uint t = At(ref r, 10);
        year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
        month = mo0 * 10 + mo1;
        day = d0 * 10 + d1;
        hour = h0 * 10 + h1;
        minute = mi0 * 10 + mi1;
        second = s0 * 10 + s1;
        return !((y0 > 9) | (y1 > 9) | (y2 > 9) | (y3 > 9) | (mo0 > 9) | (mo1 > 9) | (d0 > 9) | (d1 > 9)
                | (h0 > 9) | (h1 > 9) | (mi0 > 9) | (mi1 > 9) | (s0 > 9) | (s1 > 9)
                | (At(ref r, 4) != '-') | (At(ref r, 7) != '-') | (At(ref r, 13) != ':') | (At(ref r, 16) != ':')
                | (((t | 0x20) != 't') & (t != ' ')))
            && InRange(year, month, day, hour, minute, second);
    }

    /// <summary>The range rules of the date and time fields (year 0001–9999 given four digits, real days per month).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool InRange(uint year, uint month, uint day, uint hour, uint minute, uint second) =>
        !((year == 0) | (month - 1 > 11) | (hour > 23) | (minute > 59) | (second > 59))
        && day - 1 < CivilCalendar.DaysInMonth(year, month);

    /// <summary>
    /// The offset of a fixed-width value in seconds east of UTC: false when its minutes are above 59, it lies beyond
    /// ±18:00, or <paramref name="sign"/> is neither '+' nor '-'.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryOffsetSeconds(uint sign, uint hours, uint minutes, out int offsetSeconds)
    {
        uint total = hours * 60 + minutes;
        offsetSeconds = (int)total * 60;
        if ((minutes > 59) | (total > 18 * 60))
        {
            return false;
        }
        if (sign == '-')
        {
            offsetSeconds = -offsetSeconds;
        }
        else if (sign != '+')
        {
            return false;
        }
        return true;
    }

    /// <summary>
    /// The UTC epoch seconds of checked fields, or false (0) when the instant falls before 0001-01-01T00:00:00Z: only
    /// 0001-01-01 with a positive offset can, and the general parser then says why.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryEpochSeconds(uint year, uint month, uint day, uint hour, uint minute, uint second, int offsetSeconds, out long epochSeconds)
    {
        epochSeconds = CivilCalendar.DaysFromCivil(year, month, day) * CivilCalendar.SecondsPerDay
            + (hour * 3600 + minute * 60 + second) - offsetSeconds;
        // The year first: it is known long before the sum, so the common answer does not wait for the compare.
        if (year == 1 && epochSeconds < CivilCalendar.MinEpochSeconds)
        {
            epochSeconds = 0;
            return false;
        }
        return true;
    }

    /// <summary>
    /// The full grammar, left to right: the first rule broken gives the error. With
    /// <paramref name="offsetRequired"/> false a value may end after the seconds or the fraction
    /// (<see cref="TimestampFields.HasOffset"/> is then false).
    /// </summary>
    internal static bool TryParseGeneral<TChar>(ReadOnlySpan<TChar> s, bool offsetRequired, out TimestampFields fields, out ParseError error)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        fields = default;
        // Most values that reach this path are valid ones with a fraction or a short offset: read their
        // date and time at fixed offsets first, and walk rule by rule only when that fails (to find the error).
        if (!TryReadDateTime(s, ref fields) && !TryReadDateTimeStepwise(s, ref fields, out error))
        {
            return false;
        }
        int i = 19;

        if (i < s.Length && (uint.CreateTruncating(s[i]) is '.' or ','))
        {
            i++;
            int first = i;
            uint fraction = 0;
            while (i < s.Length && uint.CreateTruncating(s[i]) - '0' is var d && d <= 9)
            {
                if (i - first == 9) { return Fail(i, ParseErrorCode.FractionTooLong, out error); }
                fraction = fraction * 10 + d;
                i++;
            }
            if (i == first)
            {
                return Fail(i, i == s.Length ? ParseErrorCode.EndsEarly : ParseErrorCode.ExpectedFractionDigit, out error);
            }
            fields.Nanosecond = (int)fraction * FractionScale[i - first];
        }

        if (i == s.Length)
        {
            if (offsetRequired) { return Fail(i, ParseErrorCode.ExpectedOffset, out error); }
            error = default;
            return true;
        }
        uint c = uint.CreateTruncating(s[i]);
        int signAt = -1;
        if ((c | 0x20) == 'z')
        {
            i++;
        }
        else if (c is '+' or '-')
        {
            signAt = i++;
            if (!Number(s, ref i, 2, out uint offsetHours, out error)) { return false; }
            uint offsetMinutes = 0;
            int minutesAt = i;
            if (i < s.Length && uint.CreateTruncating(s[i]) == ':')
            {
                minutesAt = ++i;
                if (!Number(s, ref i, 2, out offsetMinutes, out error)) { return false; }
            }
            else if (i < s.Length && uint.CreateTruncating(s[i]) - '0' <= 9)
            {
                if (!Number(s, ref i, 2, out offsetMinutes, out error)) { return false; }
            }
            if (offsetHours > 18) { return Fail(signAt, ParseErrorCode.OffsetOutOfRange, out error); }
            if (offsetMinutes > 59) { return Fail(minutesAt, ParseErrorCode.OffsetMinuteOutOfRange, out error); }
            if (offsetHours == 18 && offsetMinutes > 0) { return Fail(signAt, ParseErrorCode.OffsetOutOfRange, out error); }
            int seconds = (int)(offsetHours * 3600 + offsetMinutes * 60);
            fields.OffsetSeconds = c == '-' ? -seconds : seconds;
        }
        else
        {
            return Fail(i, ParseErrorCode.ExpectedOffset, out error);
        }
        fields.HasOffset = true;
        if (i != s.Length) { return Fail(i, ParseErrorCode.TrailingText, out error); }
        // Only 0001-01-01 with a positive offset reaches back before the first instant; as at the other end of the
        // range, the offset is the field that puts it there. (Its minutes are whole, so the fraction cannot matter.)
        if (fields.Year == 1 && fields.EpochSeconds < CivilCalendar.MinEpochSeconds)
        {
            error = new ParseError(signAt, ParseErrorCode.InstantOutOfRange, ParseErrorReasons.InstantBeforeFirst);
            return false;
        }
        error = default;
        return true;
    }

    // "YYYY-MM-DDThh:mm:ss" at fixed offsets (TryReadDateTimeAt) into the fields. Internal so that tests can check it against the stepwise reader: a wrong "false" here costs no correctness,
    // only speed, so no test through the public API could see it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryReadDateTime<TChar>(ReadOnlySpan<TChar> s, ref TimestampFields fields)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (s.Length < 19
            || !TryReadDateTimeAt(ref MemoryMarshal.GetReference(s), out uint year, out uint month, out uint day, out uint hour, out uint minute, out uint second))
        {
            return false;
        }
        (fields.Year, fields.Month, fields.Day, fields.Hour, fields.Minute, fields.Second) = (year, month, day, hour, minute, second);
        return true;
    }

    // "YYYY-MM-DDThh:mm:ss" rule by rule, left to right: the first rule broken gives the error.
    internal static bool TryReadDateTimeStepwise<TChar>(ReadOnlySpan<TChar> s, ref TimestampFields fields, out ParseError error)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (s.IsEmpty)
        {
            error = new ParseError(0, ParseErrorCode.Empty);
            return false;
        }
        int i = 0;
        if (!Number(s, ref i, 4, out fields.Year, out error)) { return false; }
        if (fields.Year == 0) { return Fail(0, ParseErrorCode.YearOutOfRange, out error); }
        if (!Expect(s, ref i, '-', ParseErrorCode.ExpectedDateSeparator, out error)) { return false; }
        if (!Number(s, ref i, 2, out fields.Month, out error)) { return false; }
        if (fields.Month - 1 > 11) { return Fail(i - 2, ParseErrorCode.MonthOutOfRange, out error); }
        if (!Expect(s, ref i, '-', ParseErrorCode.ExpectedDateSeparator, out error)) { return false; }
        if (!Number(s, ref i, 2, out fields.Day, out error)) { return false; }
        if (fields.Day - 1 >= CivilCalendar.DaysInMonth(fields.Year, fields.Month)) { return Fail(i - 2, ParseErrorCode.DayOutOfRange, out error); }
        if (i == s.Length) { return Fail(i, ParseErrorCode.EndsEarly, out error); }
        uint t = uint.CreateTruncating(s[i]);
        if (((t | 0x20) != 't') & (t != ' ')) { return Fail(i, ParseErrorCode.ExpectedDateTimeSeparator, out error); }
        i++;
        if (!Number(s, ref i, 2, out fields.Hour, out error)) { return false; }
        if (fields.Hour > 23) { return Fail(i - 2, ParseErrorCode.HourOutOfRange, out error); }
        if (!Expect(s, ref i, ':', ParseErrorCode.ExpectedTimeSeparator, out error)) { return false; }
        if (!Number(s, ref i, 2, out fields.Minute, out error)) { return false; }
        if (fields.Minute > 59) { return Fail(i - 2, ParseErrorCode.MinuteOutOfRange, out error); }
        if (!Expect(s, ref i, ':', ParseErrorCode.ExpectedTimeSeparator, out error)) { return false; }
        if (!Number(s, ref i, 2, out fields.Second, out error)) { return false; }
        if (fields.Second > 59) { return Fail(i - 2, ParseErrorCode.SecondOutOfRange, out error); }
        error = default;
        return true;
    }

    private static bool Fail(int position, ParseErrorCode reason, out ParseError error)
    {
        error = new ParseError(position, reason);
        return false;
    }

    // Exactly `count` digits at i; on success i moves past them.
    private static bool Number<TChar>(ReadOnlySpan<TChar> s, ref int i, int count, out uint value, out ParseError error)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        value = 0;
        for (int k = 0; k < count; k++, i++)
        {
            if (i == s.Length) { return Fail(i, ParseErrorCode.EndsEarly, out error); }
            uint d = uint.CreateTruncating(s[i]) - '0';
            if (d > 9) { return Fail(i, ParseErrorCode.ExpectedDigit, out error); }
            value = value * 10 + d;
        }
        error = default;
        return true;
    }

    private static bool Expect<TChar>(ReadOnlySpan<TChar> s, ref int i, char expected, ParseErrorCode reason, out ParseError error)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (i == s.Length) { return Fail(i, ParseErrorCode.EndsEarly, out error); }
        if (uint.CreateTruncating(s[i]) != expected) { return Fail(i, reason, out error); }
        i++;
        error = default;
        return true;
    }
}

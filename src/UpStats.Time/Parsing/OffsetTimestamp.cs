using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using NodaTime;
using NodaTime.TimeZones;

namespace UpStats.Time.Parsing;

/// <summary>
/// Parses offset timestamps such as UpStats' <c>2015-10-11T00:26:51+0100</c> (= 2015-10-10T23:26:51Z, epoch
/// seconds 1444519611) from UTF-8 bytes or UTF-16 text into a NodaTime <see cref="Instant"/> or straight into
/// Unix epoch seconds, milliseconds or ticks.
/// </summary>
/// <remarks>
/// <para>
/// The grammar: <c>YYYY-MM-DD</c>, then <c>T</c>, <c>t</c> or a space, then <c>hh:mm:ss</c>, an optional
/// fraction (<c>.</c> or <c>,</c> and 1–9 digits), then the offset <c>Z</c>, <c>z</c>, <c>±hh:mm</c>,
/// <c>±hhmm</c> or <c>±hh</c> with |offset| ≤ 18:00. Years 0001–9999 with real calendar validation, hours
/// 00–23, minutes and seconds 00–59. Nothing may precede or follow the timestamp.
/// </para>
/// <para>
/// The same shape as every text type of the library: the <c>TryParse…</c> methods never throw for bad input and
/// never allocate: they return false with a <see cref="ParseError"/> that says where and why. <c>Parse</c> returns a
/// <see cref="ParseResult{T}"/> (the value or the error, no exception), and <c>ParseOrThrow</c> throws a
/// <see cref="FormatException"/> whose message is <see cref="ParseError.ToMessage(ReadOnlySpan{char})"/>.
/// Epoch seconds and milliseconds are floored (1969-12-31T23:59:59.5Z is −1 s); ticks keep 100 ns and drop
/// finer digits, also flooring.
/// </para>
/// <para>For whole columns use <see cref="OffsetTimestampColumn"/>.</para>
/// <example>
/// <code>
/// if (OffsetTimestamp.TryParseEpochSeconds("2015-10-11T00:26:51+0100"u8, out long seconds, out ParseError error))
///     Console.WriteLine(seconds);          // 1444519611
/// else
///     Console.WriteLine(error.Message);    // e.g. "Month must be between 01 and 12 at position 5"
/// Instant instant = OffsetTimestamp.ParseOrThrow("2015-10-11T00:26:51+0100");  // 2015-10-10T23:26:51Z
/// ParseResult&lt;Instant&gt; result = OffsetTimestamp.Parse("2015-13-11T00:26:51+0100");  // result.Error.Code is MonthOutOfRange
/// </code>
/// </example>
/// </remarks>
public static class OffsetTimestamp
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;

    // Instant.MaxValue is 9999-12-31T23:59:59.999999999Z; only a 9999-12-31 value with a negative offset exceeds it.
    private static readonly long MaxInstantSeconds = Instant.MaxValue.ToUnixTimeSeconds();

    private static readonly long MaxInstantTicks = Instant.MaxValue.ToUnixTimeTicks();

    // 0001-01-01T00:00:00Z: the parser rejects an instant before it on every path (only 0001-01-01 with a positive offset is).
    private static readonly Instant FirstInstant = Instant.FromUnixTimeSeconds(CivilCalendar.MinEpochSeconds);

    // ---- UTF-8 ----

    /// <summary>Parses UTF-8 text into an <see cref="Instant"/>.</summary>
    /// <param name="utf8">The timestamp, nothing before or after it.</param>
    /// <param name="value">The instant, or <c>default</c> on failure.</param>
    /// <param name="error">Where and why it failed, or <c>default</c> on success.</param>
    /// <returns>True when <paramref name="utf8"/> is a valid timestamp.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Instant value, out ParseError error) => TryParseInstant(utf8, out value, out error);

    /// <summary>Parses UTF-8 text into Unix epoch seconds, floored.</summary>
    /// <param name="utf8">The timestamp, nothing before or after it.</param>
    /// <param name="value">Seconds since 1970-01-01T00:00:00Z (floored), or 0 on failure.</param>
    /// <param name="error">Where and why it failed, or <c>default</c> on success.</param>
    /// <returns>True when <paramref name="utf8"/> is a valid timestamp.</returns>
    public static bool TryParseEpochSeconds(ReadOnlySpan<byte> utf8, out long value, out ParseError error) => TryParseSeconds(utf8, out value, out error);

    /// <summary>Parses UTF-8 text into Unix epoch milliseconds, floored.</summary>
    /// <param name="utf8">The timestamp, nothing before or after it.</param>
    /// <param name="value">Milliseconds since 1970-01-01T00:00:00Z (floored), or 0 on failure.</param>
    /// <param name="error">Where and why it failed, or <c>default</c> on success.</param>
    /// <returns>True when <paramref name="utf8"/> is a valid timestamp.</returns>
    public static bool TryParseEpochMilliseconds(ReadOnlySpan<byte> utf8, out long value, out ParseError error) => TryParseMilliseconds(utf8, out value, out error);

    /// <summary>Parses UTF-8 text into Unix epoch ticks (100 ns), floored.</summary>
    /// <param name="utf8">The timestamp, nothing before or after it.</param>
    /// <param name="value">Ticks since 1970-01-01T00:00:00Z (floored), or 0 on failure.</param>
    /// <param name="error">Where and why it failed, or <c>default</c> on success.</param>
    /// <returns>True when <paramref name="utf8"/> is a valid timestamp.</returns>
    public static bool TryParseEpochTicks(ReadOnlySpan<byte> utf8, out long value, out ParseError error) => TryParseTicks(utf8, out value, out error);

    /// <summary>
    /// Parses UTF-8 text into an <see cref="Instant"/>; a value without offset is a local time in
    /// <paramref name="zone"/>, mapped by <paramref name="resolver"/> (e.g. NodaTime's
    /// <c>Resolvers.LenientResolver</c>). A value with an offset ignores the zone.
    /// </summary>
    /// <param name="utf8">The timestamp, with or without offset.</param>
    /// <param name="zone">The zone of values without offset.</param>
    /// <param name="resolver">Decides DST gaps and overlaps; if it throws (as <c>Resolvers.StrictResolver</c> does), the
    /// failure is reported as <see cref="ParseErrorCode.SkippedLocalTime"/> or <see cref="ParseErrorCode.AmbiguousLocalTime"/> at position 11 (the hour).</param>
    /// <param name="value">The instant, or <c>default</c> on failure.</param>
    /// <param name="error">Where and why it failed, or <c>default</c> on success.</param>
    /// <returns>True when <paramref name="utf8"/> is a valid timestamp that the resolver could map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> or <paramref name="resolver"/> is null.</exception>
    public static bool TryParse(ReadOnlySpan<byte> utf8, DateTimeZone zone, ZoneLocalMappingResolver resolver, out Instant value, out ParseError error) =>
        TryParseInZone(utf8, zone, resolver, out value, out error);

    /// <summary>Parses UTF-8 text into an <see cref="Instant"/>: the value, or where and why it failed (no exception).</summary>
    /// <param name="utf8">The timestamp, nothing before or after it.</param>
    /// <returns>The instant, or the <see cref="ParseError"/> (positions count bytes); a failure copies the text for its message.</returns>
    public static ParseResult<Instant> Parse(ReadOnlySpan<byte> utf8) =>
        TryParseInstant(utf8, out var value, out var error) ? ParseResult<Instant>.ForValue(value) : ParseResult<Instant>.ForError(error, utf8);

    // ---- UTF-16 ----

    /// <summary>Parses text into an <see cref="Instant"/>.</summary>
    /// <param name="text">The timestamp, nothing before or after it.</param>
    /// <param name="value">The instant, or <c>default</c> on failure.</param>
    /// <param name="error">Where and why it failed, or <c>default</c> on success.</param>
    /// <returns>True when <paramref name="text"/> is a valid timestamp.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Instant value, out ParseError error) => TryParseInstant(text, out value, out error);

    /// <summary>Parses text into Unix epoch seconds, floored.</summary>
    /// <param name="text">The timestamp, nothing before or after it.</param>
    /// <param name="value">Seconds since 1970-01-01T00:00:00Z (floored), or 0 on failure.</param>
    /// <param name="error">Where and why it failed, or <c>default</c> on success.</param>
    /// <returns>True when <paramref name="text"/> is a valid timestamp.</returns>
    public static bool TryParseEpochSeconds(ReadOnlySpan<char> text, out long value, out ParseError error) => TryParseSeconds(text, out value, out error);

    /// <summary>Parses text into Unix epoch milliseconds, floored.</summary>
    /// <param name="text">The timestamp, nothing before or after it.</param>
    /// <param name="value">Milliseconds since 1970-01-01T00:00:00Z (floored), or 0 on failure.</param>
    /// <param name="error">Where and why it failed, or <c>default</c> on success.</param>
    /// <returns>True when <paramref name="text"/> is a valid timestamp.</returns>
    public static bool TryParseEpochMilliseconds(ReadOnlySpan<char> text, out long value, out ParseError error) => TryParseMilliseconds(text, out value, out error);

    /// <summary>Parses text into Unix epoch ticks (100 ns), floored.</summary>
    /// <param name="text">The timestamp, nothing before or after it.</param>
    /// <param name="value">Ticks since 1970-01-01T00:00:00Z (floored), or 0 on failure.</param>
    /// <param name="error">Where and why it failed, or <c>default</c> on success.</param>
    /// <returns>True when <paramref name="text"/> is a valid timestamp.</returns>
    public static bool TryParseEpochTicks(ReadOnlySpan<char> text, out long value, out ParseError error) => TryParseTicks(text, out value, out error);

    /// <summary>
    /// Parses text into an <see cref="Instant"/>; a value without offset is a local time in
    /// <paramref name="zone"/>, mapped by <paramref name="resolver"/>. A value with an offset ignores the zone.
    /// </summary>
    /// <param name="text">The timestamp, with or without offset.</param>
    /// <param name="zone">The zone of values without offset.</param>
    /// <param name="resolver">Decides DST gaps and overlaps; if it throws (as <c>Resolvers.StrictResolver</c> does), the
    /// failure is reported as <see cref="ParseErrorCode.SkippedLocalTime"/> or <see cref="ParseErrorCode.AmbiguousLocalTime"/> at position 11 (the hour).</param>
    /// <param name="value">The instant, or <c>default</c> on failure.</param>
    /// <param name="error">Where and why it failed, or <c>default</c> on success.</param>
    /// <returns>True when <paramref name="text"/> is a valid timestamp that the resolver could map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> or <paramref name="resolver"/> is null.</exception>
    public static bool TryParse(ReadOnlySpan<char> text, DateTimeZone zone, ZoneLocalMappingResolver resolver, out Instant value, out ParseError error) =>
        TryParseInZone(text, zone, resolver, out value, out error);

    /// <summary>Parses text into an <see cref="Instant"/>: the value, or where and why it failed (no exception).</summary>
    /// <param name="text">The timestamp, nothing before or after it.</param>
    /// <returns>The instant, or the <see cref="ParseError"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static ParseResult<Instant> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseInstant(text.AsSpan(), out var value, out var error) ? ParseResult<Instant>.ForValue(value) : ParseResult<Instant>.ForError(error, text);
    }

    /// <summary>Parses characters into an <see cref="Instant"/>: the value, or where and why it failed (no exception).</summary>
    /// <param name="text">The timestamp, nothing before or after it.</param>
    /// <returns>The instant, or the <see cref="ParseError"/>; a failure copies the text for its message.</returns>
    public static ParseResult<Instant> Parse(ReadOnlySpan<char> text) =>
        TryParseInstant(text, out var value, out var error) ? ParseResult<Instant>.ForValue(value) : ParseResult<Instant>.ForError(error, text.ToString());

    /// <summary>
    /// Parses text into an <see cref="Instant"/>, reading a value without offset as a local time in
    /// <paramref name="zone"/> mapped by <paramref name="resolver"/>: the value, or where and why it failed (no exception).
    /// </summary>
    /// <param name="text">The timestamp, with or without offset.</param>
    /// <param name="zone">The zone of values without offset.</param>
    /// <param name="resolver">Decides DST gaps and overlaps (e.g. <c>Resolvers.LenientResolver</c>); if it throws, the
    /// failure is <see cref="ParseErrorCode.SkippedLocalTime"/> or <see cref="ParseErrorCode.AmbiguousLocalTime"/>.</param>
    /// <returns>The instant, or the <see cref="ParseError"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ParseResult<Instant> Parse(string text, DateTimeZone zone, ZoneLocalMappingResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseInZone(text.AsSpan(), zone, resolver, out var value, out var error) ? ParseResult<Instant>.ForValue(value) : ParseResult<Instant>.ForError(error, text);
    }

    /// <summary>Parses text into an <see cref="Instant"/> or throws.</summary>
    /// <param name="text">The timestamp, nothing before or after it.</param>
    /// <returns>The instant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a valid timestamp; the message says where and why
    /// (<see cref="ParseError.ToMessage(ReadOnlySpan{char})"/>, as <see cref="ParseResult{T}.ErrorMessage"/>).</exception>
    public static Instant ParseOrThrow(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseInstant(text.AsSpan(), out var value, out var error) ? value : throw Failure(error.ToMessage(text));
    }

    /// <summary>Parses text into an <see cref="Instant"/>, reading a value without offset in a zone, or throws.</summary>
    /// <param name="text">The timestamp, with or without offset.</param>
    /// <param name="zone">The zone of values without offset.</param>
    /// <param name="resolver">Decides DST gaps and overlaps (e.g. <c>Resolvers.LenientResolver</c>).</param>
    /// <returns>The instant.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FormatException">The text is not a valid timestamp, or the resolver refused its local time.</exception>
    public static Instant ParseOrThrow(string text, DateTimeZone zone, ZoneLocalMappingResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseInZone(text.AsSpan(), zone, resolver, out var value, out var error) ? value : throw Failure(error.ToMessage(text));
    }

    // ---- shared implementation, specialised per code unit by the JIT ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseSeconds<TChar>(ReadOnlySpan<TChar> s, out long value, out ParseError error)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (OffsetTimestampScanner.TryParseFixedBest(s, out value))
        {
            error = default;
            return true;
        }
        return TryParseSecondsGeneral(s, out value, out error);
    }

    private static bool TryParseSecondsGeneral<TChar>(ReadOnlySpan<TChar> s, out long value, out ParseError error)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        bool ok = OffsetTimestampScanner.TryParseGeneral(s, offsetRequired: true, out var fields, out error);
        value = ok ? fields.EpochSeconds : 0;
        return ok;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryParseMilliseconds<TChar>(ReadOnlySpan<TChar> s, out long value, out ParseError error)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (OffsetTimestampScanner.TryParseFixedBest(s, out long seconds))
        {
            value = seconds * 1000;
            error = default;
            return true;
        }
        return TryParseMillisecondsGeneral(s, out value, out error);
    }

    private static bool TryParseMillisecondsGeneral<TChar>(ReadOnlySpan<TChar> s, out long value, out ParseError error)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        bool ok = OffsetTimestampScanner.TryParseGeneral(s, offsetRequired: true, out var fields, out error);
        // The fraction is non-negative, so adding its whole milliseconds floors.
        value = ok ? fields.EpochSeconds * 1000 + fields.Nanosecond / 1_000_000 : 0;
        return ok;
    }

    private static bool TryParseTicks<TChar>(ReadOnlySpan<TChar> s, out long value, out ParseError error)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (OffsetTimestampScanner.TryParseFixedBest(s, out long seconds))
        {
            value = seconds * TicksPerSecond;
            error = default;
            return true;
        }
        bool ok = OffsetTimestampScanner.TryParseGeneral(s, offsetRequired: true, out var fields, out error);
        value = ok ? fields.EpochSeconds * TicksPerSecond + fields.Nanosecond / 100 : 0;
        return ok;
    }

    private static bool TryParseInstant<TChar>(ReadOnlySpan<TChar> s, out Instant value, out ParseError error)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (OffsetTimestampScanner.TryParseFixedBest(s, out long seconds) && seconds <= MaxInstantSeconds)
        {
            value = Instant.FromUnixTimeSeconds(seconds);
            error = default;
            return true;
        }
        value = default;
        if (!OffsetTimestampScanner.TryParseGeneral(s, offsetRequired: true, out var fields, out error))
        {
            return false;
        }
        return ToInstant(s, fields, out value, out error);
    }

    private static bool ToInstant<TChar>(ReadOnlySpan<TChar> s, in TimestampFields fields, out Instant value, out ParseError error)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        long epochSeconds = fields.EpochSeconds;
        if (epochSeconds > MaxInstantSeconds)
        {
            value = default;
            // Only 9999-12-31 with a negative offset gets here: the offset is the field that pushes the instant
            // out of range, so point at its sign (the last '-' of the text: an out-of-range value points at the field that puts it there).
            int offsetAt = s.LastIndexOf(TChar.CreateTruncating('-'));
            error = new ParseError(offsetAt < 0 ? 0 : offsetAt, ParseErrorCode.InstantOutOfRange);
            return false;
        }
        value = Instant.FromUnixTimeSeconds(epochSeconds).PlusNanoseconds(fields.Nanosecond);
        error = default;
        return true;
    }

    private static bool TryParseInZone<TChar>(ReadOnlySpan<TChar> s, DateTimeZone zone, ZoneLocalMappingResolver resolver, out Instant value, out ParseError error)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(resolver);
        value = default;
        if (!OffsetTimestampScanner.TryParseGeneral(s, offsetRequired: false, out var fields, out error))
        {
            return false;
        }
        if (fields.HasOffset)
        {
            return ToInstant(s, fields, out value, out error);
        }
        // MapLocal first: a local time read once (nearly every value) needs no resolver and so can never throw;
        // only a gap or an overlap goes to the caller's resolver, whose way to refuse is an exception.
        var mapping = zone.MapLocal(fields.ToLocalDateTime());
        ZonedDateTime zoned;
        if (mapping.Count == 1)
        {
            zoned = mapping.Single();
        }
        else
        {
            try
            {
                zoned = resolver(mapping);
            }
            catch (SkippedTimeException)
            {
                error = new ParseError(TimeFieldPosition, ParseErrorCode.SkippedLocalTime);
                return false;
            }
            catch (AmbiguousTimeException)
            {
                error = new ParseError(TimeFieldPosition, ParseErrorCode.AmbiguousLocalTime);
                return false;
            }
        }
        // Late on 9999-12-31 in a zone behind UTC the instant is after Instant.MaxValue, where NodaTime's ToInstant
        // throws OverflowException: a Try method must report it instead (the date, at position 0, is what is too late).
        if (zoned.Year == 9999 && zoned.Offset < Offset.Zero
            && zoned.LocalDateTime.InUtc().ToInstant().ToUnixTimeTicks() - zoned.Offset.Ticks > MaxInstantTicks)
        {
            error = new ParseError(0, ParseErrorCode.InstantOutOfRange);
            return false;
        }
        // Early on 0001-01-01 in a zone ahead of UTC the instant is in year 0: NodaTime has it, the grammar's range does not.
        if (zoned.Year == 1 && zoned.ToInstant() < FirstInstant)
        {
            error = new ParseError(0, ParseErrorCode.InstantOutOfRange, ParseErrorReasons.InstantBeforeFirst);
            return false;
        }
        value = zoned.ToInstant();
        return true;
    }

    // `YYYY-MM-DDThh`: the hour is where a local time without offset is skipped or repeated.
    private const int TimeFieldPosition = 11;

    // Kept out of the callers so that their hot paths carry no exception-building code.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FormatException Failure(string message) => new(message);
}

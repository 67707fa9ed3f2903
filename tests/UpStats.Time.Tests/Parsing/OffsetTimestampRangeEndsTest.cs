using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Text;
using NodaTime.TimeZones;
using UpStats.Time.Parsing;
using R = UpStats.Time.Parsing.ParseErrorCode;

namespace UpStats.Time.Tests.Parsing;

/// <summary>
/// The two ends of the range. A timestamp's fields lie in 0001–9999, but its UTC instant need not: 0001-01-01 with a
/// positive offset (or read in a zone ahead of UTC) falls in year 0, which every path rejects with
/// <see cref="R.InstantOutOfRange"/> at the offset's sign; 9999-12-31 with a negative offset falls after NodaTime's
/// <c>Instant.MaxValue</c>, which only the <c>Instant</c> methods reject (the epoch methods return it).
/// </summary>
/// <remarks>
/// Cases: the first instant itself and one second, one minute and a nanosecond-fraction before it; every entry point
/// (UTF-8 and UTF-16; Instant, epoch seconds, milliseconds and ticks; the throwing methods; the zone overloads with
/// and without an offset in the text); the columns (lines through the AVX2 four-row step and the portable loop,
/// strings, Arrow); the fixed-width fast paths (scalar, SSSE3, AVX2). Oracle: NodaTime's
/// <see cref="OffsetDateTimePattern"/> (NodaTime itself has year-0 instants; ours is NodaTime's instant, rejected
/// when before 0001-01-01T00:00:00Z).
/// </remarks>
public class OffsetTimestampRangeEndsTest
{
    private static readonly Instant First = Instant.FromUtc(1, 1, 1, 0, 0);

    private static readonly ParseError BeforeFirstAt19 = new(19, R.InstantOutOfRange, ParseErrorReasons.InstantBeforeFirst);

    [Theory]
    [InlineData("0001-01-01T00:00:00+18:00", 19)]
    [InlineData("0001-01-01T17:59:59+1800", 19)]
    [InlineData("0001-01-01 00:00:00+01", 19)]
    [InlineData("0001-01-01t00:00:59.999999999+00:01", 29)]
    [InlineData("0001-01-01T00:00:00,5+0001", 21)]
    public void EveryEntryPoint_BeforeFirstInstant_FailsAtTheOffset(string text, int position)
    {
        var expected = new ParseError(position, R.InstantOutOfRange, ParseErrorReasons.InstantBeforeFirst);
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var zone = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
        ParseError error;
        Assert.False(OffsetTimestamp.TryParse(text, out Instant _, out error));
        Assert.Equal(expected, error);
        Assert.False(OffsetTimestamp.TryParse(utf8, out Instant _, out error));
        Assert.Equal(expected, error);
        Assert.False(OffsetTimestamp.TryParseEpochSeconds(text, out long value, out error));
        Assert.Equal((0L, expected), (value, error));
        Assert.False(OffsetTimestamp.TryParseEpochSeconds(utf8, out value, out error));
        Assert.Equal((0L, expected), (value, error));
        Assert.False(OffsetTimestamp.TryParseEpochMilliseconds(text, out value, out error));
        Assert.Equal((0L, expected), (value, error));
        Assert.False(OffsetTimestamp.TryParseEpochMilliseconds(utf8, out value, out error));
        Assert.Equal((0L, expected), (value, error));
        Assert.False(OffsetTimestamp.TryParseEpochTicks(text, out value, out error));
        Assert.Equal((0L, expected), (value, error));
        Assert.False(OffsetTimestamp.TryParseEpochTicks(utf8, out value, out error));
        Assert.Equal((0L, expected), (value, error));
        Assert.False(OffsetTimestamp.TryParse(text, zone, Resolvers.LenientResolver, out Instant _, out error));
        Assert.Equal(expected, error);
        Assert.False(OffsetTimestamp.TryParse(utf8, zone, Resolvers.StrictResolver, out Instant _, out error));
        Assert.Equal(expected, error);
        string message = expected.ToMessage(text);
        Assert.Equal((false, expected, message), (OffsetTimestamp.Parse(utf8).Success, OffsetTimestamp.Parse(utf8).Error, OffsetTimestamp.Parse(utf8).ErrorMessage));
        Assert.Equal((false, expected, message), (OffsetTimestamp.Parse(text, zone, Resolvers.LenientResolver).Success, OffsetTimestamp.Parse(text, zone, Resolvers.LenientResolver).Error, OffsetTimestamp.Parse(text, zone, Resolvers.LenientResolver).ErrorMessage));
        Assert.Equal(message, Assert.Throws<FormatException>(() => OffsetTimestamp.ParseOrThrow(text)).Message);
        Assert.Equal(message, Assert.Throws<FormatException>(() => OffsetTimestamp.Parse(utf8).GetValueOrThrow()).Message);
        Assert.Equal(message, Assert.Throws<FormatException>(() => OffsetTimestamp.ParseOrThrow(text, zone, Resolvers.LenientResolver)).Message);
    }

    [Fact]
    public void Message_BeforeFirstInstant_SaysWhichEndAndWhere()
    {
        Assert.False(OffsetTimestamp.TryParse("0001-01-01T00:00:00+18:00", out Instant _, out var error));
        Assert.Equal("The UTC instant is before 0001-01-01T00:00:00Z at position 19", error.Message);
        Assert.False(OffsetTimestamp.TryParse("9999-12-31T23:59:59-18:00", out Instant _, out error));
        Assert.Equal("The UTC instant is after 9999-12-31T23:59:59.999999999Z at position 19", error.Message);
    }

    [Theory]
    [InlineData("0001-01-01T18:00:00+18:00")]
    [InlineData("0001-01-01T00:01:00+00:01")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00-18:00", 18 * 3600)]
    [InlineData("0001-01-01T00:00:00.000000001+00:00", 0, 1)]
    public void EveryEntryPoint_AtOrAfterFirstInstant_Succeeds(string text, long secondsAfter = 0, int nanoseconds = 0)
    {
        Instant expected = First.PlusNanoseconds(secondsAfter * 1_000_000_000L + nanoseconds);
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        Assert.True(OffsetTimestamp.TryParse(text, out Instant instant, out _));
        Assert.Equal(expected, instant);
        Assert.True(OffsetTimestamp.TryParse(utf8, out instant, out _));
        Assert.Equal(expected, instant);
        Assert.True(OffsetTimestamp.TryParseEpochSeconds(utf8, out long seconds, out _));
        Assert.Equal(expected.ToUnixTimeSeconds(), seconds);
        Assert.True(OffsetTimestamp.TryParseEpochMilliseconds(text, out long milliseconds, out _));
        Assert.Equal(expected.ToUnixTimeMilliseconds(), milliseconds);
        Assert.True(OffsetTimestamp.TryParseEpochTicks(utf8, out long ticks, out _));
        Assert.Equal(expected.ToUnixTimeTicks(), ticks);
        Assert.True(OffsetTimestamp.TryParse(text, DateTimeZoneProviders.Tzdb["Asia/Tokyo"], Resolvers.StrictResolver, out instant, out _));
        Assert.Equal(expected, instant);
    }

    [Fact]
    public void Columns_BeforeFirstInstant_FailTheRowAtTheOffset()
    {
        string[] rows = ["2015-10-11T00:26:51+0100", "0001-01-01T00:00:00+18:00", "0001-01-01T18:00:00+18:00", "0001-01-01T00:00:00.5+01"];
        var seconds = new long[rows.Length];
        var errors = new RowError[rows.Length];
        var result = OffsetTimestampColumn.ParseEpochSeconds(Encoding.UTF8.GetBytes(string.Join('\n', rows)), seconds, errors);
        Assert.Equal((4, 2), (result.Rows, result.Failed));
        Assert.Equal([new RowError(1, BeforeFirstAt19), new RowError(3, new ParseError(21, R.InstantOutOfRange, ParseErrorReasons.InstantBeforeFirst))], errors[..2]);
        Assert.Equal([1444519611L, 0, CivilCalendarSeconds, 0], seconds);
        result = OffsetTimestampColumn.ParseEpochMilliseconds(rows, seconds, errors);
        Assert.Equal((4, 2), (result.Rows, result.Failed));
        Assert.Equal(new RowError(1, BeforeFirstAt19), errors[0]);
        Assert.Equal([1444519611_000L, 0, CivilCalendarSeconds * 1000, 0], seconds);
    }

    private const long CivilCalendarSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z

    [Fact]
    public void TryParseInZone_LocalTimeBeforeFirstInstant_FailsAtTheDate()
    {
        // Tokyo kept its local mean time, +09:18:59, until 1887: 0001-01-01T09:18:59 there is the first instant.
        var tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
        Assert.Equal(Offset.FromHoursAndMinutes(9, 18).Plus(Offset.FromSeconds(59)), tokyo.GetUtcOffset(First));
        Assert.False(OffsetTimestamp.TryParse("0001-01-01T09:18:58.999999999", tokyo, Resolvers.StrictResolver, out Instant _, out var error));
        Assert.Equal(new ParseError(0, R.InstantOutOfRange, ParseErrorReasons.InstantBeforeFirst), error);
        Assert.False(OffsetTimestamp.TryParse("0001-01-01 00:00:00"u8, tokyo, Resolvers.LenientResolver, out Instant _, out error));
        Assert.Equal(new ParseError(0, R.InstantOutOfRange, ParseErrorReasons.InstantBeforeFirst), error);
        Assert.True(OffsetTimestamp.TryParse("0001-01-01T09:18:59", tokyo, Resolvers.StrictResolver, out Instant instant, out _));
        Assert.Equal(First, instant);
        // West of UTC the first local midnight is well inside the range.
        Assert.True(OffsetTimestamp.TryParse("0001-01-01T00:00:00", DateTimeZoneProviders.Tzdb["America/Los_Angeles"], Resolvers.StrictResolver, out instant, out _));
        Assert.True(instant > First);
    }

    /// <summary>Every path against NodaTime on the first and last two days of the range, any offset and form.</summary>
    [Property(MaxTest = 1500)]
    public Property EveryPath_NearEitherEnd_AgreesWithNodaTime() =>
        Prop.ForAll(Arb.From(Generators.RangeEndTimestamp), t =>
        {
            var oracle = Oracle(t);
            var failures = new List<string>();
            void Check(string path, bool ok, long value, ParseError error, bool expectOk, long expectedValue)
            {
                var expectedError = expectOk ? default : oracle.Error;
                if (ok != expectOk || (ok ? value != expectedValue : value != 0 || error != expectedError))
                {
                    failures.Add($"{path}: {ok} {value} {error} (expected {expectOk} {expectedValue} {expectedError})");
                }
            }
            byte[] utf8 = Encoding.UTF8.GetBytes(t.Text);
            bool epochOk = oracle.Ticks >= First.ToUnixTimeTicks();
            bool instantOk = epochOk && oracle.InstantInRange;
            long seconds = FloorDiv(oracle.Ticks, TimeSpan.TicksPerSecond);

            // Instants, compared to the nanosecond (the error carries the end's own reason).
            foreach (var (path, ok, instant, error) in new[]
            {
                ("TryParse chars", OffsetTimestamp.TryParse(t.Text, out Instant i1, out var e1), i1, e1),
                ("TryParse UTF-8", OffsetTimestamp.TryParse(utf8, out Instant i2, out var e2), i2, e2),
                ("TryParse chars in zone", OffsetTimestamp.TryParse(t.Text, DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"], Resolvers.StrictResolver, out Instant i3, out var e3), i3, e3),
                ("TryParse UTF-8 in zone", OffsetTimestamp.TryParse(utf8, DateTimeZone.Utc, Resolvers.LenientResolver, out Instant i4, out var e4), i4, e4),
            })
            {
                var expectedError = instantOk ? default : (epochOk ? oracle.AfterLastError : oracle.Error);
                if (ok != instantOk || (ok ? instant != oracle.Instant : instant != default || error != expectedError))
                {
                    failures.Add($"{path}: {ok} {instant} {error} (expected {instantOk} {oracle.Instant} {expectedError})");
                }
            }

            // Epoch values.
            Check("seconds chars", OffsetTimestamp.TryParseEpochSeconds(t.Text, out long v, out var e), v, e, epochOk, seconds);
            Check("seconds UTF-8", OffsetTimestamp.TryParseEpochSeconds(utf8, out v, out e), v, e, epochOk, seconds);
            Check("milliseconds chars", OffsetTimestamp.TryParseEpochMilliseconds(t.Text, out v, out e), v, e, epochOk, FloorDiv(oracle.Ticks, TimeSpan.TicksPerMillisecond));
            Check("milliseconds UTF-8", OffsetTimestamp.TryParseEpochMilliseconds(utf8, out v, out e), v, e, epochOk, FloorDiv(oracle.Ticks, TimeSpan.TicksPerMillisecond));
            Check("ticks chars", OffsetTimestamp.TryParseEpochTicks(t.Text, out v, out e), v, e, epochOk, oracle.Ticks);
            Check("ticks UTF-8", OffsetTimestamp.TryParseEpochTicks(utf8, out v, out e), v, e, epochOk, oracle.Ticks);

            // Columns: twelve copies, so that the lines go through the AVX2 four-row step, the one-row step and the portable tail.
            string[] column = Enumerable.Repeat(t.Text, 12).ToArray();
            var values = new long[column.Length];
            var errors = new RowError[column.Length];
            void CheckColumn(string path, ColumnParseResult result, long expectedValue)
            {
                for (int row = 0; row < column.Length; row++)
                {
                    bool ok = !errors.AsSpan(0, result.Failed).ToArray().Any(r => r.Row == row);
                    var error = ok ? default : errors.AsSpan(0, result.Failed).ToArray().Single(r => r.Row == row).Error;
                    Check($"{path} row {row}", ok, values[row], error, epochOk, expectedValue);
                }
            }
            CheckColumn("lines", OffsetTimestampColumn.ParseEpochSeconds(Encoding.UTF8.GetBytes(string.Join('\n', column)), values, errors), seconds);
            CheckColumn("lines ms", OffsetTimestampColumn.ParseEpochMilliseconds(Encoding.UTF8.GetBytes(string.Join("\r\n", column)), values, errors), FloorDiv(oracle.Ticks, TimeSpan.TicksPerMillisecond));
            CheckColumn("strings", OffsetTimestampColumn.ParseEpochSeconds(column, values, errors), seconds);
            int[] offsets = Enumerable.Range(0, column.Length + 1).Select(k => k * utf8.Length).ToArray();
            byte[] validity = [0xFF, 0xFF];
            CheckColumn("Arrow", OffsetTimestampColumn.ParseEpochSeconds(Encoding.UTF8.GetBytes(string.Concat(column)), offsets, values, validity, errors), seconds);

            // The fast paths say nothing about errors: each may decline, but what it accepts must be right.
            void CheckFast(string path, bool ok, long value)
            {
                if (ok && (!epochOk || value != seconds))
                {
                    failures.Add($"{path}: accepted {value} (expected {(epochOk ? seconds.ToString(CultureInfo.InvariantCulture) : "rejection")})");
                }
            }
            CheckFast("scalar fixed UTF-8", OffsetTimestampScanner.TryParseFixed<byte>(utf8, out v), v);
            CheckFast("scalar fixed chars", OffsetTimestampScanner.TryParseFixed<char>(t.Text, out v), v);
            if (OffsetTimestampVectorScanner.IsSupported)
            {
                CheckFast("SSSE3 UTF-8", OffsetTimestampVectorScanner.TryParseFixed<byte>(utf8, out v), v);
                CheckFast("SSSE3 chars", OffsetTimestampVectorScanner.TryParseFixed<char>(t.Text, out v), v);
            }
            if (OffsetTimestampVectorScanner.IsWideSupported)
            {
                CheckFast("AVX2 UTF-8", OffsetTimestampVectorScanner.TryParseFixedWide<byte>(utf8, out v), v);
                CheckFast("AVX2 chars", OffsetTimestampVectorScanner.TryParseFixedWide<char>(t.Text, out v), v);
            }
            return (failures.Count == 0).Label($"{t.Text}: {string.Join("; ", failures)}");
        });

    /// <summary>A local time on 0001-01-01 or 0001-01-02 without offset, read in any tzdb zone: rejected exactly when NodaTime's instant is before the first.</summary>
    [Property(MaxTest = 600)]
    public Property TryParseInZone_FirstDaysInAnyZone_RejectsExactlyWhatFallsBeforeTheFirstInstant() =>
        Prop.ForAll(Arb.From(Generators.Zone), Arb.From(Generators.RangeEndTimestamp.Where(t => t.Local.Year == 1)), (zone, t) =>
        {
            string text = t.Text[..19] + (t.FractionDigits > 0 ? t.Text.Substring(19, t.FractionDigits + 1) : "");
            // Year 1 lies before every zone's first transition: one offset, one mapping, whatever the resolver.
            Instant expected = zone.AtStrictly(t.Local).ToInstant();
            bool ok = OffsetTimestamp.TryParse(text, zone, Resolvers.StrictResolver, out Instant instant, out var error);
            bool ok8 = OffsetTimestamp.TryParse(Encoding.UTF8.GetBytes(text), zone, Resolvers.LenientResolver, out Instant instant8, out var error8);
            bool inRange = expected >= First;
            var expectedError = inRange ? default : new ParseError(0, R.InstantOutOfRange, ParseErrorReasons.InstantBeforeFirst);
            return (ok == inRange && ok8 == inRange && instant == (inRange ? expected : default) && instant8 == instant
                    && error == expectedError && error8 == expectedError)
                .Label($"{text} in {zone.Id}: {ok} {instant} {error} / UTF-8 {ok8} {instant8} {error8}; NodaTime {expected}");
        });

    // NodaTime's reading of the text: its instant in Unix ticks (from the local time and the offset, so that it
    // exists past Instant.MaxValue too), the Instant itself where NodaTime has one, and the error at each end.
    private static (long Ticks, Instant? Instant, bool InstantInRange, ParseError Error, ParseError AfterLastError) Oracle(TimestampText t)
    {
        OffsetDateTime parsed = t.ParseWithNodaTime().Value;
        long ticks = parsed.LocalDateTime.InUtc().ToInstant().ToUnixTimeTicks() - parsed.Offset.Ticks;
        bool inRange = FloorDiv(ticks, TimeSpan.TicksPerSecond) <= Instant.MaxValue.ToUnixTimeSeconds();
        // Within NodaTime's range (year 0 included) its own instant, which must agree with the tick arithmetic.
        Instant? instant = inRange ? parsed.ToInstant() : null;
        if (instant is { } i && i.ToUnixTimeTicks() != ticks)
        {
            throw new InvalidOperationException($"oracle disagrees with itself on {t.Text}");
        }
        int signAt = Math.Max(t.Text.LastIndexOf('+'), t.Text.LastIndexOf('-'));
        return (ticks, instant, inRange,
            new ParseError(signAt, R.InstantOutOfRange, ParseErrorReasons.InstantBeforeFirst),
            new ParseError(signAt, R.InstantOutOfRange));
    }

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b < 0) ? 1 : 0);
}

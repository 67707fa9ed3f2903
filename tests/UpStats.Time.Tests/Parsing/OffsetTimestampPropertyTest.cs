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
/// Properties of <see cref="OffsetTimestamp"/> over generated text: valid timestamps of every form agree with
/// NodaTime and DateTimeOffset, UTF-8 and UTF-16 agree, and mutated or random text is never accepted unless the
/// grammar allows it, never makes a Try method throw, and is rejected at a position inside the text.
/// </summary>
public class OffsetTimestampPropertyTest
{
    private static Arbitrary<TimestampText> Valid => Arb.From(Generators.ValidTimestamp);

    private static Arbitrary<string> Mutated => Arb.From(Generators.MutatedTimestamp);

    [Property(MaxTest = 2000)]
    public Property TryParseEpochSeconds_ValidTimestamp_EqualsNodaTime() =>
        Prop.ForAll(Valid, t =>
        {
            bool ok = OffsetTimestamp.TryParseEpochSeconds(t.Text, out long seconds, out var error);
            return (ok && seconds == t.ExpectedEpochSeconds).Label($"{t.Text}: {seconds} vs {t.ExpectedEpochSeconds} ({error})");
        });

    [Property(MaxTest = 1000)]
    public Property TryParse_ValidTimestamp_EqualsNodaTimeOffsetDateTimePattern() =>
        Prop.ForAll(Valid, t =>
        {
            var expected = t.ParseWithNodaTime();
            if (!expected.Success || t.Local.Year == 9999 && t.OffsetSeconds < 0)
            {
                return true.Label("NodaTime's Instant cannot hold this one; covered by the epoch-seconds property");
            }
            bool ok = OffsetTimestamp.TryParse(t.Text, out Instant instant, out var error);
            return (ok && instant == expected.Value.ToInstant()).Label($"{t.Text}: {instant} vs {expected.Value.ToInstant()} ({error})");
        });

    [Property(MaxTest = 1000)]
    public Property TryParseEpochTicks_WithinItsRange_EqualsDateTimeOffsetParseExact() =>
        Prop.ForAll(Valid, t =>
        {
            // DateTimeOffset reads offsets within ±14:00, 7 fraction digits, ±hh:mm/±hh, and UTC years 0001–9999.
            if (Math.Abs(t.OffsetSeconds) > 14 * 3600 || t.FractionDigits > 7 || t.Form == "+hhmm" || t.Local.Year is 1 or 9999)
            {
                return true.Label("outside DateTimeOffset's range");
            }
            string fraction = t.FractionDigits == 0 ? "" : $"'{t.Text[19]}'" + new string('f', t.FractionDigits);
            string offset = t.Form switch { "Z" => "'Z'", "z" => "'z'", "+hh" => "zz", _ => "zzz" };
            string format = $"yyyy'-'MM'-'dd'{t.Text[10]}'HH':'mm':'ss{fraction}{offset}";
            var expected = DateTimeOffset.ParseExact(t.Text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            bool ok = OffsetTimestamp.TryParseEpochTicks(t.Text, out long ticks, out var error);
            return (ok && ticks == expected.UtcTicks - DateTime.UnixEpoch.Ticks).Label($"{t.Text} with {format}: {ticks} vs {expected:o} ({error})");
        });

    [Property(MaxTest = 1000)]
    public Property TryParse_Utf8AndUtf16_Agree() =>
        Prop.ForAll(Arb.From(Gen.OneOf(Generators.ValidTimestamp.Select(t => t.Text), Generators.MutatedTimestamp)), text =>
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            bool ok16 = OffsetTimestamp.TryParseEpochTicks(text, out long v16, out var e16);
            bool ok8 = OffsetTimestamp.TryParseEpochTicks(utf8, out long v8, out var e8);
            bool okInstant16 = OffsetTimestamp.TryParse(text, out Instant i16, out _);
            bool okInstant8 = OffsetTimestamp.TryParse(utf8, out Instant i8, out _);
            // Positions agree because everything before an error is ASCII (a non-ASCII character is itself the error).
            return (ok16 == ok8 && v16 == v8 && e16 == e8 && okInstant16 == okInstant8 && i16 == i8)
                .Label($"'{text}': {ok16}/{ok8} {v16}/{v8} {e16}/{e8}");
        });

    [Property(MaxTest = 1000)]
    public Property Parse_FormattedInstant_RoundTrips() =>
        Prop.ForAll(Arb.From(from t in Generators.ValidTimestamp where t.Local.Year is > 1 and < 9999 select t), t =>
        {
            // instant → NodaTime's ISO text with the same offset → our parser → the same instant.
            var offsetDateTime = t.Local.WithOffset(Offset.FromSeconds(t.OffsetSeconds));
            string formatted = OffsetDateTimePattern.ExtendedIso.Format(offsetDateTime);
            bool ok = OffsetTimestamp.TryParse(formatted, out Instant instant, out var error);
            return (ok && instant == offsetDateTime.ToInstant()).Label($"{formatted}: {instant} ({error})");
        });

    [Property(MaxTest = 3000)]
    public Property TryParse_MutatedText_AcceptsExactlyWhatTheGrammarAllows() =>
        Prop.ForAll(Mutated, text =>
        {
            long? expected = TimestampOracle.EpochSeconds(text);
            bool ok = OffsetTimestamp.TryParseEpochSeconds(text, out long seconds, out var error);
            bool okUtf8 = OffsetTimestamp.TryParseEpochSeconds(Encoding.UTF8.GetBytes(text), out long seconds8, out var error8);
            return (ok == expected.HasValue && (!ok || seconds == expected) && okUtf8 == ok && seconds8 == seconds)
                .Label($"'{text}': ours {ok} {seconds} ({error}), oracle {expected}");
        });

    [Property(MaxTest = 3000)]
    public Property TryParse_MutatedText_NeverThrowsAndFailsInsideTheText() =>
        Prop.ForAll(Mutated, text =>
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            var errors = new List<ParseError>();
            if (!OffsetTimestamp.TryParse(text, out Instant _, out var e1)) { errors.Add(e1); }
            if (!OffsetTimestamp.TryParseEpochSeconds(utf8, out _, out var e2)) { errors.Add(e2); }
            if (!OffsetTimestamp.TryParseEpochMilliseconds(text, out _, out var e3)) { errors.Add(e3); }
            if (!OffsetTimestamp.TryParse(utf8, DateTimeZone.Utc, Resolvers.StrictResolver, out Instant _, out var e4)) { errors.Add(e4); }
            return errors.All(e => e.Position >= 0 && e.Position <= text.Length && e.Reason.Length > 0)
                .Label($"'{text}': {string.Join("; ", errors)}");
        });

    /// <summary>A valid timestamp with one field replaced by an impossible value, and the failure that must follow.</summary>
    private static Gen<(string Text, ParseError Expected)> ImpossibleField =>
        from t in Generators.ValidTimestamp
        from kind in Gen.Choose(0, 7)
        from nonLeapYear in Gen.Choose(1, 9999).Where(y => !CalendarSystem.Iso.IsLeapYear(y))
        from shortMonth in Gen.Elements(4, 6, 9, 11)
        from offsetHours in Gen.Choose(18, 99)
        from offsetMinutes in Gen.Choose(60, 99)
        from sign in Gen.Elements('+', '-')
        let text = t.Text
        let offsetAt = 19 + (t.FractionDigits == 0 ? 0 : t.FractionDigits + 1)
        let withOffset = text[..offsetAt]
        select kind switch
        {
            0 => (FormattableString.Invariant($"{nonLeapYear:D4}-02-29") + text[10..], new ParseError(8, R.DayOutOfRange)),
            1 => (text[..5] + FormattableString.Invariant($"{shortMonth:D2}-31") + text[10..], new ParseError(8, R.DayOutOfRange)),
            2 => (text[..11] + "24" + text[13..], new ParseError(11, R.HourOutOfRange)),
            3 => (text[..14] + "60" + text[16..], new ParseError(14, R.MinuteOutOfRange)),
            4 => (text[..17] + "60" + text[19..], new ParseError(17, R.SecondOutOfRange)),
            5 => (withOffset + FormattableString.Invariant($"{sign}{offsetHours:D2}:{(offsetHours == 18 ? 1 : 0):D2}"), new ParseError(offsetAt, R.OffsetOutOfRange)),
            6 => (withOffset + FormattableString.Invariant($"{sign}{offsetHours % 18:D2}{offsetMinutes:D2}"), new ParseError(offsetAt + 3, R.OffsetMinuteOutOfRange)),
            _ => (withOffset + FormattableString.Invariant($"{sign}{offsetHours % 18:D2}:{offsetMinutes:D2}"), new ParseError(offsetAt + 4, R.OffsetMinuteOutOfRange)),
        };

    [Property(MaxTest = 2000)]
    public Property TryParse_ImpossibleField_IsRejectedAtThatField() =>
        Prop.ForAll(Arb.From(ImpossibleField), c =>
        {
            bool ok = OffsetTimestamp.TryParseEpochSeconds(c.Text, out _, out var error);
            bool ok8 = OffsetTimestamp.TryParseEpochSeconds(Encoding.UTF8.GetBytes(c.Text), out _, out var error8);
            return (!ok && !ok8 && error == c.Expected && error8 == c.Expected).Label($"'{c.Text}': {error} vs {c.Expected}");
        });
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using UpStats.Time.Parsing;
using UpStats.Time.Paths;
using UpStats.Time.Scheduling;

namespace UpStats.Time.Tests.Api;

/// <summary>
/// The six members of each text type's parse shape are one parser: over generated text, valid and invalid,
/// <c>Parse(string)</c>, <c>Parse(ReadOnlySpan&lt;char&gt;)</c>, <c>TryParse(ReadOnlySpan&lt;char&gt;, …)</c>,
/// <c>Parse(ReadOnlySpan&lt;byte&gt;)</c>, <c>TryParse(ReadOnlySpan&lt;byte&gt;, …)</c> and <c>ParseOrThrow</c> give the
/// same value or the same <see cref="ParseError"/> (code, reason, and position, which counts bytes for UTF-8: the
/// UTF-8 length of the text before the UTF-16 position) and the same message. Invalid UTF-8 fails with
/// <see cref="ParseErrorCode.InvalidCharacter"/> at the first bad byte.
/// </summary>
public class ParseOverloadsAgreeTest
{
    private delegate ParseResult<T> ParseSpan<TUnit, T>(ReadOnlySpan<TUnit> text)
        where T : notnull, IEquatable<T>;

    private delegate bool TryParseSpan<TUnit, T>(ReadOnlySpan<TUnit> text, [MaybeNullWhen(false)] out T value, out ParseError error);

    private sealed record Shape<T>(
        Func<string, ParseResult<T>> ParseString, ParseSpan<char, T> ParseChars, ParseSpan<byte, T> ParseUtf8,
        TryParseSpan<char, T> TryChars, TryParseSpan<byte, T> TryUtf8, Func<string, T> OrThrow)
        where T : notnull, IEquatable<T>;

    private static readonly Shape<Instant> Timestamps = new(OffsetTimestamp.Parse, OffsetTimestamp.Parse, OffsetTimestamp.Parse, OffsetTimestamp.TryParse, OffsetTimestamp.TryParse, OffsetTimestamp.ParseOrThrow);

    private static readonly Shape<RunInterval> Intervals = new(RunInterval.Parse, RunInterval.Parse, RunInterval.Parse, RunInterval.TryParse, RunInterval.TryParse, RunInterval.ParseOrThrow);

    private static readonly Shape<LookbackDuration> Lookbacks = new(LookbackDuration.Parse, LookbackDuration.Parse, LookbackDuration.Parse, LookbackDuration.TryParse, LookbackDuration.TryParse, LookbackDuration.ParseOrThrow);

    private static readonly Shape<PathPattern> Patterns = new(PathPattern.Parse, PathPattern.Parse, PathPattern.Parse, PathPattern.TryParse, PathPattern.TryParse, PathPattern.ParseOrThrow);

    // Characters that are more than one UTF-8 byte, so that byte and char positions differ after them.
    private static readonly char[] Wide = ['\u00a0', '\u00e9', '\u2007', '\u3000', '\u0660', '\uff15', '\u212a'];

    /// <summary>A valid text, that text with a character replaced, inserted or removed (often a wide one), or any string.</summary>
    private static Gen<string> TextAround(Gen<string> valid) =>
        Gen.Frequency(
            (3, valid),
            (4, from text in valid
                from kind in Gen.Choose(0, 2)
                from at in Gen.Choose(0, Math.Max(0, text.Length - 1))
                from c in Gen.Frequency((1, Gen.Elements(Wide)), (2, Gen.Elements("0123456789 -:+.,{}'/=TZmhdsMINUTESDAYyHM\t".ToCharArray())))
                select text.Length == 0 ? c.ToString()
                    : kind switch
                    {
                        0 => text[..at] + c + text[(at + 1)..],
                        1 => text[..at] + c + text[at..],
                        _ => text.Remove(at, 1),
                    }),
            (1, from prefix in Gen.Elements(Wide)
                from text in valid
                select prefix + text),
            (1, ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get)));

    private static Gen<string> IntervalText =>
        from minutes in Generators.RunIntervalMinutes
        from form in Gen.Choose(0, 3)
        from pad in Gen.Elements("", " ", "\u3000")
        select pad + (form switch
        {
            0 => RunInterval.FromMinutes(minutes).ToString(),
            1 => minutes.ToString(CultureInfo.InvariantCulture) + "m",
            2 => minutes % 60 == 0 ? (minutes / 60).ToString(CultureInfo.InvariantCulture) + " hours" : minutes.ToString(CultureInfo.InvariantCulture) + " MINUTES",
            _ => minutes.ToString(CultureInfo.InvariantCulture) + " min",
        }) + pad;

    private static Gen<string> LookbackText =>
        from ticks in Generators.LookbackTicks
        from spaced in Gen.Elements(false, true)
        let text = LookbackDuration.FromDuration(Duration.FromTicks(ticks)).ToString()
        select spaced ? " " + text + " " : text;

    private static Gen<string> PatternText =>
        Gen.Elements(
            "'year='yyyy/'month='MM/'day='dd/'hour='HH", "yyyy/MM/dd/HH/mm", "'year'=YYYY/'month'=MM", "dt={yyyy}-{MM}-{dd}/hr={HH}",
            "année=yyyy/mois=MM", "yyyy/dd", "yyyy/MM/dd/hh", "{yyyy", "'year=yyyy", "é/{yyyy}/{MM}", "\U0001F600/yyyy");

    [Property(MaxTest = 1000)]
    public Property OffsetTimestamp_AllSixMembersAgree() =>
        Prop.ForAll(Arb.From(TextAround(Generators.ValidTimestamp.Select(t => t.Text))), text => Agree(Timestamps, text));

    [Property(MaxTest = 1000)]
    public Property RunInterval_AllSixMembersAgree() =>
        Prop.ForAll(Arb.From(TextAround(IntervalText)), text => Agree(Intervals, text));

    [Property(MaxTest = 1000)]
    public Property LookbackDuration_AllSixMembersAgree() =>
        Prop.ForAll(Arb.From(TextAround(LookbackText)), text => Agree(Lookbacks, text));

    [Property(MaxTest = 500)]
    public Property PathPattern_AllSixMembersAgree() =>
        Prop.ForAll(Arb.From(TextAround(PatternText)), text => Agree(Patterns, text));

    [Property(MaxTest = 300)]
    public Property AnyType_InvalidUtf8_FailsAtTheFirstBadByte() =>
        Prop.ForAll(Arb.From(Generators.HostileUtf8), utf8 =>
        {
            int bad = FirstInvalidByte(utf8);
            if (bad < 0)
            {
                return true.Label("valid UTF-8: covered by the agreement properties");
            }
            var errors = new[]
            {
                Utf8Error(Intervals, utf8), Utf8Error(Lookbacks, utf8), Utf8Error(Patterns, utf8),
            };
            // Timestamps read bytes directly: a valid one is all ASCII, so any text with a bad byte fails.
            bool timestampFails = !OffsetTimestamp.TryParse(utf8, out Instant _, out var timestampError);
            return (timestampFails && errors.All(e => e is { Code: ParseErrorCode.InvalidCharacter } && e.Value.Position == bad))
                .Label($"{Convert.ToHexString(utf8)}: first bad byte {bad}; {string.Join(", ", errors)}; timestamp {timestampError}");
        });

    [Fact]
    public void Generators_GiveValidAndInvalidTextForEveryType()
    {
        // The agreement properties would hold vacuously over texts that all fail (or all parse).
        Assert.Contains(true, Sample(TextAround(Generators.ValidTimestamp.Select(t => t.Text)), t => Timestamps.ParseString(t).Success));
        Assert.Contains(false, Sample(TextAround(Generators.ValidTimestamp.Select(t => t.Text)), t => Timestamps.ParseString(t).Success));
        Assert.Contains(true, Sample(TextAround(IntervalText), t => Intervals.ParseString(t).Success));
        Assert.Contains(false, Sample(TextAround(IntervalText), t => Intervals.ParseString(t).Success));
        Assert.Contains(true, Sample(TextAround(LookbackText), t => Lookbacks.ParseString(t).Success));
        Assert.Contains(false, Sample(TextAround(LookbackText), t => Lookbacks.ParseString(t).Success));
        Assert.Contains(true, Sample(TextAround(PatternText), t => Patterns.ParseString(t).Success));
        Assert.Contains(false, Sample(TextAround(PatternText), t => Patterns.ParseString(t).Success));
        // And texts where a byte position is not the char position.
        Assert.Contains(true, Sample(TextAround(IntervalText), t => !Intervals.ParseString(t).Success && Encoding.UTF8.GetByteCount(t) != t.Length));
    }

    [Theory]
    [InlineData("\u3000 5 MINUTES", 0, true)]          // a wide space is white space for every overload
    [InlineData("5 MINUTÉS", 7, false)]                 // 'É' is no ASCII letter: text after the unit, char 7, byte 7
    [InlineData("\u00a05 parsecs", 3, false)]           // 'p' is char 3, byte 4
    public void RunInterval_NonAsciiText_PositionCountsBytesForUtf8(string text, int charPosition, bool success)
    {
        var chars = RunInterval.Parse(text);
        var utf8 = RunInterval.Parse(Encoding.UTF8.GetBytes(text));

        Assert.Equal(success, chars.Success);
        Assert.Equal(success, utf8.Success);
        if (!success)
        {
            Assert.Equal(charPosition, chars.Error.Position);
            Assert.Equal(Encoding.UTF8.GetByteCount(text[..charPosition]), utf8.Error.Position);
            Assert.Equal((chars.Error.Code, chars.Error.Reason), (utf8.Error.Code, utf8.Error.Reason));
            // The message marks the same character; only the number it gives counts bytes.
            Assert.Equal(InBytes(chars.ErrorMessage!, chars.Error.Position, utf8.Error.Position), utf8.ErrorMessage);
        }
    }

    [Fact]
    public void Utf8_InvalidBytes_FailAtTheFirstBadByteWithAClearReason()
    {
        byte[] text = [.. "5 MIN"u8, 0xFF, .. "UTES"u8];
        Assert.False(RunInterval.TryParse(text, out _, out var error));
        Assert.Equal((5, ParseErrorCode.InvalidCharacter, "The text is not valid UTF-8"), (error.Position, error.Code, error.Reason));
        var result = LookbackDuration.Parse(text);
        Assert.Equal(error, result.Error);
        Assert.Equal("The text is not valid UTF-8 at position 5: '5 MIN^\uFFFDUTES'", result.ErrorMessage);
        byte[] overlong = [.. "yyyy/"u8, 0xC0, 0x80];
        Assert.False(PathPattern.TryParse(overlong, out var pattern, out error));
        Assert.Null(pattern);
        Assert.Equal((5, ParseErrorCode.InvalidCharacter), (error.Position, error.Code));
    }

    [Fact]
    public void Utf8_LongText_ParsesLikeShortText()
    {
        // Above the stack buffer the UTF-8 entry points decode into a pooled array: same answers.
        string padded = new string(' ', 1000) + "15 minutes" + new string(' ', 1000);
        Assert.True(RunInterval.TryParse(Encoding.UTF8.GetBytes(padded), out var interval, out _));
        Assert.Equal(RunInterval.FromMinutes(15), interval);
        string wide = new string('\u3000', 400) + "5 parsecs";
        Assert.False(RunInterval.TryParse(Encoding.UTF8.GetBytes(wide), out _, out var error));
        Assert.Equal((400 * 3 + 2, ParseErrorCode.ExpectedUnit), (error.Position, error.Code));
    }

    private static bool[] Sample(Gen<string> gen, Func<string, bool> f) => gen.Sample(300).Select(f).ToArray();

    /// <summary>Every member of the shape on one text; the label lists every disagreement.</summary>
    private static Property Agree<T>(Shape<T> shape, string text)
        where T : notnull, IEquatable<T>
    {
        var problems = new List<string>();
        var fromString = shape.ParseString(text);
        var fromChars = shape.ParseChars(text);
        bool tried = shape.TryChars(text, out var value, out var error);
        if (fromString != fromChars)
        {
            problems.Add($"Parse(string) {fromString} != Parse(chars) {fromChars}");
        }
        if (tried != fromString.Success || (tried && !value!.Equals(fromString.Value)) || error != fromString.Error)
        {
            problems.Add($"TryParse(chars) {tried} {value} {error} != Parse {fromString}");
        }
        if (!tried && (value is not null && !value.Equals(default(T))))
        {
            problems.Add($"a failed TryParse left {value}");
        }
        string? thrown = null;
        try
        {
            var parsed = shape.OrThrow(text);
            if (!tried || !parsed.Equals(value))
            {
                problems.Add($"ParseOrThrow gave {parsed}");
            }
        }
        catch (FormatException e)
        {
            thrown = e.Message;
        }
        if (thrown != fromString.ErrorMessage)
        {
            problems.Add($"ParseOrThrow threw '{thrown}', the result says '{fromString.ErrorMessage}'");
        }
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        if (Encoding.UTF8.GetString(utf8) == text) // a lone surrogate has no UTF-8 form
        {
            var fromUtf8 = shape.ParseUtf8(utf8);
            bool tried8 = shape.TryUtf8(utf8, out var value8, out var error8);
            (int Position, ParseErrorCode Code, string Reason) expected8 = tried ? (0, ParseErrorCode.None, "") : (error.Position, error.Code, error.Reason);
            if (!tried)
            {
                expected8.Position = Encoding.UTF8.GetByteCount(text.AsSpan(0, Math.Min(error.Position, text.Length)));
            }
            if (tried8 != tried || (tried && !value8!.Equals(value)) || (error8.Position, error8.Code, error8.Reason) != expected8)
            {
                problems.Add($"TryParse(UTF-8) {tried8} {value8} {error8}, expected {tried} {value} at byte {expected8.Position}");
            }
            // The message marks the same character; only the number it gives counts bytes.
            string? message8 = tried ? null : InBytes(fromString.ErrorMessage!, error.Position, error8.Position);
            if (fromUtf8.Success != tried8 || fromUtf8.Error != error8 || fromUtf8.ErrorMessage != message8
                || (tried8 && !fromUtf8.Value.Equals(value8)))
            {
                problems.Add($"Parse(UTF-8) {fromUtf8} disagrees with TryParse(UTF-8) {error8} or the message {fromString.ErrorMessage}");
            }
        }
        return (problems.Count == 0).Label($"{Show(text)}: {string.Join("; ", problems)}");
    }

    private static string InBytes(string message, int charPosition, int bytePosition) =>
        message.Replace($" at position {charPosition}: '", $" at position {bytePosition}: '", StringComparison.Ordinal);

    private static ParseError? Utf8Error<T>(Shape<T> shape, byte[] utf8)
        where T : notnull, IEquatable<T> =>
        shape.TryUtf8(utf8, out _, out var error) ? null : error;

    private static int FirstInvalidByte(byte[] utf8)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(utf8, new char[utf8.Length], out int read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? -1 : read;
    }

    private static string Show(string text) => string.Concat(text.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}

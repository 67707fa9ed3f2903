using System.Reflection;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.TimeZones;
using UpStats.Time.Parsing;
using UpStats.Time.Paths;

namespace UpStats.Time.Tests.Api;

/// <summary>
/// The <c>Try</c> contract over every text entry point, found by reflection: each public static <c>TryParse*</c>
/// method and each <c>Parse</c> returning <see cref="ParseResult{T}"/> returns a failure for bad input and never
/// throws, whatever the text (null where the parameter allows it, empty, blank, very long, U+0000, lone
/// surrogates, invalid UTF-8), with an error that has a reason and a default value. Zone overloads run with
/// NodaTime's lenient resolver and with the strict one, which throws inside: that throw must not escape either.
/// </summary>
public class TryParseContractTest
{
    private static readonly ZoneLocalMappingResolver[] ResolversToTry = [Resolvers.LenientResolver, Resolvers.StrictResolver];

    // East and (as far as it goes) west of UTC: late on 9999-12-31 the west one is past Instant.MaxValue.
    private static readonly DateTimeZone[] ZonesToTry = [ApiSamples.Berlin, DateTimeZoneProviders.Tzdb["Etc/GMT+12"]];

    /// <summary>Every entry point: public static, bool TryParse* or ParseResult-returning, text as the first parameter.</summary>
    private static readonly MethodInfo[] EntryPoints = typeof(ParseResult<>).Assembly.GetExportedTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(m => (m.Name.StartsWith("TryParse", StringComparison.Ordinal) && m.ReturnType == typeof(bool))
            || (m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(ParseResult<>)))
        .OrderBy(ArgumentValidationTest.Describe, StringComparer.Ordinal)
        .ToArray();

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>Texts no entry point may accept (path templates reject control characters and unpaired surrogates).</summary>
    public static TheoryData<string?> InvalidEverywhere() =>
    [
        null, "", "\0", "2015-10-11T00:26:51+0100\0", "\02015-10-11T00:26:51+0100", "5m\0", "{", "}", "{yyyy", "a}{",
        "{yy}/x", "\uD800", "\uDFFF", "2015-10-11T00:26:51+01:00\uDC00", "5\uD800m", "2015-10-11T00:26:51\uD800+0100",
        new string('{', 100_000), "{" + new string('9', 100_000), "\uD800{", "\t\r\n", "5 MINUTES\0", "1d\u0000",
    ];

    /// <summary>Texts that fail every grammar but the path template's (literal text only).</summary>
    public static TheoryData<string> InvalidButLiteralText() =>
    [
        " ", "\u00a0", "\u2028", new string('9', 100_000), new string(' ', 100_000),
        string.Concat(Enumerable.Repeat("2015-10-11T00:26:51+0100", 5000)), "1" + new string('0', 5000) + "m",
        "99999999999999999999 MINUTES", "9223372036854775807d", "9223372036854775808ms", "-5m", "+5m", "5 5m", "😀", "２０１５-10-11T00:26:51Z", "\u0665m", "2015-10-11T00:26:51+1900", "2015-02-29T00:00:00Z",
        "0000-01-01T00:00:00Z", "2015-10-11T24:00:00Z", "2015-10-11T00:26:51.1234567890Z",
        "１d", "5 MİNUTES", "5 \u212Aday",
    ];

    /// <summary>Byte strings that are not UTF-8 or not a value: overlong, surrogate, truncated, stray continuation bytes.</summary>
    public static TheoryData<byte[]> InvalidUtf8() =>
    [
        [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80], [0xF4, 0x90, 0x80, 0x80], [0x00],
        [.. "2015-10-11T00:26:51+0100"u8, 0xFF], [.. "2015-10-11T00:26:"u8, 0xC3, 0xA9, .. "1+0100"u8],
        [.. "2015-10-11T00:26:51+01"u8, 0xED, 0xA0, 0x80], Enumerable.Repeat((byte)0xFF, 100_000).ToArray(),
        [.. "5 MINUTES"u8, 0xC0],
    ];

    [Fact]
    public void EntryPoints_AreTheOnesTheApiDocuments()
    {
        var names = EntryPoints.Select(ArgumentValidationTest.Describe).ToArray();

        Assert.Contains("OffsetTimestamp.TryParse(ReadOnlySpan<Byte>, out Instant, out ParseError)", names);
        Assert.Contains("OffsetTimestamp.TryParse(ReadOnlySpan<Char>, DateTimeZone, ZoneLocalMappingResolver, out Instant, out ParseError)", names);
        Assert.Contains("RunInterval.TryParse(ReadOnlySpan<Char>, out RunInterval, out ParseError)", names);
        Assert.Contains("OffsetTimestamp.Parse(ReadOnlySpan<Byte>)", names);
        Assert.Contains("LookbackDuration.Parse(ReadOnlySpan<Char>)", names);
        Assert.Contains("PathPattern.TryParse(ReadOnlySpan<Byte>, out PathPattern, out ParseError)", names);
        Assert.All(EntryPoints, m => Assert.True(TextKind(m.GetParameters()[0].ParameterType) is not null, $"{m}: the text is not the first parameter"));
        Assert.Equal(29, EntryPoints.Length);
    }

    [Theory]
    [MemberData(nameof(InvalidEverywhere), DisableDiscoveryEnumeration = true)] // lone surrogates do not survive xunit's serialisation
    public void EntryPoints_InvalidText_FailWithoutThrowing(string? text)
    {
        foreach (var (method, success, _, _) in RunAll(text, null))
        {
            Assert.False(success, $"{ArgumentValidationTest.Describe(method)} accepted {Show(text)}");
        }
    }

    [Theory]
    [MemberData(nameof(InvalidButLiteralText), DisableDiscoveryEnumeration = true)] // lone surrogates do not survive xunit's serialisation
    public void EntryPoints_TextThatIsOnlyLiteral_Fail(string text)
    {
        // A path pattern fails too: without a year it names no time, and an unquoted letter is an unsupported field.
        foreach (var (method, success, _, _) in RunAll(text, null))
        {
            Assert.False(success, $"{ArgumentValidationTest.Describe(method)} accepted {Show(text)}");
        }
    }

    [Theory]
    [MemberData(nameof(InvalidUtf8), DisableDiscoveryEnumeration = true)] // lone surrogates do not survive xunit's serialisation
    public void Utf8EntryPoints_InvalidBytes_FailWithoutThrowing(byte[] utf8)
    {
        var results = RunAll(null, utf8);

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.False(r.Success, $"{ArgumentValidationTest.Describe(r.Method)} accepted {Convert.ToHexString(utf8[..Math.Min(40, utf8.Length)])}"));
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59", "America/Los_Angeles")]
    [InlineData("9999-12-31T16:00:00", "America/Los_Angeles")]
    [InlineData("9999-12-31 12:00:00.5", "Etc/GMT+12")]
    public void ZoneOverloads_LocalTimeAfterInstantMaxValue_FailInsteadOfThrowingOverflow(string text, string zoneId)
    {
        // NodaTime's ZonedDateTime.ToInstant throws OverflowException here; the Try methods used to let it out.
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        foreach (var resolver in ResolversToTry)
        {
            Assert.False(OffsetTimestamp.TryParse(text.AsSpan(), zone, resolver, out var value, out var error));
            Assert.Equal((default(Instant), 0, ParseErrorReasons.InstantOutOfRange), (value, error.Position, error.Reason));
            Assert.False(OffsetTimestamp.TryParse(System.Text.Encoding.UTF8.GetBytes(text), zone, resolver, out _, out error));
            Assert.Equal(ParseErrorReasons.InstantOutOfRange, error.Reason);
            Assert.StartsWith(ParseErrorReasons.InstantOutOfRange, Assert.Throws<FormatException>(() => OffsetTimestamp.ParseOrThrow(text, zone, resolver)).Message, StringComparison.Ordinal);
        }
        // The last local instant that still fits: 9999-12-31T15:59:59.9999999 in Los Angeles (UTC-8) is 23:59:59.9999999Z.
        Assert.True(OffsetTimestamp.TryParse("9999-12-31T15:59:59.9999999".AsSpan(), DateTimeZoneProviders.Tzdb["America/Los_Angeles"], Resolvers.LenientResolver, out var last, out _));
        Assert.Equal(Instant.FromUtc(9999, 12, 31, 23, 59, 59).PlusTicks(9_999_999), last);
    }

    [Property(MaxTest = 400)]
    public Property EntryPoints_AnyText_NeverThrowAndAgreeWithEachOther() =>
        Prop.ForAll(Arb.From(Generators.HostileText), text =>
        {
            var results = RunAll(text, null);
            // The overloads of one method (string, chars, UTF-8 when the text survives UTF-8; Parse and TryParse) accept
            // the same texts. Methods differ on purpose: epoch values go past Instant's range (9999-12-31T23:59:59-0001),
            // the zone overloads of OffsetTimestamp also accept local times.
            bool utf8RoundTrips = text is null || Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) == text;
            var disagreeing = results
                .Where(r => utf8RoundTrips || TextKind(r.Method.GetParameters()[0].ParameterType) != typeof(byte))
                .GroupBy(r => (r.Method.DeclaringType, r.Method.Name.Replace("TryParse", "Parse", StringComparison.Ordinal), HasZone(r.Method), r.Zone, r.Resolver))
                .Where(g => g.Select(r => r.Success).Distinct().Count() > 1)
                .Select(g => string.Join(", ", g.Select(r => $"{ArgumentValidationTest.Describe(r.Method)} = {r.Success}")));
            return (!disagreeing.Any()).Label($"{Show(text)}: {string.Join("; ", disagreeing)}");
        });

    [Property(MaxTest = 400)]
    public Property Utf8EntryPoints_AnyBytes_NeverThrowAndAgreeWithTheCharOverloads() =>
        Prop.ForAll(Arb.From(Generators.HostileUtf8), utf8 =>
        {
            var results = RunAll(null, utf8);
            // Valid UTF-8 decodes to the same text for the char overloads; invalid UTF-8 must fail.
            string? decoded = TryDecode(utf8);
            var wrong = results.Where(r =>
                    decoded is null ? r.Success
                    : r.Success != Run(CharTwin(r.Method), decoded, null, r.Zone, r.Resolver).Success)
                .Select(r => ArgumentValidationTest.Describe(r.Method));
            return (!wrong.Any()).Label($"{Convert.ToHexString(utf8)}: {string.Join(", ", wrong)}");
        });

    /// <summary>Runs every entry point that takes this kind of input; a throw fails the test with the method and input.</summary>
    private static List<(MethodInfo Method, bool Success, DateTimeZone? Zone, ZoneLocalMappingResolver? Resolver)> RunAll(string? text, byte[]? utf8)
    {
        var results = new List<(MethodInfo, bool, DateTimeZone?, ZoneLocalMappingResolver?)>();
        foreach (var method in EntryPoints)
        {
            var kind = TextKind(method.GetParameters()[0].ParameterType);
            if (utf8 is not null && kind != typeof(byte))
            {
                continue;
            }
            if (utf8 is null && text is null && kind == typeof(string) && !AllowsNull(method))
            {
                continue; // a null for a non-nullable string is misuse: ArgumentValidationTest covers it
            }
            foreach (var zone in HasZone(method) ? ZonesToTry : [null!])
            {
                foreach (var resolver in HasZone(method) ? ResolversToTry : [null!])
                {
                    results.Add((method, Run(method, text, utf8, zone, resolver).Success, zone, resolver));
                }
            }
        }
        return results;
    }

    private static (bool Success, object?[] Args) Run(MethodInfo method, string? text, byte[]? utf8, DateTimeZone? zone, ZoneLocalMappingResolver? resolver)
    {
        var parameters = method.GetParameters();
        var args = new object?[parameters.Length];
        var kind = TextKind(parameters[0].ParameterType);
        args[0] = kind == typeof(string) ? text
            : kind == typeof(char) ? (text ?? "").ToCharArray()
            : utf8 ?? Encoding.UTF8.GetBytes(text ?? "");
        for (int i = 1; i < parameters.Length; i++)
        {
            var type = parameters[i].ParameterType;
            args[i] = type == typeof(DateTimeZone) ? zone : type == typeof(ZoneLocalMappingResolver) ? resolver : null;
        }
        object? result;
        try
        {
            result = ApiInvoker.For(method)(null, args);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{ArgumentValidationTest.Describe(method)} threw {e.GetType().Name} for {(utf8 is null ? Show(text) : Convert.ToHexString(utf8))}: {e}");
        }
        bool success = result is bool b ? b : (bool)result!.GetType().GetProperty("Success")!.GetValue(result)!;
        if (!success)
        {
            CheckFailure(method, result!, args);
        }
        return (success, args);
    }

    /// <summary>A failure carries a reason and leaves the out value at its default; a failed ParseResult throws FormatException on demand.</summary>
    private static void CheckFailure(MethodInfo method, object result, object?[] args)
    {
        var parameters = method.GetParameters();
        for (int i = 1; i < parameters.Length; i++)
        {
            if (!parameters[i].IsOut)
            {
                continue;
            }
            var type = parameters[i].ParameterType.GetElementType()!;
            if (type == typeof(ParseError))
            {
                Assert.False(string.IsNullOrEmpty(((ParseError)args[i]!).Reason), $"{method}: failure without a reason");
            }
            else
            {
                Assert.Equal(type.IsValueType ? Activator.CreateInstance(type) : null, args[i]);
            }
        }
        if (result is not bool)
        {
            var error = (ParseError)result.GetType().GetProperty("Error")!.GetValue(result)!;
            Assert.False(string.IsNullOrEmpty(error.Reason), $"{method}: failure without a reason");
            var thrown = Assert.Throws<TargetInvocationException>(() => result.GetType().GetMethod("GetValueOrThrow")!.Invoke(result, null));
            Assert.IsType<FormatException>(thrown.InnerException);
        }
    }

    /// <summary>string, char (ReadOnlySpan&lt;char&gt;) or byte (ReadOnlySpan&lt;byte&gt;); null for anything else.</summary>
    private static Type? TextKind(Type type) =>
        type == typeof(string) ? typeof(string)
        : type == typeof(ReadOnlySpan<char>) ? typeof(char)
        : type == typeof(ReadOnlySpan<byte>) ? typeof(byte)
        : null;

    private static bool HasZone(MethodInfo method) => method.GetParameters().Any(p => p.ParameterType == typeof(DateTimeZone));

    private static bool AllowsNull(MethodInfo method) => Nullability.Create(method.GetParameters()[0]).WriteState == NullabilityState.Nullable;

    /// <summary>The ReadOnlySpan&lt;char&gt; overload with the same name and the same other parameters.</summary>
    private static MethodInfo CharTwin(MethodInfo utf8Method) =>
        EntryPoints.Single(m => m.Name == utf8Method.Name && m.ReturnType == utf8Method.ReturnType
            && m.GetParameters().Skip(1).Select(p => p.ParameterType).SequenceEqual(utf8Method.GetParameters().Skip(1).Select(p => p.ParameterType))
            && m.GetParameters()[0].ParameterType == typeof(ReadOnlySpan<char>));

    private static string? TryDecode(byte[] utf8)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string Show(string? text) =>
        text is null ? "null" : text.Length > 60 ? $"'{Escape(text[..60])}…' ({text.Length} chars)" : $"'{Escape(text)}'";

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}

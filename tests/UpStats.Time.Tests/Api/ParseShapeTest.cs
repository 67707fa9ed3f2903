using System.Reflection;
using NodaTime;
using UpStats.Time.Parsing;
using UpStats.Time.Paths;
using UpStats.Time.Scheduling;

namespace UpStats.Time.Tests.Api;

/// <summary>
/// One parse shape for every text type, checked by reflection over the whole assembly so that a new text type cannot
/// drift. A <em>text type</em> is a public type with a public static method whose name starts with <c>Parse</c> or
/// <c>TryParse</c> (the column parsers, which write into spans and return <see cref="ColumnParseResult"/>, are a
/// different idea and are left out). Each text type of value <c>T</c> has exactly NodaTime's and Utf8Parser's members:
/// <list type="bullet">
/// <item><c>Parse(string)</c>, <c>Parse(ReadOnlySpan&lt;char&gt;)</c>, <c>Parse(ReadOnlySpan&lt;byte&gt;)</c> → <c>ParseResult&lt;T&gt;</c>;</item>
/// <item><c>TryParse(ReadOnlySpan&lt;char&gt;, out T, out ParseError)</c> and <c>TryParse(ReadOnlySpan&lt;byte&gt;, out T, out ParseError)</c> → <c>bool</c>;</item>
/// <item><c>ParseOrThrow(string)</c> → <c>T</c>;</item>
/// </list>
/// and every other parse method it has is one of those shapes with extra inputs after the text (a zone and a
/// resolver), or a <c>TryParse…</c> variant with another output (epoch seconds), always in both encodings.
/// </summary>
public class ParseShapeTest
{
    private static readonly Assembly Library = typeof(ParseResult<>).Assembly;

    private static bool IsParseMethod(MethodInfo m) =>
        (m.Name.StartsWith("Parse", StringComparison.Ordinal) || m.Name.StartsWith("TryParse", StringComparison.Ordinal))
        && m.ReturnType != typeof(ColumnParseResult);

    private static MethodInfo[] ParseMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(IsParseMethod).ToArray();

    /// <summary>Every public type with a parse method, with the value type its <c>Parse(string)</c> gives.</summary>
    private static readonly Type[] TextTypes = Library.GetExportedTypes().Where(t => ParseMethods(t).Length > 0).OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

    [Fact]
    public void TextTypes_AreTheFourTheLibraryReads()
    {
        // If the search found nothing, every other assertion here would pass vacuously.
        Assert.Equal([typeof(LookbackDuration), typeof(OffsetTimestamp), typeof(PathPattern), typeof(RunInterval)], TextTypes);
    }

    public static TheoryData<Type, Type> TypesAndValues() => new()
    {
        { typeof(OffsetTimestamp), typeof(Instant) },
        { typeof(RunInterval), typeof(RunInterval) },
        { typeof(LookbackDuration), typeof(LookbackDuration) },
        { typeof(PathPattern), typeof(PathPattern) },
    };

    [Theory]
    [MemberData(nameof(TypesAndValues))]
    public void TextType_HasTheSixMembersOfTheShape(Type type, Type value)
    {
        var result = typeof(ParseResult<>).MakeGenericType(value);
        AssertMethod(type, "Parse", result, typeof(string));
        AssertMethod(type, "Parse", result, typeof(ReadOnlySpan<char>));
        AssertMethod(type, "Parse", result, typeof(ReadOnlySpan<byte>));
        AssertMethod(type, "TryParse", typeof(bool), typeof(ReadOnlySpan<char>), value.MakeByRefType(), typeof(ParseError).MakeByRefType());
        AssertMethod(type, "TryParse", typeof(bool), typeof(ReadOnlySpan<byte>), value.MakeByRefType(), typeof(ParseError).MakeByRefType());
        AssertMethod(type, "ParseOrThrow", value, typeof(string));
    }

    [Fact]
    public void EveryParseMethod_HasOneOfTheShapes_AndItsTwins()
    {
        var failures = new List<string>();
        foreach (var type in TextTypes)
        {
            var methods = ParseMethods(type);
            var value = methods.Single(m => m.Name == "ParseOrThrow" && Texts(m).SequenceEqual([typeof(string)])).ReturnType;
            foreach (var m in methods)
            {
                string? problem = Problem(m, value, methods);
                if (problem is not null)
                {
                    failures.Add($"{ArgumentValidationTest.Describe(m)}: {problem}");
                }
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void Problem_FindsTheShapesThatDrift()
    {
        // The rule itself must be able to fail: the shapes 0.x had are all rejected.
        var old = typeof(OldShapes).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);
        Assert.All(old, m => Assert.NotNull(Problem(m, typeof(Instant), old)));
    }

    /// <summary>Why <paramref name="m"/> breaks the shape, or null when it keeps it.</summary>
    private static string? Problem(MethodInfo m, Type value, MethodInfo[] all)
    {
        var parameters = m.GetParameters();
        var first = parameters.Length > 0 ? parameters[0].ParameterType : null;
        var extras = Texts(m).Skip(1).ToArray();
        var resultType = typeof(ParseResult<>).MakeGenericType(value);
        switch (m.Name)
        {
            case "Parse":
                if (m.ReturnType != resultType)
                {
                    return $"Parse returns {m.ReturnType.Name}, not ParseResult<{value.Name}>";
                }
                if (first != typeof(string) && first != typeof(ReadOnlySpan<char>) && first != typeof(ReadOnlySpan<byte>))
                {
                    return "the text is not the first parameter (string, ReadOnlySpan<char> or ReadOnlySpan<byte>)";
                }
                if (parameters.Any(p => p.IsOut))
                {
                    return "Parse has an out parameter";
                }
                // Extra inputs (a zone) come in the whole family: the throwing form and both Try forms.
                return first == typeof(string) && (Find(all, "ParseOrThrow", value, [typeof(string), .. extras]) is null
                        || FindTry(all, "TryParse", value, typeof(ReadOnlySpan<char>), extras) is null
                        || FindTry(all, "TryParse", value, typeof(ReadOnlySpan<byte>), extras) is null)
                    ? "no ParseOrThrow or TryParse with the same extra inputs"
                    : null;
            case "ParseOrThrow":
                return m.ReturnType != value ? $"ParseOrThrow returns {m.ReturnType.Name}, not {value.Name}"
                    : first != typeof(string) ? "ParseOrThrow does not take a string first"
                    : parameters.Any(p => p.IsOut) ? "ParseOrThrow has an out parameter"
                    : Find(all, "Parse", resultType, [typeof(string), .. extras]) is null ? "no Parse with the same inputs"
                    : null;
            default:
                if (!m.Name.StartsWith("TryParse", StringComparison.Ordinal))
                {
                    return $"'{m.Name}' is not Parse, TryParse… or ParseOrThrow";
                }
                if (m.ReturnType != typeof(bool))
                {
                    return "a TryParse method returns something other than bool";
                }
                if (first != typeof(ReadOnlySpan<char>) && first != typeof(ReadOnlySpan<byte>))
                {
                    return "a TryParse method does not take ReadOnlySpan<char> or ReadOnlySpan<byte> first";
                }
                if (parameters.Length < 3 || !parameters[^2].IsOut || parameters[^1].ParameterType != typeof(ParseError).MakeByRefType() || !parameters[^1].IsOut)
                {
                    return "a TryParse method does not end with (out value, out ParseError)";
                }
                if (m.Name == "TryParse" && parameters[^2].ParameterType != value.MakeByRefType())
                {
                    return $"TryParse gives {parameters[^2].ParameterType.GetElementType()!.Name}, not {value.Name}";
                }
                var twin = first == typeof(ReadOnlySpan<char>) ? typeof(ReadOnlySpan<byte>) : typeof(ReadOnlySpan<char>);
                return FindTry(all, m.Name, parameters[^2].ParameterType.GetElementType()!, twin, extras) is null
                    ? $"no {m.Name} over {(twin == typeof(ReadOnlySpan<byte>) ? "UTF-8" : "UTF-16")} with the same parameters"
                    : null;
        }
    }

    /// <summary>The parameter types before the out parameters.</summary>
    private static IEnumerable<Type> Texts(MethodInfo m) => m.GetParameters().Where(p => !p.IsOut).Select(p => p.ParameterType);

    private static MethodInfo? Find(MethodInfo[] all, string name, Type returns, Type[] inputs) =>
        all.FirstOrDefault(m => m.Name == name && m.ReturnType == returns && Texts(m).SequenceEqual(inputs) && !m.GetParameters().Any(p => p.IsOut));

    private static MethodInfo? FindTry(MethodInfo[] all, string name, Type value, Type text, Type[] extras) =>
        all.FirstOrDefault(m => m.Name == name && m.ReturnType == typeof(bool)
            && Texts(m).SequenceEqual([text, .. extras])
            && m.GetParameters() is { Length: >= 3 } p && p[^2].ParameterType == value.MakeByRefType() && p[^1].ParameterType == typeof(ParseError).MakeByRefType());

    private static void AssertMethod(Type type, string name, Type returns, params Type[] parameters)
    {
        var m = type.GetMethod(name, BindingFlags.Public | BindingFlags.Static, parameters);
        Assert.True(m is not null, $"{type.Name}.{name}({string.Join(", ", parameters.Select(p => p.Name))}) is missing");
        Assert.Equal(returns, m.ReturnType);
        Assert.All(m.GetParameters().Where(p => p.ParameterType.IsByRef), p => Assert.True(p.IsOut, $"{type.Name}.{name}: {p.Name} is ref, not out"));
    }

    /// <summary>Shapes that must be rejected: what the library had before one shape was chosen, and near misses.</summary>
    private static class OldShapes
    {
        public static Instant Parse(string text) => default;

        public static long ParseEpochSeconds(string text) => 0;

        public static bool TryParse(string? text, out Instant value)
        {
            value = default;
            return false;
        }

        public static bool TryParseEpochTicks(ReadOnlySpan<char> text, out long value, out ParseError error)
        {
            value = 0;
            error = default;
            return false;
        }

        public static ParseResult<Instant> ParseOrThrow(string text) => default;
    }
}

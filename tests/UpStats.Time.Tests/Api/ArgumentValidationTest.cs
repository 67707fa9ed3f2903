using System.Reflection;
using Xunit.Abstractions;

namespace UpStats.Time.Tests.Api;

/// <summary>
/// The argument-validation contract of the public API, checked over every public member by reflection: a null
/// for a parameter declared non-nullable (<c>string</c>, not <c>string?</c>, read with
/// <see cref="NullabilityInfoContext"/>) throws <see cref="ArgumentNullException"/> naming that parameter, with
/// every other argument valid (<see cref="ApiSamples"/>). A member added later is checked without touching this
/// file; one that cannot be called automatically fails the test until it is listed below with a reason.
/// </summary>
public class ArgumentValidationTest(ITestOutputHelper output)
{
    private static readonly Assembly Library = typeof(UpStats.Time.Grid.LocalClockGrid).Assembly;

    /// <summary>
    /// Members not called automatically, with why (keep this short). Generic types are not listed: none of their
    /// members takes a reference-type parameter other than a type parameter, which the test checks.
    /// </summary>
    private static readonly Dictionary<string, string> NotInvoked = [];

    [Fact]
    public void PublicMembers_NullForNonNullableReferenceParameter_ThrowArgumentNullExceptionWithItsName()
    {
        var context = new NullabilityInfoContext();
        var failures = new List<string>();
        var checkedCases = new List<string>();
        foreach (var member in PublicMembers())
        {
            var parameters = member.GetParameters();
            for (int i = 0; i < parameters.Length; i++)
            {
                var p = parameters[i];
                if (p.ParameterType.IsByRef || p.ParameterType.IsValueType || p.ParameterType.IsGenericParameter
                    || p.ParameterType.ContainsGenericParameters || context.Create(p).WriteState != NullabilityState.NotNull)
                {
                    continue;
                }
                string name = $"{Describe(member)} with {p.Name} = null";
                if (NotInvoked.ContainsKey(Describe(member)))
                {
                    continue;
                }
                if (member.DeclaringType!.ContainsGenericParameters || member.ContainsGenericParameters)
                {
                    failures.Add($"{name}: generic, cannot be called automatically; list it in NotInvoked with a reason and test it by hand");
                    continue;
                }
                if (!TryArguments(member, i, out var target, out var args, out var missing))
                {
                    failures.Add($"{name}: {missing}");
                    continue;
                }
                checkedCases.Add(name);
                try
                {
                    ApiInvoker.For(member)(target, args);
                    failures.Add($"{name}: did not throw");
                }
                catch (ArgumentNullException e) when (e.ParamName == p.Name)
                {
                }
                catch (Exception e)
                {
                    failures.Add($"{name}: threw {e.GetType().Name} (ParamName {(e as ArgumentException)?.ParamName ?? "none"}): {e.Message}");
                }
            }
        }
        output.WriteLine($"{checkedCases.Count} null cases called:");
        checkedCases.ForEach(output.WriteLine);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        // The walk must reach the members it exists for (a broken filter would pass vacuously).
        Assert.Contains(checkedCases, c => c.StartsWith("HiveStatementRenderer.AddPartition(String, RegisterAction) with table", StringComparison.Ordinal));
        Assert.Contains(checkedCases, c => c.StartsWith("OffsetTimestamp.TryParse(ReadOnlySpan<Byte>, DateTimeZone, ZoneLocalMappingResolver, out Instant, out ParseError) with zone", StringComparison.Ordinal));
        Assert.True(checkedCases.Count >= 30, $"only {checkedCases.Count} cases");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("db.")]
    [InlineData("`db.events")]
    public void Renderers_MalformedTable_ThrowArgumentExceptionNamingTable(string table)
    {
        var plan = ApiSamples.Plan();
        var action = plan.Actions.OfType<UpStats.Time.Partitioning.RegisterAction>().First();

        Assert.Equal("table", Assert.ThrowsAny<ArgumentException>(() => UpStats.Time.Rendering.HiveStatementRenderer.AddPartition(table, action)).ParamName);
        Assert.Equal("table", Assert.ThrowsAny<ArgumentException>(() => UpStats.Time.Rendering.HiveStatementRenderer.Render(plan, table)).ParamName);
        Assert.Equal("table", Assert.ThrowsAny<ArgumentException>(() => UpStats.Time.Rendering.TrinoStatementRenderer.RegisterPartition(table, action)).ParamName);
        Assert.Equal("table", Assert.ThrowsAny<ArgumentException>(() => UpStats.Time.Rendering.TrinoStatementRenderer.Render(plan, table)).ParamName);
    }

    [Fact]
    public void NotInvoked_ListsOnlyExistingMembers()
    {
        var all = PublicMembers().Select(Describe).ToHashSet();
        Assert.All(NotInvoked.Keys, k => Assert.Contains(k, all));
    }

    /// <summary>Every public constructor and declared public method (accessors and operators included) of every public class and struct.</summary>
    internal static IEnumerable<MethodBase> PublicMembers() =>
        Library.GetExportedTypes()
            .Where(t => !t.IsEnum && !t.IsInterface && !typeof(Delegate).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .SelectMany(t => t.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Cast<MethodBase>()
                .Concat(t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
            .Where(m => !m.IsAbstract);

    internal static string Describe(MethodBase member) =>
        $"{member.DeclaringType!.Name}.{(member is ConstructorInfo ? "ctor" : member.Name)}({string.Join(", ", member.GetParameters().Select(p => (p.IsOut ? "out " : "") + TypeName(p.ParameterType)))})";

    private static string TypeName(Type type) =>
        type.IsByRef ? TypeName(type.GetElementType()!)
        : type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
        : type.Name;

    private static bool TryArguments(MethodBase member, int nullIndex, out object? target, out object?[] args, out string missing)
    {
        var parameters = member.GetParameters();
        args = new object?[parameters.Length];
        target = null;
        missing = "";
        if (member is MethodInfo { IsStatic: false } && !ApiSamples.TryGetInstance(member.DeclaringType!, out target))
        {
            missing = $"no sample instance of {member.DeclaringType}";
            return false;
        }
        for (int k = 0; k < parameters.Length; k++)
        {
            if (k != nullIndex && !ApiSamples.TryGet(member, parameters[k], out args[k], out missing))
            {
                return false;
            }
        }
        return true;
    }
}

using System.Reflection;
using System.Text;
using NodaTime.Testing;
using NodaTime.TimeZones;
using UpStats.Time.Grid;
using UpStats.Time.Partitioning;
using UpStats.Time.Paths;
using UpStats.Time.Rendering;
using UpStats.Time.Scheduling;
using UpStats.Time.Scheduling.Windows;

namespace UpStats.Time.Tests.Api;

/// <summary>
/// Valid sample arguments for the library's public members, so that a reflection test can call a member with
/// one argument null and all the others valid: the only reason left to throw is the null.
/// </summary>
internal static class ApiSamples
{
    public const string Timestamp = "2015-10-11T00:26:51+0100";

    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    public static readonly Instant Now = Instant.FromUtc(2024, 11, 5, 0, 0);

    /// <summary>A valid string per declaring type and parameter name (<c>Type.parameter</c>).</summary>
    private static readonly Dictionary<string, string> Strings = new()
    {
        ["OffsetTimestamp.text"] = Timestamp,
        ["RunInterval.text"] = "5 MINUTES",
        ["LookbackDuration.text"] = "30d",
        ["PathPattern.text"] = "dt={yyyy}-{MM}-{dd}/hr={HH}",
        ["PathLayout.prefix"] = "events/",
        ["HiveStatementRenderer.table"] = "db.events_pt",
        ["TrinoStatementRenderer.table"] = "web.events_pt",
        ["RegistrationOptions.sourceRoot"] = "s3://bucket/events",
    };

    /// <summary>Value-type arguments whose default would be invalid, by parameter name.</summary>
    private static readonly Dictionary<string, object> ByName = new()
    {
        ["minutes"] = 60,
        ["hours"] = 1,
        ["days"] = 1,
        ["stepMinutes"] = 60,
        ["expectedPanes"] = 16,
        ["to"] = new LocalDate(2024, 11, 4),
    };

    /// <summary>A fresh valid value per type (fresh, so a setter given null cannot spoil the next call).</summary>
    private static readonly Dictionary<Type, Func<object>> ByType = new()
    {
        [typeof(DateTimeZone)] = () => Berlin,
        [typeof(IClock)] = () => new FakeClock(Now),
        [typeof(ZoneLocalMappingResolver)] = () => Resolvers.LenientResolver,
        [typeof(LocalClockGrid)] = () => LocalClockGrid.EveryMinutes(Berlin, 60),
        [typeof(PartitionMap)] = () => PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour),
        [typeof(SourceLayout)] = () => SourceLayout.UtcHourly,
        [typeof(RegistrationOptions)] = () => new RegistrationOptions("s3://bucket/events"),
        [typeof(PathPattern)] = () => PathPattern.Hourly,
        [typeof(PathLayout)] = () => new PathLayout(PathPattern.Hourly, "events/", Berlin),
        [typeof(RegistrationPlan)] = Plan,
        [typeof(RegisterAction)] = () => Plan().Actions.OfType<RegisterAction>().First(),
        [typeof(Instant)] = () => Instant.FromUtc(2024, 11, 3, 9, 30),
        [typeof(LocalDate)] = () => new LocalDate(2024, 11, 3),
        [typeof(LocalDateTime)] = () => new LocalDateTime(2024, 11, 3, 1, 0),
        [typeof(Duration)] = () => Duration.FromHours(1),
        [typeof(PartitionGranularity)] = () => PartitionGranularity.Hour,
        [typeof(RunInterval)] = () => RunInterval.FromMinutes(5),
        [typeof(ScheduleTime)] = () => ScheduleTime.At(Instant.FromUtc(2024, 11, 3, 0, 0)),
        [typeof(TaskSchedule)] = () => TaskSchedule.Create(Instant.FromUtc(2024, 11, 3, 0, 0), RunInterval.FromMinutes(60), Now, zone: Berlin),
        [typeof(CalendarWindows)] = () => new CalendarWindows(Berlin),
        [typeof(EventTimeAssigner)] = () => new EventTimeAssigner(new FakeClock(Now)),
    };

    public static RegistrationPlan Plan() =>
        RegistrationPlan.Create(
            PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour),
            new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 4), new FakeClock(Now), new RegistrationOptions("s3://bucket/events"));

    /// <summary>A valid argument for <paramref name="parameter"/> of <paramref name="member"/>, or why there is none.</summary>
    public static bool TryGet(MethodBase member, ParameterInfo parameter, out object? value, out string missing)
    {
        var type = parameter.ParameterType.IsByRef ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
        missing = "";
        value = null;
        if (parameter.IsOut)
        {
            return true;
        }
        if (type == typeof(string))
        {
            string key = $"{member.DeclaringType!.Name}.{parameter.Name}";
            if (Strings.TryGetValue(key, out var text))
            {
                value = text;
                return true;
            }
            missing = $"no sample string for {key}";
            return false;
        }
        if (parameter.Name is { } name && ByName.TryGetValue(name, out var byName) && byName.GetType() == type)
        {
            value = byName;
            return true;
        }
        if (ByType.TryGetValue(type, out var factory))
        {
            value = factory();
            return true;
        }
        if (ApiInvoker.SpanArrayType(type) is { } array)
        {
            var element = array.GetElementType()!;
            value = element == typeof(byte) ? Encoding.UTF8.GetBytes(Timestamp)
                : element == typeof(char) ? Timestamp.ToCharArray()
                : Array.CreateInstance(element, 8);
            return true;
        }
        if (type.IsValueType)
        {
            value = Activator.CreateInstance(type);
            return true;
        }
        missing = $"no sample value of type {type}";
        return false;
    }

    /// <summary>An instance to call an instance member on.</summary>
    public static bool TryGetInstance(Type type, out object? instance)
    {
        if (ByType.TryGetValue(type, out var factory))
        {
            instance = factory();
            return true;
        }
        instance = type.IsValueType ? Activator.CreateInstance(type) : null;
        return instance is not null;
    }
}

using NodaTime.Testing;
using UpStats.Time.Grid;
using UpStats.Time.Partitioning;
using UpStats.Time.Paths;
using UpStats.Time.Rendering;
using UpStats.Time.Scheduling;
using UpStats.Time.Scheduling.Windows;

namespace UpStats.Time.Tests.Api;

/// <summary>
/// The other half of the argument-validation contract, as a table: a value out of range or malformed throws
/// <see cref="ArgumentOutOfRangeException"/> or <see cref="ArgumentException"/> (never a bare exception, never a
/// silently wrong result) whose <c>ParamName</c> is the public parameter's name. One row per documented
/// <c>&lt;exception&gt;</c> of the public API.
/// </summary>
public class ArgumentRangeTest
{
    private static readonly DateTimeZone Berlin = ApiSamples.Berlin;
    private static readonly Instant T = Instant.FromUtc(2024, 11, 3, 9, 30);

    public static TheoryData<string> Cases() => [.. Table.Keys];

    private static readonly Dictionary<string, (Type Exception, string ParamName, Action Call)> Table = new()
    {
        ["LocalClockGrid.EveryMinutes 7"] = (typeof(ArgumentOutOfRangeException), "minutes", () => LocalClockGrid.EveryMinutes(Berlin, 7)),
        ["LocalClockGrid.EveryMinutes 0"] = (typeof(ArgumentOutOfRangeException), "minutes", () => LocalClockGrid.EveryMinutes(Berlin, 0)),
        ["LocalClockGrid.EveryDays 0"] = (typeof(ArgumentOutOfRangeException), "days", () => LocalClockGrid.EveryDays(Berlin, 0, new LocalDate(2024, 1, 1))),
        ["LocalClockGrid.EveryDays int.MaxValue"] = (typeof(ArgumentOutOfRangeException), "days", () => LocalClockGrid.EveryDays(Berlin, int.MaxValue, new LocalDate(2024, 1, 1))),
        ["LocalClockGrid.InstantsOf off the grid"] = (typeof(ArgumentException), "label", () => LocalClockGrid.EveryMinutes(Berlin, 60).InstantsOf(new LocalDateTime(2024, 1, 1, 0, 30))),
        ["RunInterval.FromMinutes 7"] = (typeof(ArgumentOutOfRangeException), "minutes", () => RunInterval.FromMinutes(7)),
        ["RunInterval.FromHours 5"] = (typeof(ArgumentOutOfRangeException), "hours", () => RunInterval.FromHours(5)),
        ["RunInterval.FromHours int.MaxValue"] = (typeof(ArgumentOutOfRangeException), "hours", () => RunInterval.FromHours(int.MaxValue)),
        ["RunInterval.FromDays 0"] = (typeof(ArgumentOutOfRangeException), "days", () => RunInterval.FromDays(0)),
        ["RunInterval.FromDays int.MinValue"] = (typeof(ArgumentOutOfRangeException), "days", () => RunInterval.FromDays(int.MinValue)),
        ["LookbackDuration.FromDuration negative"] = (typeof(ArgumentOutOfRangeException), "duration", () => LookbackDuration.FromDuration(Duration.FromTicks(-1))),
        ["LookbackDuration.FromDuration nanosecond"] = (typeof(ArgumentOutOfRangeException), "duration", () => LookbackDuration.FromDuration(Duration.FromNanoseconds(1))),
        ["LookbackDuration.FromDuration too long"] = (typeof(ArgumentOutOfRangeException), "duration", () => LookbackDuration.FromDuration(Duration.FromDays(100_001))),
        ["TaskSchedule.Create END_AT before START_FROM"] = (typeof(ArgumentException), "endAt", () => TaskSchedule.Create(T, RunInterval.OneMinute, T - Duration.FromTicks(1))),
        ["WindowMath.TumblingStart size 0"] = (typeof(ArgumentOutOfRangeException), "size", () => WindowMath.TumblingStart(T, Duration.Zero)),
        ["WindowMath.TumblingWindow size nanosecond"] = (typeof(ArgumentOutOfRangeException), "size", () => WindowMath.TumblingWindow(T, Duration.FromNanoseconds(1))),
        ["WindowMath.TumblingStart offset nanosecond"] = (typeof(ArgumentOutOfRangeException), "offset", () => WindowMath.TumblingStart(T, Duration.FromHours(1), Duration.FromNanoseconds(1))),
        ["WindowMath.SlidingWindowsContaining slide negative"] = (typeof(ArgumentOutOfRangeException), "slide", () => WindowMath.SlidingWindowsContaining(T, Duration.FromHours(1), Duration.FromMinutes(-5))),
        ["WindowMath.SlidingWindowsContaining more than int.MaxValue windows"] = (typeof(ArgumentOutOfRangeException), "slide", () => WindowMath.SlidingWindowsContaining(T, Duration.FromDays(1), Duration.FromTicks(1))),
        ["WindowMath.TumblingStart size Duration.MaxValue"] = (typeof(ArgumentOutOfRangeException), "size", () => WindowMath.TumblingStart(T, Duration.MaxValue)),
        ["WindowMath.TumblingWindow offset Duration.MinValue"] = (typeof(ArgumentOutOfRangeException), "offset", () => WindowMath.TumblingWindow(T, Duration.FromHours(1), Duration.MinValue)),
        ["WindowMath.SlidingWindowsContaining slide Duration.MaxValue"] = (typeof(ArgumentOutOfRangeException), "slide", () => WindowMath.SlidingWindowsContaining(T, Duration.FromHours(1), Duration.MaxValue)),
        ["SlidingWindowsContaining indexer past the end"] = (typeof(ArgumentOutOfRangeException), "index", () => _ = WindowMath.SlidingWindowsContaining(T, Duration.FromHours(1), Duration.FromMinutes(20))[3]),
        ["PaneWindow.Push end before start"] = (typeof(ArgumentException), "end", () => PaneWindow.Subtracting<long, CountAggregate>().Push(T, T - Duration.FromTicks(1), 1)),
        ["PaneWindow.Push before the previous pane's end"] = (typeof(ArgumentException), "start", () => PushTwice(T, T + Duration.FromMinutes(1), T)),
        ["PaneWindow.Advance task before the previous pane's end"] = (typeof(ArgumentException), "task", AdvanceBackwards),
        ["PartitionMap.For undefined granularity"] = (typeof(ArgumentOutOfRangeException), "granularity", () => PartitionMap.For(Berlin, (PartitionGranularity)7)),
        ["PartitionMap.Partition key of the other granularity"] = (typeof(ArgumentException), "key", () => PartitionMap.For(Berlin, PartitionGranularity.Hour).Partition(new LocalPartitionKey(new LocalDateTime(2024, 1, 1, 0, 0), PartitionGranularity.Day))),
        ["PartitionMap.PartitionsOf to before from"] = (typeof(ArgumentException), "to", () => PartitionMap.For(Berlin, PartitionGranularity.Hour).PartitionsOf(new LocalDate(2024, 1, 2), new LocalDate(2024, 1, 1))),
        ["PartitionsOf indexer past the end"] = (typeof(ArgumentOutOfRangeException), "index", () => _ = PartitionMap.For(Berlin, PartitionGranularity.Day).PartitionsOf(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 2))[1]),
        ["LocalPartitionKey label off the hour"] = (typeof(ArgumentException), "label", () => _ = new LocalPartitionKey(new LocalDateTime(2024, 1, 1, 0, 30), PartitionGranularity.Hour)),
        ["SourceLayout.Create 7 minutes"] = (typeof(ArgumentOutOfRangeException), "stepMinutes", () => SourceLayout.Create(DateTimeZone.Utc, 7)),
        ["RegistrationOptions empty root"] = (typeof(ArgumentException), "sourceRoot", () => _ = new RegistrationOptions("")),
        ["RegistrationPlan.Create to before from"] = (typeof(ArgumentException), "to", () => RegistrationPlan.Create(PartitionMap.For(Berlin, PartitionGranularity.Hour), new LocalDate(2024, 1, 2), new LocalDate(2024, 1, 1), new FakeClock(T), new RegistrationOptions("s3://b"))),
        ["RegistrationPlan.Create range of 8,000 years"] = (typeof(ArgumentOutOfRangeException), "to", () => RegistrationPlan.Create(PartitionMap.For(Berlin, PartitionGranularity.Hour), new LocalDate(2024, 1, 1), new LocalDate(9999, 12, 31), new FakeClock(T), new RegistrationOptions("s3://b"))),
        ["RegistrationPlan.Create target template without columns"] = (typeof(ArgumentException), "options", () => RegistrationPlan.Create(PartitionMap.For(Berlin, PartitionGranularity.Hour), new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 2), new FakeClock(T), new RegistrationOptions("s3://b") { TargetTemplate = PathPattern.ParseOrThrow("{yyyy}/{MM}") })),
        ["TrinoStatementRenderer.RegisterPartition table without schema"] = (typeof(ArgumentException), "table", () => TrinoStatementRenderer.RegisterPartition("events_pt", ApiSamples.Plan().Actions.OfType<RegisterAction>().First())),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Misuse_ThrowsTheStandardExceptionNamingTheParameter(string name)
    {
        var (exception, paramName, call) = Table[name];

        var thrown = Assert.ThrowsAny<ArgumentException>(call);

        Assert.Equal(exception, thrown.GetType());
        Assert.Equal(paramName, thrown.ParamName);
        Assert.False(string.IsNullOrWhiteSpace(thrown.Message));
    }

    private static void PushTwice(Instant start, Instant end, Instant secondStart)
    {
        var window = PaneWindow.TwoStacks<long, SumAggregate<long>>();
        window.Push(start, end, 1);
        window.Push(secondStart, secondStart + Duration.FromMinutes(1), 1);
    }

    private static void AdvanceBackwards()
    {
        var schedule = TaskSchedule.Create(T, RunInterval.FromMinutes(5), T + Duration.FromHours(1));
        var tasks = schedule.Tasks().ToArray();
        var window = PaneWindow.Subtracting<long, CountAggregate>();
        window.Advance(tasks[1], 1);
        window.Advance(tasks[0], 1);
    }
}

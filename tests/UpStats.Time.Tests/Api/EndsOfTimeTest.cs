using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Grid;
using UpStats.Time.Partitioning;
using UpStats.Time.Paths;
using UpStats.Time.Scheduling;
using UpStats.Time.Scheduling.Windows;

namespace UpStats.Time.Tests.Api;

// Near the ends of NodaTime's Instant range (Instant.MinValue/MaxValue, years -9998 and 9999) every public entry
// point of the grid, windows, schedules, partition maps and path layouts either answers or throws the library's own
// ArgumentOutOfRangeException, naming its public parameter and the accepted range 0001-01-01T00:00Z to
// 9999-12-30T00:00Z; never NodaTime's range errors (ParamName "ticks", "daysSinceEpoch"), OverflowException or
// IndexOutOfRangeException. Inside the range the point answers (calendar months and weeks that end in the year
// 10000, N-day grids, and west of UTC the first day, whose local times are in the year 0, excepted: their *results*
// are out of range).
public class EndsOfTimeTest
{
    private const string RangeText = "0001-01-01T00:00:00Z and 9999-12-30T00:00:00Z";
    private static readonly Instant First = Instant.FromUtc(1, 1, 1, 0, 0);
    // West of UTC the first day of the range reads in the year 0: results there may be refused.
    private static readonly Instant ComfortablyInside = Instant.FromUtc(1, 1, 2, 0, 0);
    private static readonly Instant Last = Instant.FromUtc(9999, 12, 30, 0, 0);

    /// <summary>Instants within a few days of the ends of NodaTime's range and of the accepted range, on both sides.</summary>
    private static Gen<Instant> NearTheEnds =>
        from anchor in Gen.Elements(Instant.MinValue, First, Last, Instant.MaxValue)
        from seconds in Gen.Choose(-3 * 86400, 3 * 86400)
        let ticks = anchor.ToUnixTimeTicks() + seconds * TimeSpan.TicksPerSecond
        select Instant.FromUnixTimeTicks(Math.Clamp(ticks, Instant.MinValue.ToUnixTimeTicks(), Instant.MaxValue.ToUnixTimeTicks()));

    [Property(MaxTest = 300)]
    public Property EntryPoints_NearTheEndsOfTime_AnswerOrNameTheirParameterAndTheRange() =>
        Prop.ForAll(Arb.From(from zone in Generators.Zone from t in NearTheEnds select (zone, t)), c =>
        {
            var (zone, t) = c;
            bool inside = First <= t && t <= Last;
            bool comfortablyInside = ComfortablyInside <= t && t <= Last;
            var problems = new List<string>();
            foreach (var (name, mustAnswer, call) in Calls(zone, t))
            {
                try
                {
                    call();
                    if (!inside && mustAnswer is not null)
                    {
                        // Outside the range only calls that do not take the instant may answer.
                        problems.Add($"{name}: answered outside the range");
                    }
                }
                catch (ArgumentOutOfRangeException e) when (e.ParamName is not ("ticks" or "daysSinceEpoch") && e.Message.Contains(RangeText, StringComparison.Ordinal))
                {
                    if (comfortablyInside && mustAnswer == true)
                    {
                        problems.Add($"{name}: threw inside the range: {e.Message}");
                    }
                    else if (e.ParamName != ExpectedParameter(name))
                    {
                        problems.Add($"{name}: named '{e.ParamName}'");
                    }
                }
                catch (Exception e)
                {
                    problems.Add($"{name}: {e.GetType().Name} {e.Message}");
                }
            }
            return (problems.Count == 0).Label($"{zone.Id} {t}: {string.Join("; ", problems.Take(4))}");
        });

    [Theory]
    [InlineData("UTC")]
    [InlineData("America/Los_Angeles")]
    [InlineData("Pacific/Kiritimati")]
    [InlineData("Etc/GMT+12")]
    public void LocalArguments_BeyondTheYears0001To9999_AreNamed(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var hourly = LocalClockGrid.EveryMinutes(zone, 60);
        var lastHour = new LocalDateTime(9999, 12, 31, 23, 0);
        Assert.Equal("label", Assert.Throws<ArgumentOutOfRangeException>(() => hourly.InstantsOf(lastHour)).ParamName);
        Assert.Equal("label", Assert.Throws<ArgumentOutOfRangeException>(() => hourly.InstantsOf(new LocalDateTime(-9998, 1, 1, 0, 0))).ParamName);
        Assert.Equal("local", Assert.Throws<ArgumentOutOfRangeException>(() => hourly.NextLabel(new LocalDateTime(9999, 12, 31, 23, 30))).ParamName);
        Assert.Equal("local", Assert.Throws<ArgumentOutOfRangeException>(() => hourly.LabelAtOrBefore(new LocalDateTime(0, 12, 31, 23, 30))).ParamName);
        Assert.Equal(new LocalDateTime(1, 1, 1, 0, 0), hourly.LabelAtOrBefore(new LocalDateTime(1, 1, 1, 0, 30)));
        Assert.Equal("local", Assert.Throws<ArgumentOutOfRangeException>(() => hourly.IsLabel(new LocalDateTime(0, 12, 31, 0, 0))).ParamName);
        var map = PartitionMap.For(zone, PartitionGranularity.Day);
        Assert.Equal("key", Assert.Throws<ArgumentOutOfRangeException>(() => map.Partition(new LocalPartitionKey(new LocalDateTime(9999, 12, 31, 0, 0), PartitionGranularity.Day))).ParamName);
        // A sixty-day grid anchored in the last month: its next label is in the year 10000.
        var days = LocalClockGrid.EveryDays(zone, 60, new LocalDate(9999, 12, 1));
        Assert.Equal("local", Assert.Throws<ArgumentOutOfRangeException>(() => days.NextLabel(new LocalDateTime(9999, 12, 1, 0, 0))).ParamName);
        var centuries = LocalClockGrid.EveryDays(zone, 1_000_000, new LocalDate(2024, 1, 1));
        Assert.Equal("instant", Assert.Throws<ArgumentOutOfRangeException>(() => centuries.NextBoundary(Instant.FromUtc(9000, 1, 1, 0, 0))).ParamName);
        // Inside the range, the same entry points answer.
        Assert.NotEmpty(hourly.InstantsOf(new LocalDateTime(9999, 12, 29, 0, 0)));
        Assert.Equal(Instant.FromUtc(2024, 1, 1, 0, 0), centuries.BoundaryAtOrBefore(Instant.FromUtc(2024, 6, 1, 0, 0)).InZone(zone).LocalDateTime.InUtc().ToInstant());
    }

    private static string ExpectedParameter(string call) => call switch
    {
        _ when call.StartsWith("TaskSchedule.Create", StringComparison.Ordinal) => "startFrom",
        _ when call.StartsWith("TasksReading", StringComparison.Ordinal) => "eventTime",
        _ when call.StartsWith("Prefixes", StringComparison.Ordinal) => "from",
        _ => "instant",
    };

    /// <summary>Each call: its name, whether it must answer inside the range (null: it does not take the instant), and the call.</summary>
    private static IEnumerable<(string Name, bool? MustAnswer, Action Call)> Calls(DateTimeZone zone, Instant t)
    {
        foreach (var grid in new[] { LocalClockGrid.EveryMinutes(zone, 60), LocalClockGrid.EveryMinutes(zone, 1440), LocalClockGrid.EveryDays(zone, 7, new LocalDate(2024, 1, 1)) })
        {
            // A 7-day grid's cell near the ends may start in the year 0 or end in the year 10000.
            yield return ($"{grid} CellOf", grid.Anchor is null, () => grid.CellOf(t));
            yield return ($"{grid} NextBoundary", grid.Anchor is null, () => grid.NextBoundary(t));
            yield return ($"{grid} BoundaryAtOrBefore", grid.Anchor is null, () => grid.BoundaryAtOrBefore(t));
            yield return ($"{grid} IsBoundary", true, () => grid.IsBoundary(t));
        }
        var calendar = new CalendarWindows(zone);
        yield return ("DayOf", true, () => calendar.DayOf(t));
        yield return ("IsoWeekOf", false, () => calendar.IsoWeekOf(t));
        yield return ("MonthOf", false, () => calendar.MonthOf(t));
        yield return ("TumblingStart 1h", true, () => WindowMath.TumblingStart(t, Duration.FromHours(1)));
        yield return ("TumblingWindow 7d", false, () => WindowMath.TumblingWindow(t, Duration.FromDays(7)));
        yield return ("SlidingWindowsContaining 1d/1h", false, () => WindowMath.SlidingWindowsContaining(t, Duration.FromDays(1), Duration.FromHours(1)).ToArray());
        foreach (var granularity in new[] { PartitionGranularity.Hour, PartitionGranularity.Day })
        {
            var map = PartitionMap.For(zone, granularity);
            yield return ($"KeyOf {granularity}", true, () => map.KeyOf(t).ToString());
            yield return ($"SourceKeyOf {granularity}", true, () => map.SourceKeyOf(t).ToString());
        }
        var layout = new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH"), "p/", zone);
        yield return ("Format", true, () => layout.Format(t));
        yield return ("Prefixes", true, () => layout.Prefixes(t, t).ToArray());
        foreach (var interval in new[] { RunInterval.FromMinutes(5), RunInterval.FromDays(30) })
        {
            var lookback = LookbackDuration.FromDuration(Duration.FromDays(30));
            yield return ($"TaskSchedule.Create {interval}", false, () => ReadAll(TaskSchedule.Create(ScheduleTime.At(t), interval, endAt: ScheduleTime.At(t), lookback: lookback, zone: zone).Tasks()));
            var schedule = TaskSchedule.Create(ScheduleTime.At(Instant.FromUtc(2000, 1, 1, 0, 0)), interval, lookback: lookback, zone: zone);
            yield return ($"TasksReading {interval}", false, () => schedule.TasksReading(t).IsEmpty.ToString());
            yield return ($"TryGetTaskContaining {interval}", null, () => schedule.TryGetTaskContaining(t, out _));
        }
    }

    private static void ReadAll(TaskList tasks)
    {
        foreach (var task in tasks)
        {
            _ = task.WindowStart;
        }
    }
}

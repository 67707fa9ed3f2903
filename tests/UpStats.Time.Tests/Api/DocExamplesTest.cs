using NodaTime.Testing;
using UpStats.Time.Grid;
using UpStats.Time.Parsing;
using UpStats.Time.Partitioning;
using UpStats.Time.Paths;
using UpStats.Time.Rendering;
using UpStats.Time.Scheduling;
using UpStats.Time.Scheduling.Windows;

namespace UpStats.Time.Tests.Api;

/// <summary>
/// The <c>&lt;example&gt;</c> code of the XML docs, one test per type, written the same way as in the doc comment
/// with the values the comments show asserted. When an example changes, change its test (and the reverse).
/// </summary>
public class DocExamplesTest
{
    [Fact]
    public void LocalClockGrid_Example()
    {
        var hourly = LocalClockGrid.EveryMinutes(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], 60);
        Instant t = Instant.FromUtc(2024, 11, 3, 9, 30);

        Assert.Equal(new LocalDateTime(2024, 11, 3, 1, 0), hourly.CellOf(t));
        Assert.Equal(Instant.FromUtc(2024, 11, 3, 9, 0), hourly.BoundaryAtOrBefore(t));
        Assert.Equal(Instant.FromUtc(2024, 11, 3, 10, 0), hourly.NextBoundary(t));
    }

    [Fact]
    public void OffsetTimestamp_Example()
    {
        Assert.True(OffsetTimestamp.TryParseEpochSeconds("2015-10-11T00:26:51+0100"u8, out long seconds, out ParseError error));
        Assert.Equal(1444519611, seconds);
        Assert.False(OffsetTimestamp.TryParseEpochSeconds("2015-13-11T00:26:51+0100"u8, out _, out error));
        Assert.Equal("Month must be between 01 and 12 at position 5", error.Message);
        Instant instant = OffsetTimestamp.ParseOrThrow("2015-10-11T00:26:51+0100");
        Assert.Equal("2015-10-10T23:26:51Z", instant.ToString());
    }

    [Fact]
    public void OffsetTimestampColumn_Example()
    {
        var stored = new List<(string Text, long? Seconds, string? Error)>();
        IEnumerable<string[]> ReadDateCreatedInChunks(int size) =>
            new[] { "2015-10-11T00:26:51+0100", "2015-13-11T00:26:51+0100", "2015-10-11T00:26:52+0100" }.Chunk(size);
        void Store(string text, long? value, string? message) => stored.Add((text, value, message));

        long[] seconds = new long[4096];
        RowError[] errors = new RowError[4096];
        foreach (string[] chunk in ReadDateCreatedInChunks(4096))
        {
            ColumnParseResult result = OffsetTimestampColumn.ParseEpochSeconds(chunk, seconds, errors);
            var failed = errors.AsSpan(0, result.Failed);   // ordered by row
            for (int row = 0, f = 0; row < result.Rows; row++)
            {
                if (f < failed.Length && failed[f].Row == row)
                {
                    Store(chunk[row], null, failed[f++].Error.Message);   // "… at position 5"
                }
                else
                {
                    Store(chunk[row], seconds[row], null);
                }
            }
        }

        Assert.Equal(
            [
                ("2015-10-11T00:26:51+0100", 1444519611, null),
                ("2015-13-11T00:26:51+0100", null, "Month must be between 01 and 12 at position 5"),
                ("2015-10-11T00:26:52+0100", 1444519612L, (string?)null),
            ],
            stored);
    }

    [Fact]
    public void PartitionMap_Example()
    {
        var pt = PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour);
        var lines = new List<string>();
        foreach (LocalPartition p in pt.PartitionsOf(new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 4)))
        {
            lines.Add(p.ToString());
        }
        LocalPartitionKey key = pt.KeyOf(Instant.FromUtc(2024, 11, 3, 9, 30));

        Assert.Equal(24, lines.Count);
        Assert.Equal("2024-11-03T00 regular 2024-11-03T07:00:00Z/2024-11-03T08:00:00Z <- 2024-11-03T07", lines[0]);
        Assert.Equal("2024-11-03T01 merged 2024-11-03T08:00:00Z/2024-11-03T10:00:00Z <- 2024-11-03T08 2024-11-03T09", lines[1]);
        Assert.Equal("2024-11-03T01", key.ToString());
    }

    [Fact]
    public void RunInterval_Example()
    {
        RunInterval five = RunInterval.ParseOrThrow("5 MINUTES");
        bool valid = RunInterval.Parse("5 HOURS").Success;
        bool parsed = RunInterval.TryParse("7d", out RunInterval week, out _);
        LocalClockGrid grid = five.GridFor(DateTimeZone.Utc, new LocalDate(2022, 8, 4));
        Instant next = grid.NextBoundary(Instant.FromUtc(2022, 8, 4, 11, 3));

        Assert.Equal(5, five.TotalMinutes);
        Assert.False(valid);
        Assert.True(parsed);
        Assert.Equal("7 DAYS", week.ToString());
        Assert.Equal(Instant.FromUtc(2022, 8, 4, 11, 5), next);
    }

    [Fact]
    public void LookbackDuration_Example()
    {
        LookbackDuration lookback = LookbackDuration.ParseOrThrow("1d12h");
        Duration reach = lookback.Duration;
        string text = lookback.ToString();
        bool parsed = LookbackDuration.TryParse("30 days", out _, out _);
        string days = LookbackDuration.FromDuration(Duration.FromDays(30)).ToString();

        Assert.Equal(Duration.FromHours(36), reach);
        Assert.Equal("1d12h", text);
        Assert.True(parsed);
        Assert.Equal("30d", days);
    }

    [Fact]
    public void TaskSchedule_Example()
    {
        var clock = new FakeClock(Instant.FromUtc(2022, 8, 4, 11, 3));   // NodaTime.Testing; SystemClock.Instance in production
        TaskSchedule schedule = TaskSchedule.Create(
            startFrom: ScheduleTime.Now,
            interval: RunInterval.ParseOrThrow("5 MINUTES"),
            endAt: Instant.FromUtc(2022, 8, 4, 11, 15),
            lookback: LookbackDuration.ParseOrThrow("30d"),
            clock: clock);
        var lines = new List<string>();
        foreach (ScheduledTask task in schedule.Tasks())
        {
            lines.Add(task.ToString());
        }

        Assert.Equal(
            [
                "[2022-08-04T11:03:00Z, 2022-08-04T11:05:00Z) reads [2022-07-05T11:03:00Z, 2022-08-04T11:05:00Z)",
                "[2022-08-04T11:05:00Z, 2022-08-04T11:10:00Z) reads [2022-07-05T11:05:00Z, 2022-08-04T11:10:00Z)",
                "[2022-08-04T11:10:00Z, 2022-08-04T11:15:00Z) reads [2022-07-05T11:10:00Z, 2022-08-04T11:15:00Z)",
            ],
            lines);
        bool found = schedule.TryGetTaskContaining(Instant.FromUtc(2022, 8, 4, 11, 7), out ScheduledTask containing);
        Assert.True(found);
        Assert.Equal(Instant.FromUtc(2022, 8, 4, 11, 5), containing.Start);
    }

    [Fact]
    public void CalendarWindows_Example()
    {
        var windows = new CalendarWindows(DateTimeZoneProviders.Tzdb["Europe/Berlin"]);
        CalendarWindow day = windows.DayOf(Instant.FromUtc(2024, 10, 27, 12, 0));   // the autumn DST Sunday
        Instant start = day.Start;
        Instant end = day.End;
        Duration length = day.Interval.Duration;
        LocalDate monday = windows.IsoWeekOf(Instant.FromUtc(2024, 10, 27, 12, 0)).FirstDate;
        LocalDate first = windows.MonthOf(Instant.FromUtc(2024, 10, 27, 12, 0)).FirstDate;

        Assert.Equal(Instant.FromUtc(2024, 10, 26, 22, 0), start);   // local midnight at UTC+2
        Assert.Equal(Instant.FromUtc(2024, 10, 27, 23, 0), end);     // the next one at UTC+1
        Assert.Equal(Duration.FromHours(25), length);
        Assert.Equal(new LocalDate(2024, 10, 21), monday);
        Assert.Equal(new LocalDate(2024, 10, 1), first);
    }

    [Fact]
    public void WindowMath_Example()
    {
        Instant t = Instant.FromUtc(2024, 11, 3, 9, 37);
        Interval quarter = WindowMath.TumblingWindow(t, Duration.FromMinutes(15));
        Assert.Equal("2024-11-03T09:30:00Z/2024-11-03T09:45:00Z", quarter.ToString());
        var lines = new List<string>();
        foreach (Interval w in WindowMath.SlidingWindowsContaining(t, Duration.FromHours(1), Duration.FromMinutes(20)))
        {
            lines.Add(w.ToString());
        }

        Assert.Equal(
            [
                "2024-11-03T08:40:00Z/2024-11-03T09:40:00Z",
                "2024-11-03T09:00:00Z/2024-11-03T10:00:00Z",
                "2024-11-03T09:20:00Z/2024-11-03T10:20:00Z",
            ],
            lines);
    }

    [Fact]
    public void EventTimeAssigner_Example()
    {
        var clock = new FakeClock(Instant.FromUtc(2024, 1, 1, 12, 0));
        var assigner = new EventTimeAssigner(clock);
        Instant taskStart = Instant.FromUtc(2024, 1, 1, 11, 55);
        Instant now = clock.GetCurrentInstant();

        EventTime a = assigner.Assign(Instant.FromUtc(2024, 1, 1, 11, 58), taskStart, now);
        EventTime b = assigner.Assign(Instant.FromUtc(2024, 1, 1, 11, 50), taskStart, now);
        EventTime c = assigner.Assign(Instant.FromUtc(2024, 1, 1, 12, 5), taskStart, now);

        Assert.Equal(new EventTime(EventTimeKind.AsIs, Instant.FromUtc(2024, 1, 1, 11, 58)), a);
        Assert.Equal(new EventTime(EventTimeKind.Adjusted, Instant.FromUtc(2024, 1, 1, 11, 58)), b);
        Assert.Equal(new EventTime(EventTimeKind.Deferred, Instant.FromUtc(2024, 1, 1, 12, 5)), c);
    }

    private static RegistrationPlan ExamplePlan()
    {
        var map = PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour);
        return RegistrationPlan.Create(map, new LocalDate(2024, 11, 3), new LocalDate(2024, 11, 4),
            new FakeClock(Instant.FromUtc(2024, 11, 5, 0, 0)), new RegistrationOptions("s3://bucket/events"));
    }

    [Fact]
    public void RegistrationPlan_Example()
    {
        RegistrationPlan plan = ExamplePlan();
        PlannedPartition one = plan.Partitions[1];   // 2024-11-03T01: the repeated hour, UTC hours 08 and 09
        PartitionStatus status = one.Status;
        string? location = one.Location;
        int due = plan.Actions.Count();

        Assert.Equal("2024-11-03T01", one.Key.ToString());
        Assert.Equal(PartitionStatus.Ready, status);
        Assert.Equal("s3://bucket/events/_local/America_Los_Angeles/year=2024/month=11/day=03/hour=01", location);
        Assert.Equal(
            [
                "materialise 2024-11-03T01 at s3://bucket/events/_local/America_Los_Angeles/year=2024/month=11/day=03/hour=01 from 2 sources",
                "register 2024-11-03T01 at s3://bucket/events/_local/America_Los_Angeles/year=2024/month=11/day=03/hour=01",
            ],
            one.Actions.Select(a => a.ToString()));
        Assert.Equal(25, due);   // 24 registrations and one materialisation
    }

    [Fact]
    public void PathPattern_Example()
    {
        PathPattern kafka = PathPattern.ParseOrThrow("'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH");
        string folder = kafka.Format(new LocalDateTime(2024, 11, 3, 8, 0));
        IReadOnlyList<string> columns = kafka.Columns;
        PathPattern braces = PathPattern.ParseOrThrow("dt={yyyy}-{MM}-{dd}/hr={HH}");
        string daily = braces.Format(new LocalDateTime(2024, 11, 3, 1, 0));
        bool read = kafka.TryReadLocal("year=2024/month=11/day=03/hour=08/part-0.json", out LocalDateTime local, out int used, out _);
        int position = PathPattern.Parse("yy/MM").Error.Position;

        Assert.Equal("year=2024/month=11/day=03/hour=08", folder);
        Assert.Equal(["year", "month", "day", "hour"], columns);
        Assert.Equal("dt=2024-11-03/hr=01", daily);
        Assert.True(read);
        Assert.Equal(new LocalDateTime(2024, 11, 3, 8, 0), local);
        Assert.Equal(33, used);
        Assert.Equal(0, position);   // 'yy' is not supported
    }

    [Fact]
    public void PathLayout_Example()
    {
        var layout = new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"), "events/");
        FileEventTime time = layout.EventTime("events/2024/11/03/08/15/a.json"u8, null);
        FileEventTime fallback = layout.EventTime("events/manual/a.json"u8, Instant.FromUtc(2024, 11, 3, 8, 20));
        IReadOnlyList<PathPrefix> folders = layout.Prefixes(Instant.FromUtc(2024, 11, 3, 8, 15), Instant.FromUtc(2024, 11, 3, 8, 17));

        Assert.Equal((FileTimeSource.Pattern, Instant.FromUtc(2024, 11, 3, 8, 15)), (time.Source, time.Time));
        Assert.Equal(FileTimeSource.Modified, fallback.Source);
        Assert.Equal(["events/2024/11/03/08/15", "events/2024/11/03/08/16"], folders.Select(f => f.Path));
        Assert.Equal(Instant.FromUtc(2024, 11, 3, 8, 16), folders[0].End);
    }

    [Fact]
    public void FileIngestion_Example()
    {
        var schedule = TaskSchedule.Create(Instant.FromUtc(2022, 8, 4, 11, 0), RunInterval.FromMinutes(1), endAt: Instant.FromUtc(2022, 8, 4, 12, 0));
        var ingestion = new FileIngestion(schedule, new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"), "orders/"));
        bool assigned = ingestion.TryAssign("orders/2022/08/04/11/03/part-1.json", null, out ScheduledTask task, out FileEventTime time);
        IReadOnlyList<PathPrefix> folders = ingestion.PrefixesOf(task);

        Assert.True(assigned);
        Assert.Equal(new Interval(Instant.FromUtc(2022, 8, 4, 11, 3), Instant.FromUtc(2022, 8, 4, 11, 4)), task.Interval);
        Assert.Equal(FileTimeSource.Pattern, time.Source);
        Assert.Equal(["orders/2022/08/04/11/03"], folders.Select(f => f.Path));
        // The same file through the UTF-8 overload, and a file whose time is outside the schedule.
        Assert.True(ingestion.TryAssign("orders/2022/08/04/11/03/part-1.json"u8, null, out var same, out _));
        Assert.Equal(task, same);
        Assert.False(ingestion.TryAssign("orders/2022/08/04/12/00/late.json", null, out var none, out var late));
        Assert.Equal((default(ScheduledTask), true), (none, late.Success));
        Assert.False(ingestion.TryAssign("orders/undated.json"u8, null, out _, out var undated));
        Assert.Equal(FileTimeSource.None, undated.Source);
    }

    [Fact]
    public void HiveStatementRenderer_Example()
    {
        RegistrationPlan plan = ExamplePlan();
        RegisterAction first = plan.Actions.OfType<RegisterAction>().First();
        string statement = HiveStatementRenderer.AddPartition("db.events_pt", first);
        IReadOnlyList<string> lines = HiveStatementRenderer.Render(plan, "db.events_pt");   // comments and statements, in partition order

        Assert.Equal(
            "ALTER TABLE db.events_pt ADD IF NOT EXISTS PARTITION (year='2024', month='11', day='03', hour='00') LOCATION 's3://bucket/events/year=2024/month=11/day=03/hour=07';",
            statement);
        Assert.Equal(statement, lines[0]);
    }

    [Fact]
    public void TrinoStatementRenderer_Example()
    {
        RegistrationPlan plan = ExamplePlan();
        RegisterAction first = plan.Actions.OfType<RegisterAction>().First();
        string statement = TrinoStatementRenderer.RegisterPartition("web.events_pt", first);

        Assert.Equal(
            "CALL system.register_partition(schema_name => 'web', table_name => 'events_pt', partition_columns => ARRAY['year', 'month', 'day', 'hour'], "
            + "partition_values => ARRAY['2024', '11', '03', '00'], location => 's3://bucket/events/year=2024/month=11/day=03/hour=07');",
            statement);
    }

    [Fact]
    public void PartitionKeys_Example()
    {
        var map = PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour);
        Instant t = Instant.FromUtc(2024, 11, 3, 9, 30);
        LocalPartitionKey local = map.KeyOf(t);          // PT's clock: the second pass of 01:00
        SourcePartitionKey source = map.SourceKeyOf(t);  // UTC's clock: the folder hour=09
        Span<byte> utf8 = stackalloc byte[16];
        bool written = local.TryFormat(utf8, out int length);
        bool same = local == new LocalPartitionKey(new LocalDateTime(2024, 11, 3, 1, 0), PartitionGranularity.Hour);
        string folder = PathPattern.Hourly.Format(source.Label);

        Assert.Equal("2024-11-03T01", local.ToString());
        Assert.Equal("2024-11-03T09", source.ToString());
        Assert.True(written);
        Assert.Equal("2024-11-03T01"u8.ToArray(), utf8[..length].ToArray());
        Assert.True(same);
        Assert.Equal("year=2024/month=11/day=03/hour=09", folder);
    }

    [Fact]
    public void ParseResult_Example()
    {
        ParseResult<RunInterval> result = RunInterval.Parse("7 MINUTES");
        bool success = result.Success;
        int position = result.Error.Position;
        string? message = result.ErrorMessage;
        bool parsed = RunInterval.Parse("15m").TryGetValue(out RunInterval interval);

        Assert.False(success);
        Assert.Equal(0, position);
        Assert.StartsWith("7 MINUTES (7 minutes) does not divide 24 hours (1,440 minutes) evenly: ", message, StringComparison.Ordinal);
        Assert.EndsWith(" at position 0: '^7 MINUTES'", message, StringComparison.Ordinal);
        Assert.Equal(message, Assert.Throws<FormatException>(() => result.Value).Message);
        Assert.Equal(message, Assert.Throws<FormatException>(() => result.GetValueOrThrow()).Message);
        Assert.True(parsed);
        Assert.Equal("15 MINUTES", interval.ToString());
    }

    [Fact]
    public void LocalRange_Example()
    {
        var pt = PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour);
        LocalRange day = pt.RangeOf(new LocalDate(2020, 4, 9), new LocalDate(2020, 4, 10));
        Assert.Equal([new NodaTime.Interval(Instant.FromUtc(2020, 4, 9, 7, 0), Instant.FromUtc(2020, 4, 10, 7, 0))], day.Intervals.ToArray());
        Assert.Equal("2020-04-09T07", day.Sources[0].Key.ToString());
        Assert.Equal("2020-04-10T06", day.Sources[^1].Key.ToString());
        Assert.Equal(24, day.Sources.Count);
        Assert.All(day.Sources, s => Assert.True(s.IsWhole));
        LocalRange repeated = pt.RangeOf(new LocalDateTime(2024, 11, 3, 1, 30), new LocalDateTime(2024, 11, 3, 2, 0));
        Assert.Equal(
            [new NodaTime.Interval(Instant.FromUtc(2024, 11, 3, 8, 30), Instant.FromUtc(2024, 11, 3, 9, 0)), new NodaTime.Interval(Instant.FromUtc(2024, 11, 3, 9, 30), Instant.FromUtc(2024, 11, 3, 10, 0))],
            repeated.Intervals.ToArray());
    }

    [Fact]
    public void RangePredicateRenderer_Example()
    {
        var pt = PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour);
        LocalRange day = pt.RangeOf(new LocalDate(2020, 4, 9), new LocalDate(2020, 4, 10));
        string where = RangePredicateRenderer.Render(day, new RangePredicateOptions(SqlDialect.Spark, "event_time"));
        Assert.Equal("(year = '2020' AND month = '04' AND (day = '09' AND hour >= '07' OR day = '10' AND hour <= '06'))"
            + " AND (event_time >= 1586415600 AND event_time < 1586502000)", where);
    }

    [Fact]
    public void PaneWindow_Example()
    {
        PaneWindow<Average<long>> aov = PaneWindow.Subtracting<Average<long>, AverageAggregate<long>>();
        PaneWindow<Extremum<long>> largest = PaneWindow.TwoStacks<Extremum<long>, MaxAggregate<long>>();

        var t = Instant.FromUtc(2022, 1, 1, 0, 0);
        aov.Push(t, t + Duration.FromMinutes(1), new Average<long>(300, 2));
        largest.Push(t, t + Duration.FromMinutes(1), Extremum<long>.Of(200));
        aov.Push(t + Duration.FromMinutes(1), t + Duration.FromMinutes(2), new Average<long>(100, 2));
        largest.Push(t + Duration.FromMinutes(1), t + Duration.FromMinutes(2), Extremum<long>.Of(60));
        Assert.Equal(new Average<long>(400, 4), aov.Current);
        Assert.Equal(Extremum<long>.Of(200), largest.Current);
        aov.EvictBefore(t + Duration.FromMinutes(1));
        largest.EvictBefore(t + Duration.FromMinutes(1));
        Assert.Equal(new Average<long>(100, 2), aov.Current);
        Assert.Equal(Extremum<long>.Of(60), largest.Current);
    }
}

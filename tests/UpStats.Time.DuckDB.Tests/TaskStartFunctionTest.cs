using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Scheduling;
using UpStats.Time.Tests;

namespace UpStats.Time.DuckDB.Tests;

/// <summary>
/// <c>upstats_task_start</c> against <see cref="TaskSchedule.TryGetTaskContaining"/> on drawn zones, run intervals,
/// starts and instants; NULLs; bad run intervals, starts and zones named in the error.
/// </summary>
public class TaskStartFunctionTest
{
    [Property(MaxTest = 60)]
    public Property TaskStart_EqualsTheLibrary_OnDrawnSchedules() =>
        Prop.ForAll(Arb.From(from zone in Generators.Zone
                             from minutes in Generators.RunIntervalMinutes
                             from start in Generators.NearTransition(zone)
                             from offsets in Gen.ArrayOf(Gen.Choose(-3 * 86_400, 60 * 86_400))
                             select (zone, minutes, start, offsets)), c =>
        {
            var interval = RunInterval.FromMinutes(c.minutes);
            string startText = InstantText(c.start);
            var schedule = TaskSchedule.Create(c.start, interval, zone: c.zone);
            var seconds = c.offsets.Select(o => c.start.ToUnixTimeSeconds() + o).ToList();
            using var db = new Db();
            db.LoadInstants(seconds.Select(s => ((long?)s, (string?)null)).ToList());
            var sql = db.Rows($"SELECT upstats_task_start(seconds, '{interval}', '{startText}', '{c.zone.Id}') FROM e ORDER BY i")
                .Select(r => (long?)r[0]).ToList();
            var expected = seconds.Select(s => schedule.TryGetTaskContaining(Instant.FromUnixTimeSeconds(s), out var task)
                ? task.Start.ToUnixTimeSeconds() : (long?)null).ToList();
            return sql.SequenceEqual(expected)
                .Label($"{c.zone.Id} every {interval} from {startText}: SQL [{string.Join(", ", sql)}] vs [{string.Join(", ", expected)}]");
        });

    private static string InstantText(Instant instant) =>
        NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);

    [Fact]
    public void TaskStart_HourlyFromAQuarterPast_FirstTaskIsShortThenOnTheHour()
    {
        using var db = new Db();
        // Hourly tasks follow the clock's hours: the first runs from START_FROM (10:15Z) to 11:00Z, then 11:00, 12:00...
        Assert.Equal(Instant.FromUtc(2024, 5, 1, 10, 15).ToUnixTimeSeconds(),
            db.Scalar("SELECT upstats_task_start(upstats_epoch('2024-05-01T10:40:00Z'), '1 HOUR', '2024-05-01T10:15:00Z', 'UTC')"));
        Assert.Equal(Instant.FromUtc(2024, 5, 1, 12, 0).ToUnixTimeSeconds(),
            db.Scalar("SELECT upstats_task_start(upstats_epoch('2024-05-01T12:40:00Z'), '1 HOUR', '2024-05-01T10:15:00Z', 'UTC')"));
        Assert.Null(db.Scalar("SELECT upstats_task_start(upstats_epoch('2024-05-01T10:00:00Z'), '1h', '2024-05-01T10:15:00Z', 'UTC')"));
    }

    [Fact]
    public void TaskStart_DailyInLosAngeles_FollowsTheLocalMidnight()
    {
        using var db = new Db();
        // Daily tasks on PT's clock: the day of the spring-forward change is 23 hours long, and the next starts at 07:00Z.
        Assert.Equal(Instant.FromUtc(2024, 3, 11, 7, 0).ToUnixTimeSeconds(),
            db.Scalar("SELECT upstats_task_start(upstats_epoch('2024-03-11T12:00:00Z'), '1 DAY', '2024-03-01T00:00:00-08:00', 'America/Los_Angeles')"));
        Assert.Equal(Instant.FromUtc(2024, 3, 10, 8, 0).ToUnixTimeSeconds(),
            db.Scalar("SELECT upstats_task_start(upstats_epoch('2024-03-11T06:59:59Z'), '1d', '2024-03-01T00:00:00-08:00', 'America/Los_Angeles')"));
    }

    [Theory]
    [InlineData("NULL", "'1h'", "'2024-01-01T00:00:00Z'", "'UTC'")]
    [InlineData("0", "NULL", "'2024-01-01T00:00:00Z'", "'UTC'")]
    [InlineData("0", "'1h'", "NULL", "'UTC'")]
    [InlineData("0", "'1h'", "'2024-01-01T00:00:00Z'", "NULL")]
    public void TaskStart_AnyNullArgument_GivesNull(string seconds, string interval, string start, string zone)
    {
        using var db = new Db();
        Assert.Null(db.Scalar($"SELECT upstats_task_start({seconds}, {interval}, {start}, {zone})"));
    }

    [Theory]
    [InlineData("'5 weeks'", "'2024-01-01T00:00:00Z'", "'UTC'", "upstats_task_start: run interval '5 weeks' is not valid")]
    [InlineData("'7 MINUTES'", "'2024-01-01T00:00:00Z'", "'UTC'", "run interval '7 MINUTES' is not valid")]
    [InlineData("'1h'", "'yesterday'", "'UTC'", "upstats_task_start: start_from 'yesterday' is not an offset timestamp")]
    [InlineData("'1h'", "'2024-01-01T00:00:00'", "'UTC'", "start_from '2024-01-01T00:00:00' is not an offset timestamp")]
    [InlineData("'1h'", "'2024-01-01T00:00:00Z'", "'Atlantis/Capital'", "upstats_task_start: unknown time zone 'Atlantis/Capital'")]
    public void TaskStart_BadArgument_IsAQueryErrorNamingIt(string interval, string start, string zone, string expected)
    {
        using var db = new Db();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar($"SELECT upstats_task_start(0, {interval}, {start}, {zone})"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

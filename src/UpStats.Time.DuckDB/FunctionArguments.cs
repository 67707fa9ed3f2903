using System.Collections.Concurrent;
using System.Text;
using NodaTime;
using UpStats.Time.Parsing;
using UpStats.Time.Partitioning;
using UpStats.Time.Scheduling;

namespace UpStats.Time.DuckDB;

/// <summary>
/// Turns the text arguments of the SQL functions (zone, granularity, run interval, start) into the library's
/// values, or into an error that names the function and the value.
/// </summary>
/// <remarks>
/// Arguments are nearly always constants, which DuckDB hands over flattened (the same string in every row), so a
/// callback resolves an argument only when it differs from the previous row's; what it resolves is cached here
/// across chunks and threads, so a query builds each <see cref="PartitionMap"/> or <see cref="TaskSchedule"/> once.
/// </remarks>
internal static class FunctionArguments
{
    // Bounded by tzdb's ~600 ids times two granularities.
    private static readonly ConcurrentDictionary<(string Zone, PartitionGranularity Granularity), PartitionMap> Maps = new();

    // Bounded by hand: start_from may come from a column with a value per row.
    private static readonly ConcurrentDictionary<(string Interval, string StartFrom, string Zone), TaskSchedule> Schedules = new();
    private const int MaxSchedules = 4096;

    public static PartitionMap PartitionMap(string function, ReadOnlySpan<byte> zone, ReadOnlySpan<byte> granularity)
    {
        var unit = Granularity(function, granularity);
        string id = Encoding.UTF8.GetString(zone);
        if (Maps.TryGetValue((id, unit), out var map))
        {
            return map;
        }
        return Maps.GetOrAdd((id, unit), PartitionMapFor(function, id, unit));
    }

    public static TaskSchedule TaskSchedule(string function, ReadOnlySpan<byte> runInterval, ReadOnlySpan<byte> startFrom, ReadOnlySpan<byte> zone)
    {
        var key = (Encoding.UTF8.GetString(runInterval), Encoding.UTF8.GetString(startFrom), Encoding.UTF8.GetString(zone));
        if (Schedules.TryGetValue(key, out var schedule))
        {
            return schedule;
        }
        schedule = CreateSchedule(function, key.Item1, startFrom, key.Item2, Zone(function, key.Item3));
        if (Schedules.Count >= MaxSchedules)
        {
            Schedules.Clear();
        }
        return Schedules.GetOrAdd(key, schedule);
    }

    /// <summary>The instant of <paramref name="epochSeconds"/>, or an error naming it when NodaTime cannot hold it.</summary>
    public static Instant Instant(string function, long epochSeconds)
    {
        if (epochSeconds < MinEpochSeconds || epochSeconds > MaxEpochSeconds)
        {
            throw new FunctionArgumentException(
                $"{function}: {epochSeconds} epoch seconds is outside the supported instants ({MinEpochSeconds} to {MaxEpochSeconds}, years -9998 to 9999).");
        }
        return NodaTime.Instant.FromUnixTimeSeconds(epochSeconds);
    }

    private static readonly long MinEpochSeconds = NodaTime.Instant.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxEpochSeconds = NodaTime.Instant.MaxValue.ToUnixTimeSeconds();

    private static PartitionGranularity Granularity(string function, ReadOnlySpan<byte> text)
    {
        if (Ascii.EqualsIgnoreCase(text, "hour"u8))
        {
            return PartitionGranularity.Hour;
        }
        if (Ascii.EqualsIgnoreCase(text, "day"u8))
        {
            return PartitionGranularity.Day;
        }
        throw new FunctionArgumentException($"{function}: unknown granularity '{Encoding.UTF8.GetString(text)}' (use 'hour' or 'day').");
    }

    private static PartitionMap PartitionMapFor(string function, string zone, PartitionGranularity granularity) =>
        Partitioning.PartitionMap.For(Zone(function, zone), granularity);

    private static DateTimeZone Zone(string function, string id) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
        ?? throw new FunctionArgumentException($"{function}: unknown time zone '{id}' (use a tzdb id such as America/Los_Angeles or UTC).");

    private static TaskSchedule CreateSchedule(string function, string runInterval, ReadOnlySpan<byte> startFromUtf8, string startFrom, DateTimeZone zone)
    {
        var interval = RunInterval.Parse(runInterval);
        if (!interval.Success)
        {
            throw new FunctionArgumentException($"{function}: run interval '{runInterval}' is not valid: {interval.ErrorMessage}");
        }
        if (!OffsetTimestamp.TryParse(startFromUtf8, out Instant start, out ParseError error))
        {
            throw new FunctionArgumentException(
                $"{function}: start_from '{startFrom}' is not an offset timestamp like 2022-08-04T11:03:00Z: position {error.Position}: {error.Reason}");
        }
        return Scheduling.TaskSchedule.Create(start, interval.Value, zone: zone);
    }
}

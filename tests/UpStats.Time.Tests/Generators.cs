using FsCheck;
using FsCheck.Fluent;

namespace UpStats.Time.Tests;

/// <summary>
/// The one place generators live: every property in the suite draws zones, instants and steps from here,
/// so that a better generator (say, one biased to transition days) improves every property at once.
/// </summary>
public static class Generators
{
    /// <summary>Every zone id in NodaTime's tzdb provider, in order.</summary>
    public static readonly IReadOnlyList<string> AllZoneIds = DateTimeZoneProviders.Tzdb.Ids.ToArray();

    public static readonly Instant Start1970 = Instant.FromUtc(1970, 1, 1, 0, 0);
    public static readonly Instant End2037 = Instant.FromUtc(2038, 1, 1, 0, 0);

    /// <summary>Any tzdb zone.</summary>
    public static Gen<DateTimeZone> Zone =>
        Gen.Elements(AllZoneIds.ToArray()).Select(id => DateTimeZoneProviders.Tzdb[id]);

    /// <summary>An instant in 1970–2037, to the second.</summary>
    public static Gen<Instant> Instant1970To2037 =>
        Gen.Choose(0, int.MaxValue).Select(s => Instant.FromUnixTimeSeconds(s));

    /// <summary>
    /// An instant within a day of one of the zone's transitions in 1970–2037 (or any instant when it has none):
    /// the places where grids go wrong.
    /// </summary>
    public static Gen<Instant> NearTransition(DateTimeZone zone)
    {
        var transitions = zone.GetZoneIntervals(Start1970, End2037)
            .Where(z => z.HasStart && z.Start > Start1970).Select(z => z.Start).ToArray();
        if (transitions.Length == 0)
        {
            return Instant1970To2037;
        }
        return from t in Gen.Elements(transitions)
               from delta in Gen.Choose(-36 * 3600, 36 * 3600)
               select t + Duration.FromSeconds(delta);
    }

    /// <summary>A zone with an instant near one of its transitions.</summary>
    public static Gen<(DateTimeZone Zone, Instant Instant)> ZoneAndInstant =>
        from zone in Zone
        from nearTransition in Gen.Elements(true, true, false)
        from instant in nearTransition ? NearTransition(zone) : Instant1970To2037
        select (zone, instant);

    /// <summary>A sub-day grid step in minutes: a divisor of 1,440.</summary>
    public static Gen<int> SubDayStepMinutes =>
        Gen.Elements(Enumerable.Range(1, 1440).Where(m => 1440 % m == 0).ToArray());

    /// <summary>A valid run interval in minutes: a divisor of 1,440, or 1, 2, 3, 7 or 30 whole days.</summary>
    public static Gen<int> RunIntervalMinutes =>
        Gen.OneOf(SubDayStepMinutes, Gen.Elements(1, 2, 3, 7, 30).Select(d => d * 1440));

    /// <summary>A lookback in ticks: none, whole minutes up to 3 days, or an odd number of milliseconds.</summary>
    public static Gen<long> LookbackTicks =>
        Gen.OneOf(
            Gen.Constant(0L),
            Gen.Choose(1, 3 * 1440).Select(m => m * TimeSpan.TicksPerMinute),
            Gen.Choose(1, int.MaxValue).Select(ms => ms * TimeSpan.TicksPerMillisecond));
}

using NodaTime;

namespace UpStats.Time.Parsing;

/// <summary>The validated fields of one timestamp, as the general parser read them.</summary>
internal struct TimestampFields
{
    internal uint Year;
    internal uint Month;
    internal uint Day;
    internal uint Hour;
    internal uint Minute;
    internal uint Second;
    internal int Nanosecond;
    internal int OffsetSeconds;
    internal bool HasOffset;

    /// <summary>Seconds from 1970-01-01T00:00 on the value's own local clock.</summary>
    internal readonly long LocalEpochSeconds =>
        CivilCalendar.DaysFromCivil(Year, Month, Day) * CivilCalendar.SecondsPerDay + Hour * 3600 + Minute * 60 + Second;

    /// <summary>UTC epoch seconds, floored: the fraction is never negative, so dropping it floors.</summary>
    internal readonly long EpochSeconds => LocalEpochSeconds - OffsetSeconds;

    internal readonly LocalDateTime ToLocalDateTime() =>
        new LocalDateTime((int)Year, (int)Month, (int)Day, (int)Hour, (int)Minute, (int)Second).PlusNanoseconds(Nanosecond);
}

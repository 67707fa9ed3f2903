using System.Globalization;
using System.Text;
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

    /// <summary>
    /// The zones the mutation profile's sample always holds. Declared before <see cref="ZonesToWalk"/>: static
    /// fields initialize in text order, and the sample reads this list.
    /// </summary>
    internal static readonly string[] HardZones =
    [
        "UTC", "Etc/GMT-14", "Europe/London", "Europe/Dublin", "America/New_York", "America/St_Johns",
        "America/Sao_Paulo", "Asia/Kathmandu", "Asia/Kolkata", "Asia/Tehran", "Australia/Lord_Howe",
        "Australia/Eucla", "Pacific/Chatham", "Pacific/Apia", "Pacific/Kiritimati", "Pacific/Kwajalein",
        "Africa/Monrovia", "Africa/Casablanca", "Antarctica/Troll", "America/Santiago", "Europe/Moscow",
    ];

    /// <summary>
    /// The zones the every-zone tests walk: all of them, except under the mutation profile
    /// (<c>UPSTATS_MUTATION_PROFILE=1</c>, set by the mutation run), where a fixed sample stands in for them.
    /// A mutation run executes the covering tests once per mutant; walking ~600 zones under its instrumentation
    /// is most of a 15–25 CPU-second test run per mutant. The sample is a subset of every zone, so whatever it
    /// detects the full walk detects too: a score measured with it is a lower bound for the full suite.
    /// </summary>
    public static readonly IReadOnlyList<string> ZonesToWalk =
        Environment.GetEnvironmentVariable("UPSTATS_MUTATION_PROFILE") == "1" ? ZoneSample() : AllZoneIds;

    /// <summary>
    /// Every twelfth zone, plus the zones whose rules break the usual assumptions: half-hour and 45-minute
    /// offsets, negative DST, a 30-minute DST, skipped days across the date line, pre-1972 second offsets,
    /// a 2-hour DST, DST that stops for Ramadan, and zones with no transitions at all.
    /// </summary>
    internal static string[] ZoneSample() =>
        AllZoneIds.Where((id, i) => i % 12 == 0 || HardZones.Contains(id)).ToArray();

    /// <summary>
    /// A floor on how many cases an every-zone test must have checked (so that it cannot pass by checking
    /// nothing), given as the floor for every zone and scaled to the zones walked.
    /// </summary>
    public static long ScaledToZonesWalked(long floorForEveryZone) =>
        floorForEveryZone * ZonesToWalk.Count / AllZoneIds.Count;

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

    /// <summary>
    /// A zone with one of its local dates in 1970–2037: two times in three a date within a day and a half of
    /// one of the zone's transitions (the DST days), otherwise any date.
    /// </summary>
    public static Gen<(DateTimeZone Zone, LocalDate Date)> ZoneAndLocalDate =>
        from zi in ZoneAndInstant
        select (zi.Zone, zi.Instant.InZone(zi.Zone).Date);

    /// <summary>A source layout: UTC hourly most of the time, otherwise any zone with a step of 15, 30, 60 minutes or a day.</summary>
    public static Gen<(DateTimeZone Zone, int StepMinutes)> SourceLayoutParts =>
        from utcHourly in Gen.Elements(true, false)
        from zone in Zone
        from step in Gen.Elements(15, 30, 60, 1440)
        select utcHourly ? (DateTimeZone.Utc, 60) : (zone, step);

    /// <summary>
    /// A zone and a local range <c>[From, To)</c> in 1970–2037: local dates (0 to 3 days) or minute-precision
    /// local times (0 minutes to 3 days, mostly under 3 hours), two times in three starting within a day and a
    /// half of one of the zone's transitions, so that gaps, overlaps and skipped days are met often.
    /// </summary>
    public static Gen<(DateTimeZone Zone, LocalDateTime From, LocalDateTime To)> ZoneAndLocalRange =>
        from zi in ZoneAndInstant
        from dates in Gen.Elements(true, false)
        from days in Gen.Choose(0, 3)
        from minutes in Gen.Frequency((3, Gen.Choose(0, 180)), (1, Gen.Choose(0, 3 * 1440)))
        let local = zi.Instant.InZone(zi.Zone).LocalDateTime
        let start = dates ? local.Date.AtMidnight() : local.Date.At(new LocalTime(local.Hour, local.Minute))
        select (zi.Zone, start, dates ? start.PlusDays(days) : start.PlusMinutes(minutes));

    // ---- offset timestamps (Parsing) ----

    /// <summary>
    /// A valid offset timestamp in any of the grammar's forms: years 0001–9999 (biased to month ends and leap
    /// days), 'T'/'t'/space, no fraction or 1–9 digits after '.' or ',', and 'Z', 'z', ±hh:mm, ±hhmm or ±hh. Valid
    /// includes a UTC instant not before 0001-01-01T00:00:00Z (0001-01-01 early with a positive offset is not).
    /// </summary>
    public static Gen<TimestampText> ValidTimestamp => AnyFieldsTimestamp.Where(t => t.ExpectedEpochSeconds >= FirstEpochSeconds);

    /// <summary>0001-01-01T00:00:00Z in Unix seconds: the first instant a timestamp may name.</summary>
    public const long FirstEpochSeconds = -62_135_596_800;

    /// <summary>
    /// A timestamp on the first two or the last two days of the range (0001-01-01/02, 9999-12-30/31), any offset
    /// and form: where the UTC instant can fall before 0001-01-01T00:00:00Z or after NodaTime's <c>Instant.MaxValue</c>.
    /// </summary>
    public static Gen<TimestampText> RangeEndTimestamp =>
        from atStart in Gen.Elements(true, false)
        from day in Gen.Choose(0, 1)
        from hour in Gen.Frequency((2, Gen.Elements(0, 1, 17, 18, 22, 23)), (1, Gen.Choose(0, 23)))
        from minute in Gen.Frequency((1, Gen.Elements(0, 1, 59)), (1, Gen.Choose(0, 59)))
        from second in Gen.Frequency((1, Gen.Elements(0, 59)), (1, Gen.Choose(0, 59)))
        from fractionDigits in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 9)))
        from fraction in Gen.Choose(0, (int)Math.Pow(10, fractionDigits) - 1)
        from form in Gen.Elements(OffsetForms)
        from offsetMinutes in Gen.Frequency((2, Gen.Choose(-18 * 60, 18 * 60)), (1, Gen.Elements(-18 * 60, 18 * 60, -60, -1, 0, 1, 60)))
        from dateTimeSeparator in Gen.Elements('T', 't', ' ')
        from fractionSeparator in Gen.Elements('.', ',')
        select TimestampText.Create(
            atStart ? new LocalDateTime(1, 1, 1 + day, hour, minute, second) : new LocalDateTime(9999, 12, 30 + day, hour, minute, second),
            fractionDigits, fraction, form, offsetMinutes, dateTimeSeparator, fractionSeparator);

    // The grammar's fields in range, whatever instant they name.
    private static Gen<TimestampText> AnyFieldsTimestamp =>
        from year in Gen.Frequency((4, Gen.Choose(1, 9999)), (1, Gen.Elements(1, 2, 1600, 1900, 1969, 1970, 2000, 2100, 9998, 9999)))
        from month in Gen.Choose(1, 12)
        from lastDay in Gen.Elements(true, false, false)
        from anyDay in Gen.Choose(1, CalendarSystem.Iso.GetDaysInMonth(year, month))
        from hour in Gen.Choose(0, 23)
        from minute in Gen.Choose(0, 59)
        from second in Gen.Choose(0, 59)
        from fractionDigits in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(1, 9)))
        from fraction in Gen.Choose(0, (int)Math.Pow(10, fractionDigits) - 1)
        from form in Gen.Elements(OffsetForms)
        from offsetMinutes in Gen.Frequency((3, Gen.Choose(-18 * 60, 18 * 60)), (1, Gen.Elements(-18 * 60, 18 * 60, 0, 14 * 60, -14 * 60)))
        from dateTimeSeparator in Gen.Elements('T', 't', ' ')
        from fractionSeparator in Gen.Elements('.', ',')
        select TimestampText.Create(
            new LocalDateTime(year, month, lastDay ? CalendarSystem.Iso.GetDaysInMonth(year, month) : anyDay, hour, minute, second),
            fractionDigits, fraction, form, offsetMinutes, dateTimeSeparator, fractionSeparator);

    /// <summary>The offset forms of the grammar: "Z", "z", "+hh:mm", "+hhmm", "+hh" (the sign stands for either).</summary>
    public static readonly string[] OffsetForms = ["Z", "z", "+hh:mm", "+hhmm", "+hh"];

    private const string TimestampAlphabet = "0123456789-:Tt Zz+-.,x\r\né\u0660";

    /// <summary>
    /// Text that is usually not a valid timestamp: a valid one with a character replaced, inserted or deleted,
    /// or cut short, or a random string over the grammar's characters and a few strangers.
    /// </summary>
    public static Gen<string> MutatedTimestamp =>
        Gen.Frequency(
            (6, from t in ValidTimestamp
                from kind in Gen.Choose(0, 3)
                from at in Gen.Choose(0, t.Text.Length - 1)
                from c in Gen.Elements(TimestampAlphabet.ToCharArray())
                select kind switch
                {
                    0 => t.Text[..at] + c + t.Text[(at + 1)..],
                    1 => t.Text[..at] + c + t.Text[at..],
                    2 => t.Text.Remove(at, 1),
                    _ => t.Text[..at],
                }),
            (2, from t in ValidTimestamp
                from at in Gen.Choose(0, t.Text.Length - 2)
                from digit in Gen.Choose(0, 9)
                select t.Text[..at] + (char)('0' + digit) + t.Text[(at + 1)..]),
            (1, from chars in Gen.ArrayOf(Gen.Elements(TimestampAlphabet.ToCharArray()))
                select new string(chars)));

    /// <summary>
    /// A value of a text column as engines hold it (DuckDB VARCHAR, Arrow strings): a valid timestamp, a mutated one,
    /// a null or an empty string.
    /// </summary>
    public static Gen<string?> ColumnText =>
        Gen.Frequency(
            (4, ValidTimestamp.Select(t => (string?)t.Text)),
            (4, MutatedTimestamp.Select(t => (string?)t)),
            (1, Gen.Constant((string?)null)),
            (1, Gen.Constant((string?)"")));

    /// <summary>Valid inputs of every text entry point (timestamps, run intervals, lookbacks, path templates): seeds for <see cref="HostileText"/>.</summary>
    public static readonly string[] ValidEntryPointTexts =
    [
        "2015-10-11T00:26:51+0100", "2015-10-11 00:26:51.123456789Z", "2024-11-03T01:30:00", "9999-12-31T23:59:59", "5 MINUTES", "2h", "7 days", "30d",
        "1d12h", "1h 30m", "500ms", "year={yyyy}/month={MM}/day={dd}/hour={HH}", "dt={yyyy}-{MM}-{dd}/hr={HH}{mm}",
    ];

    // The grammars' characters and their neighbours, control characters, lone surrogates, non-ASCII digits and letters.
    private const string HostileAlphabet = "0123456789-:Tt Zz+.,{}=/mhdsMINUTESHOURSDAYSmsy\0\t\r\n\u00a0\u2007\ud800\udfff\u0660\uff15\u00e9\u212a\u0131";

    /// <summary>
    /// Text for the "never throws" properties of the <c>TryParse</c> methods: any string FsCheck draws (null included),
    /// a valid input with a hostile character replaced or inserted, a random string over <see cref="HostileAlphabet"/>,
    /// or a long run of digits.
    /// </summary>
    public static Gen<string?> HostileText =>
        Gen.Frequency(
            (3, ArbMap.Default.GeneratorFor<string>().Select(s => (string?)s)),
            (4, from seed in Gen.Elements(ValidEntryPointTexts)
                from kind in Gen.Choose(0, 2)
                from at in Gen.Choose(0, seed.Length - 1)
                from c in Gen.Elements(HostileAlphabet.ToCharArray())
                select (string?)(kind switch
                {
                    0 => seed[..at] + c + seed[(at + 1)..],
                    1 => seed[..at] + c + seed[at..],
                    _ => seed[..at],
                })),
            (2, from chars in Gen.ArrayOf(Gen.Elements(HostileAlphabet.ToCharArray()))
                select (string?)new string(chars)),
            (1, from n in Gen.Choose(19, 5000)
                from unit in Gen.Elements("", "m", " MINUTES", "d", "ms")
                select (string?)(new string('9', n) + unit)));

    /// <summary>Bytes for the UTF-8 entry points: random bytes, or a valid input with one byte replaced by any byte (invalid UTF-8 included).</summary>
    public static Gen<byte[]> HostileUtf8 =>
        Gen.OneOf(
            Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)),
            from seed in Gen.Elements(ValidEntryPointTexts)
            from at in Gen.Choose(0, seed.Length - 1)
            from b in Gen.Choose(0, 255)
            select Encoding.UTF8.GetBytes(seed).Select((x, i) => i == at ? (byte)b : x).ToArray());
}

/// <summary>A generated timestamp text and the values it stands for.</summary>
/// <param name="Text">The text.</param>
/// <param name="Local">The local date and time, fraction included.</param>
/// <param name="OffsetSeconds">The offset in seconds.</param>
/// <param name="FractionDigits">How many fraction digits the text has (0 = none).</param>
/// <param name="Form">The offset form, one of <see cref="Generators.OffsetForms"/>.</param>
public sealed record TimestampText(string Text, LocalDateTime Local, int OffsetSeconds, int FractionDigits, string Form)
{
    /// <summary>NodaTime's answer, in floored epoch seconds (valid even where Instant's range ends).</summary>
    public long ExpectedEpochSeconds => Local.InUtc().ToInstant().ToUnixTimeSeconds() - OffsetSeconds;

    /// <summary>NodaTime's answer in Unix ticks (the fraction truncated to 100 ns).</summary>
    public long ExpectedEpochTicks => Local.InUtc().ToInstant().ToUnixTimeTicks() - OffsetSeconds * TimeSpan.TicksPerSecond;

    /// <summary>
    /// NodaTime's own reading of the text, with an <see cref="NodaTime.Text.OffsetDateTimePattern"/> for its form (after
    /// spelling 'T', '.' and 'Z' the one way NodaTime's patterns do): the oracle of the parsing properties.
    /// </summary>
    public NodaTime.Text.ParseResult<OffsetDateTime> ParseWithNodaTime()
    {
        string normalised = Text.Replace(' ', 'T').Replace('t', 'T').Replace(',', '.').Replace('z', 'Z');
        var pattern = NodaTime.Text.OffsetDateTimePattern.CreateWithInvariantCulture(Form switch
        {
            "+hhmm" => "uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HHmm>",
            "+hh" => "uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH>",
            _ => "uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>",
        });
        return pattern.Parse(normalised);
    }

    /// <summary>Builds the text of a timestamp; the offset is made to fit the form (0 for Z, whole hours for ±hh).</summary>
    public static TimestampText Create(LocalDateTime local, int fractionDigits, int fraction, string form, int offsetMinutes, char dateTimeSeparator, char fractionSeparator)
    {
        if (form is "Z" or "z") { offsetMinutes = 0; }
        if (form == "+hh") { offsetMinutes = offsetMinutes / 60 * 60; }
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{local.Year:D4}-{local.Month:D2}-{local.Day:D2}{dateTimeSeparator}{local.Hour:D2}:{local.Minute:D2}:{local.Second:D2}");
        if (fractionDigits > 0)
        {
            text.Append(fractionSeparator).Append(fraction.ToString(new string('0', fractionDigits), CultureInfo.InvariantCulture));
            local = local.PlusNanoseconds(fraction * (long)Math.Pow(10, 9 - fractionDigits));
        }
        int abs = Math.Abs(offsetMinutes);
        string sign = offsetMinutes < 0 ? "-" : "+";
        text.Append(form switch
        {
            "Z" or "z" => form,
            "+hh:mm" => FormattableString.Invariant($"{sign}{abs / 60:D2}:{abs % 60:D2}"),
            "+hhmm" => FormattableString.Invariant($"{sign}{abs / 60:D2}{abs % 60:D2}"),
            _ => FormattableString.Invariant($"{sign}{abs / 60:D2}"),
        });
        return new TimestampText(text.ToString(), local, offsetMinutes * 60, fractionDigits, form);
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}

using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using UpStats.Time.Partitioning;

namespace UpStats.Time.Rendering;

/// <summary>
/// Writes a <see cref="LocalRange"/> as one SQL boolean expression over a UTC-partitioned table: the answer for
/// table formats without a location per partition (Iceberg, Delta, Hudi, or DuckDB, Spark and Polars reading
/// <c>year=/month=/day=/hour=</c> folders), where a correct predicate is the only way to query local time.
/// </summary>
/// <remarks>
/// <para>
/// The shape is <c>(condition on the partition columns alone) AND (condition on the event-time column)</c>. The first
/// part is true exactly for the range's source partitions, so an engine prunes every other folder before reading a
/// file; the second keeps the rows whose time is in the range (the cut sources at its ends hold others too). A row
/// whose partition columns name a folder outside the sources is rejected even when its time is inside.
/// </para>
/// <para>
/// The partition part is a comparison of the column tuple with the first and last partition of each run of
/// consecutive sources, not a list of hours, so its length does not grow with the range: ten years is one run,
/// a few hundred characters. An empty range is the constant <c>1 = 0</c>.
/// </para>
/// <example>
/// <code>
/// var pt = PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour);
/// LocalRange day = pt.RangeOf(new LocalDate(2020, 4, 9), new LocalDate(2020, 4, 10));
/// string where = RangePredicateRenderer.Render(day, new RangePredicateOptions(SqlDialect.Spark, "event_time"));
/// // (year = '2020' AND month = '04' AND (day = '09' AND hour >= '07' OR day = '10' AND hour &lt;= '06'))
/// //   AND (event_time >= 1586415600 AND event_time &lt; 1586502000)
/// </code>
/// </example>
/// </remarks>
public static class RangePredicateRenderer
{
    /// <summary>The predicate of an empty range: no row.</summary>
    public const string False = "1 = 0";

    private static readonly string[] DefaultColumns = ["year", "month", "day", "hour", "minute"];

    /// <summary>The UTC wall clock as every dialect's timestamp literal reads it; the fraction only when not zero.</summary>
    private static readonly LocalDateTimePattern UtcWallClock = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss.FFFFFFF");

    /// <summary>The predicate selecting exactly the rows of <paramref name="range"/> from its source partitions.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// The partition columns are not as many as the source layout's fields, or one is empty; or the time unit is not defined.
    /// </exception>
    public static string Render(LocalRange range, RangePredicateOptions options)
    {
        ArgumentNullException.ThrowIfNull(range);
        ArgumentNullException.ThrowIfNull(options);
        int fields = range.Source.StepMinutes % 1440 == 0 ? 3 : range.Source.StepMinutes % 60 == 0 ? 4 : 5;
        var names = options.PartitionColumns ?? DefaultColumns[..fields];
        if (names.Count != fields)
        {
            throw new ArgumentException(
                $"The source layout ({range.Source}) has {fields} partition columns ({string.Join(", ", DefaultColumns[..fields])}); {names.Count} names were given.",
                nameof(options));
        }
        if (range.IsEmpty)
        {
            return False;
        }
        var columns = new string[fields];
        for (int i = 0; i < fields; i++)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(names[i], nameof(options));
            columns[i] = QualifiedName(options.Dialect, names[i]);
        }
        var writer = new Writer(new StringBuilder(256), columns, options.IntegerPartitions);

        var sources = range.SourceRuns;
        long step = sources.StepTicks;
        Span<(long First, long Last)> runs = stackalloc (long, long)[Math.Min(sources.Runs.Length, 64)];
        var overflow = sources.Runs.Length > 64 ? new (long, long)[sources.Runs.Length] : null;
        if (overflow is not null)
        {
            runs = overflow;
        }
        int count = 0;
        foreach (var run in sources.Runs)
        {
            // The partition part does not care which sources are whole: join runs of consecutive labels.
            if (count > 0 && runs[count - 1].Last + step == run.FirstLabel)
            {
                runs[count - 1].Last = run.LastLabel(step);
            }
            else
            {
                runs[count++] = (run.FirstLabel, run.LastLabel(step));
            }
        }
        var text = writer.Text;
        text.Append('(');
        for (int r = 0; r < count; r++)
        {
            if (r > 0)
            {
                text.Append(" OR ");
            }
            if (count > 1)
            {
                text.Append('(');
            }
            writer.Between(FieldsOf(runs[r].First), FieldsOf(runs[r].Last), 0);
            if (count > 1)
            {
                text.Append(')');
            }
        }
        text.Append(") AND (");
        string time = TimeColumn(options);
        var intervals = range.Intervals;
        for (int i = 0; i < intervals.Count; i++)
        {
            if (i > 0)
            {
                text.Append(" OR ");
            }
            if (intervals.Count > 1)
            {
                text.Append('(');
            }
            text.Append(time).Append(" >= ");
            TimeBound(text, intervals[i].Start, options);
            text.Append(" AND ").Append(time).Append(" < ");
            TimeBound(text, intervals[i].End, options);
            if (intervals.Count > 1)
            {
                text.Append(')');
            }
        }
        return text.Append(')').ToString();
    }

    /// <summary>An identifier quoted the dialect's way: backticks for Hive and Spark, double quotes for the others.</summary>
    internal static string Identifier(SqlDialect dialect, string name, bool quoted) =>
        dialect is SqlDialect.Hive or SqlDialect.Spark ? SqlText.HiveIdentifier(name, quoted) : SqlText.TrinoIdentifier(name, quoted);

    private static string TimeColumn(RangePredicateOptions options) => QualifiedName(options.Dialect, options.TimeColumn);

    /// <summary>A column name as the user wrote it (<c>e.ts</c>, <c>`Hour`</c>), each part quoted the dialect's way when needed.</summary>
    private static string QualifiedName(SqlDialect dialect, string name) =>
        string.Join(".", SqlText.SplitQualifiedNameParts(name).Select(p => Identifier(dialect, p.Name, p.Quoted)));

    /// <summary>An interval bound as the event-time column's type reads it: an epoch number or a timestamp literal.</summary>
    private static void TimeBound(StringBuilder text, Instant instant, RangePredicateOptions options)
    {
        switch (options.TimeUnit)
        {
            case EventTimeUnit.Seconds:
                text.Append(Epoch(instant, TimeSpan.TicksPerSecond));
                break;
            case EventTimeUnit.Milliseconds:
                text.Append(Epoch(instant, TimeSpan.TicksPerMillisecond));
                break;
            case EventTimeUnit.Timestamp or EventTimeUnit.TimestampWithTimeZone:
                TimestampLiteral(text, instant, options.Dialect, options.TimeUnit == EventTimeUnit.TimestampWithTimeZone);
                break;
            default:
                throw new ArgumentException($"{options.TimeUnit} is not an event-time unit.", nameof(options));
        }
    }

    /// <summary>
    /// The smallest whole unit at or after <paramref name="instant"/>: for an integer column, <c>t ≥ ceil(x)</c> is
    /// <c>t ≥ x</c> and <c>t &lt; ceil(x)</c> is <c>t &lt; x</c>, so the comparison stays exact at any bound.
    /// </summary>
    private static string Epoch(Instant instant, long ticksPerUnit)
    {
        long ticks = instant.ToUnixTimeTicks();
        long value = (ticks / ticksPerUnit) + (ticks % ticksPerUnit > 0 ? 1 : 0);
        return value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A literal of the dialect's timestamp type that means <paramref name="instant"/> in any session time zone, given
    /// a column of the matching kind (see <see cref="EventTimeUnit"/>).
    /// </summary>
    /// <remarks>
    /// Why these spellings. A zone-less column (Hive, Trino/Athena <c>timestamp</c>, DuckDB <c>TIMESTAMP</c>) holds the
    /// UTC wall clock and is compared with a zone-less literal: wall clock against wall clock, no conversion. A
    /// zone-aware column is compared with a literal that names UTC, which the engine reads as one instant whatever the
    /// session's zone. Mixing them (a zone-less column against a literal with a zone, or the reverse) makes every engine
    /// convert the zone-less side through the session time zone, so the rows would change with a client's settings.
    /// Spark's <c>TIMESTAMP</c> is zone-aware (an instant shown in the session zone), so both kinds carry the zone
    /// there; a literal with a zone stays an instant even where <c>spark.sql.timestampType</c> is <c>TIMESTAMP_NTZ</c>.
    /// Hive's zone-aware type is <c>timestamp with local time zone</c>, whose literal keyword is <c>TIMESTAMPLOCALTZ</c>.
    /// Bounds are whole seconds for every tzdb zone (offsets are whole seconds); a fraction is written when present.
    /// </remarks>
    private static void TimestampLiteral(StringBuilder text, Instant instant, SqlDialect dialect, bool withZone)
    {
        (string keyword, string zone) = (dialect, withZone) switch
        {
            (SqlDialect.Spark, _) => ("TIMESTAMP", "Z"),
            (SqlDialect.Hive, true) => ("TIMESTAMPLOCALTZ", " UTC"),
            (SqlDialect.Trino or SqlDialect.Athena, true) => ("TIMESTAMP", " UTC"),
            (SqlDialect.DuckDB, true) => ("TIMESTAMPTZ", "+00"),
            _ => ("TIMESTAMP", ""),
        };
        text.Append(keyword).Append(" '").Append(UtcWallClock.Format(instant.InUtc().LocalDateTime)).Append(zone).Append('\'');
    }

    /// <summary>year, month, day, hour, minute of a source label (its folder's values).</summary>
    private static Fields FieldsOf(long labelTicks)
    {
        var label = Instant.FromUnixTimeTicks(labelTicks).InUtc().LocalDateTime;
        return new Fields(label.Year, label.Month, label.Day, label.Hour, label.Minute);
    }

    /// <summary>Writes tuple comparisons on the partition columns.</summary>
    private readonly struct Writer(StringBuilder text, string[] columns, bool integers)
    {
        internal StringBuilder Text => text;

        /// <summary>lo ≤ (columns[i..]) ≤ hi, given the columns before i equal both.</summary>
        internal void Between(Fields lo, Fields hi, int i)
        {
            int n = columns.Length;
            if (lo[i] == hi[i])
            {
                Compare(i, "=", lo[i]);
                if (i + 1 < n)
                {
                    text.Append(" AND ");
                    Between(lo, hi, i + 1);
                }
                return;
            }
            if (i + 1 == n)
            {
                Compare(i, ">=", lo[i]);
                text.Append(" AND ");
                Compare(i, "<=", hi[i]);
                return;
            }
            text.Append('(');
            Compare(i, "=", lo[i]);
            if (!IsFirst(lo, i + 1))
            {
                text.Append(" AND ");
                Bound(lo, i + 1, lower: true);
            }
            if (hi[i] - lo[i] > 1)
            {
                text.Append(" OR ");
                Compare(i, ">", lo[i]);
                text.Append(" AND ");
                Compare(i, "<", hi[i]);
            }
            text.Append(" OR ");
            Compare(i, "=", hi[i]);
            if (!IsLast(hi, i + 1))
            {
                text.Append(" AND ");
                Bound(hi, i + 1, lower: false);
            }
            text.Append(')');
        }

        /// <summary>(columns[i..]) ≥ lo[i..] when <paramref name="lower"/>, else (columns[i..]) ≤ hi[i..].</summary>
        private void Bound(Fields edge, int i, bool lower)
        {
            if (i + 1 == columns.Length || (lower ? IsFirst(edge, i + 1) : IsLast(edge, i + 1)))
            {
                Compare(i, lower ? ">=" : "<=", edge[i]);
                return;
            }
            text.Append('(');
            Compare(i, lower ? ">" : "<", edge[i]);
            text.Append(" OR ");
            Compare(i, "=", edge[i]);
            text.Append(" AND ");
            Bound(edge, i + 1, lower);
            text.Append(')');
        }

        /// <summary>Whether fields i.. are the smallest any folder can hold (month 01, day 01, hour 00, minute 00).</summary>
        private bool IsFirst(Fields f, int i)
        {
            for (; i < columns.Length; i++)
            {
                if (f[i] != (i <= 2 ? 1 : 0))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Whether fields i.. are the largest any folder can hold (month 12, the month's last day, hour 23, minute 59).</summary>
        private bool IsLast(Fields f, int i)
        {
            for (; i < columns.Length; i++)
            {
                int last = i switch { 1 => 12, 2 => CalendarSystem.Iso.GetDaysInMonth(f[0], f[1]), 3 => 23, _ => 59 };
                if (f[i] != last)
                {
                    return false;
                }
            }
            return true;
        }

        private void Compare(int i, string op, int value)
        {
            text.Append(columns[i]).Append(' ').Append(op).Append(' ');
            if (integers)
            {
                text.Append(value.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                // Folder values are zero-padded (yyyy, MM, dd, HH, mm), so text order is number order.
                text.Append('\'').Append(value.ToString(i == 0 ? "D4" : "D2", CultureInfo.InvariantCulture)).Append('\'');
            }
        }
    }

    private readonly record struct Fields(int Year, int Month, int Day, int Hour, int Minute)
    {
        public int this[int i] => i switch { 0 => Year, 1 => Month, 2 => Day, 3 => Hour, _ => Minute };
    }
}

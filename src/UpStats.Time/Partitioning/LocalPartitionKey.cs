using NodaTime;
using UpStats.Time.Grid;

namespace UpStats.Time.Partitioning;

/// <summary>
/// The key of a local partition: a label on the target zone's local clock (an hour or a day) — never an
/// instant. <c>2024-11-03T01</c> in America/Los_Angeles is one key, although the clock reads it twice.
/// </summary>
/// <remarks>
/// A small value (local ticks and a granularity) so that mapping an event to its key allocates nothing;
/// <see cref="TryFormat(Span{byte}, out int)"/> writes the text straight into an output buffer.
/// </remarks>
/// <example>
/// <code>
/// var map = PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour);
/// Instant t = Instant.FromUtc(2024, 11, 3, 9, 30);
/// LocalPartitionKey local = map.KeyOf(t);          // 2024-11-03T01 on PT's clock (the second pass of 01:00)
/// SourcePartitionKey source = map.SourceKeyOf(t);  // 2024-11-03T09 on UTC's clock
/// Span&lt;byte&gt; utf8 = stackalloc byte[16];
/// bool written = local.TryFormat(utf8, out int length);  // true; utf8[..length] is "2024-11-03T01"u8
/// bool same = local == new LocalPartitionKey(new LocalDateTime(2024, 11, 3, 1, 0), PartitionGranularity.Hour);  // true
/// </code>
/// </example>
public readonly struct LocalPartitionKey : IEquatable<LocalPartitionKey>, IComparable<LocalPartitionKey>
{
    private readonly long _localTicks;
    private readonly PartitionGranularity _granularity;

    internal LocalPartitionKey(long localTicks, PartitionGranularity granularity)
    {
        _localTicks = localTicks;
        _granularity = granularity;
    }

    /// <summary>Creates the key of the partition that starts at <paramref name="label"/>.</summary>
    /// <param name="label">The local start of the partition: a whole hour, or a midnight for <see cref="PartitionGranularity.Day"/>.</param>
    /// <param name="granularity">Hour or day.</param>
    /// <exception cref="ArgumentException"><paramref name="label"/> is not the start of an hour (or of a day).</exception>
    public LocalPartitionKey(LocalDateTime label, PartitionGranularity granularity)
    {
        long ticks = LocalClockGrid.LocalTicks(label);
        long step = granularity == PartitionGranularity.Day ? TickMath.TicksPerDay : TimeSpan.TicksPerHour;
        if (TickMath.FloorMod(ticks, step) != 0)
        {
            throw new ArgumentException($"{label:uuuu-MM-dd'T'HH:mm:ss.FFFFFFFFF} is not the start of a local {(granularity == PartitionGranularity.Day ? "day" : "hour")}.", nameof(label));
        }
        _localTicks = ticks;
        _granularity = granularity;
    }

    /// <summary>The local time at which the partition starts (its label).</summary>
    public LocalDateTime Label => LocalClockGrid.FromLocalTicks(_localTicks);

    /// <summary>Hour or day.</summary>
    public PartitionGranularity Granularity => _granularity;

    internal long LocalTicks => _localTicks;

    private KeyPrecision Precision => _granularity == PartitionGranularity.Day ? KeyPrecision.Day : KeyPrecision.Hour;

    /// <summary>Writes the key (<c>2024-11-03T01</c> or <c>2024-11-03</c>) as UTF-16 without allocating.</summary>
    /// <returns><c>false</c> (and nothing written) when <paramref name="destination"/> is too short; 13 chars suffice for years 0000–9999.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten) =>
        KeyText.TryFormat(_localTicks, Precision, destination, out charsWritten);

    /// <summary>Writes the key as UTF-8 without allocating.</summary>
    /// <returns><c>false</c> (and nothing written) when <paramref name="destination"/> is too short; 13 bytes suffice for years 0000–9999.</returns>
    public bool TryFormat(Span<byte> destination, out int bytesWritten) =>
        KeyText.TryFormat(_localTicks, Precision, destination, out bytesWritten);

    /// <summary>The key's text: <c>yyyy-MM-ddTHH</c> for hours, <c>yyyy-MM-dd</c> for days.</summary>
    public override string ToString() => KeyText.Format(_localTicks, Precision);

    /// <inheritdoc/>
    public bool Equals(LocalPartitionKey other) => _localTicks == other._localTicks && _granularity == other._granularity;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is LocalPartitionKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_localTicks, _granularity);

    /// <summary>Orders keys by label (then granularity).</summary>
    public int CompareTo(LocalPartitionKey other) =>
        _localTicks != other._localTicks ? _localTicks.CompareTo(other._localTicks) : _granularity.CompareTo(other._granularity);

    /// <summary>Equality.</summary>
    public static bool operator ==(LocalPartitionKey left, LocalPartitionKey right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(LocalPartitionKey left, LocalPartitionKey right) => !left.Equals(right);

    /// <summary>Ordering by label.</summary>
    public static bool operator <(LocalPartitionKey left, LocalPartitionKey right) => left.CompareTo(right) < 0;

    /// <summary>Ordering by label.</summary>
    public static bool operator >(LocalPartitionKey left, LocalPartitionKey right) => left.CompareTo(right) > 0;

    /// <summary>Ordering by label.</summary>
    public static bool operator <=(LocalPartitionKey left, LocalPartitionKey right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering by label.</summary>
    public static bool operator >=(LocalPartitionKey left, LocalPartitionKey right) => left.CompareTo(right) >= 0;
}

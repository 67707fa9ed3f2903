using NodaTime;
using UpStats.Time.Grid;

namespace UpStats.Time.Partitioning;

/// <summary>
/// The key of a source partition: the label of a folder of the source layout, on the source zone's clock
/// (UTC by default: <c>2024-11-03T08</c> is the folder <c>year=2024/month=11/day=03/hour=08</c>).
/// </summary>
/// <remarks>
/// Kept apart from <see cref="LocalPartitionKey"/> on purpose: the two look alike as text but live on
/// different clocks, and mixing them up is exactly the bug this library exists to prevent.
/// </remarks>
/// <example>
/// <code>
/// var map = PartitionMap.For(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], PartitionGranularity.Hour);
/// SourcePartitionKey source = map.SourceKeyOf(Instant.FromUtc(2024, 11, 3, 9, 30));  // 2024-11-03T09
/// string folder = PathPattern.Hourly.Format(source.Label); // "year=2024/month=11/day=03/hour=09"
/// </code>
/// </example>
public readonly struct SourcePartitionKey : IEquatable<SourcePartitionKey>, IComparable<SourcePartitionKey>
{
    private readonly long _localTicks;
    private readonly KeyPrecision _precision;

    internal SourcePartitionKey(long localTicks, KeyPrecision precision)
    {
        _localTicks = localTicks;
        _precision = precision;
    }

    /// <summary>The source clock's time at which the source partition starts (UTC for the default layout).</summary>
    public LocalDateTime Label => LocalClockGrid.FromLocalTicks(_localTicks);

    internal long LocalTicks => _localTicks;

    /// <summary>Writes the key (<c>2024-11-03T08</c> for hourly sources) as UTF-16 without allocating.</summary>
    /// <returns><c>false</c> (and nothing written) when <paramref name="destination"/> is too short (16 chars always suffice for years 0000–9999).</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten) =>
        KeyText.TryFormat(_localTicks, _precision, destination, out charsWritten);

    /// <summary>Writes the key as UTF-8 without allocating.</summary>
    /// <returns><c>false</c> (and nothing written) when <paramref name="destination"/> is too short (16 bytes always suffice for years 0000–9999).</returns>
    public bool TryFormat(Span<byte> destination, out int bytesWritten) =>
        KeyText.TryFormat(_localTicks, _precision, destination, out bytesWritten);

    /// <summary>
    /// The key's text: <c>yyyy-MM-ddTHH</c> for sources of whole hours, <c>yyyy-MM-dd</c> for daily sources,
    /// <c>yyyy-MM-ddTHH:mm</c> for sources shorter than an hour.
    /// </summary>
    public override string ToString() => KeyText.Format(_localTicks, _precision);

    /// <inheritdoc/>
    public bool Equals(SourcePartitionKey other) => _localTicks == other._localTicks && _precision == other._precision;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SourcePartitionKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_localTicks, _precision);

    /// <summary>Orders keys by label.</summary>
    public int CompareTo(SourcePartitionKey other) =>
        _localTicks != other._localTicks ? _localTicks.CompareTo(other._localTicks) : _precision.CompareTo(other._precision);

    /// <summary>Equality.</summary>
    public static bool operator ==(SourcePartitionKey left, SourcePartitionKey right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(SourcePartitionKey left, SourcePartitionKey right) => !left.Equals(right);

    /// <summary>Ordering by label.</summary>
    public static bool operator <(SourcePartitionKey left, SourcePartitionKey right) => left.CompareTo(right) < 0;

    /// <summary>Ordering by label.</summary>
    public static bool operator >(SourcePartitionKey left, SourcePartitionKey right) => left.CompareTo(right) > 0;

    /// <summary>Ordering by label.</summary>
    public static bool operator <=(SourcePartitionKey left, SourcePartitionKey right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering by label.</summary>
    public static bool operator >=(SourcePartitionKey left, SourcePartitionKey right) => left.CompareTo(right) >= 0;
}

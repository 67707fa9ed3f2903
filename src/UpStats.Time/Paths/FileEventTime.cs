using System.Globalization;
using NodaTime;
using UpStats.Time.Parsing;

namespace UpStats.Time.Paths;

/// <summary>
/// The event time of a file in a storage source: read from its path by the date pattern, else its modified
/// time, else none (<see cref="Success"/> is false and <see cref="PatternError"/> says why the path did not match).
/// </summary>
public readonly struct FileEventTime : IEquatable<FileEventTime>
{
    internal FileEventTime(FileTimeSource source, Instant time, ParseError patternError)
    {
        Source = source;
        Time = time;
        PatternError = patternError;
    }

    /// <summary>Where the time came from; <see cref="FileTimeSource.None"/> when there is none.</summary>
    public FileTimeSource Source { get; }

    /// <summary>Whether the file has an event time.</summary>
    public bool Success => Source != FileTimeSource.None;

    /// <summary>The event time; <c>default</c> when there is none.</summary>
    public Instant Time { get; }

    /// <summary>Where and why the path did not match the pattern (a position in the path); <c>default</c> when it matched.</summary>
    public ParseError PatternError { get; }

    /// <summary>Why there is no event time, e.g. <c>no date in the path (Month must be between 01 and 12 at position 12) and no modified time</c>; <c>null</c> on success.</summary>
    public string? ErrorMessage => Success ? null : string.Create(CultureInfo.InvariantCulture, $"no date in the path ({PatternError.Message}) and no modified time");

    /// <inheritdoc/>
    public bool Equals(FileEventTime other) => Source == other.Source && Time == other.Time && PatternError == other.PatternError;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FileEventTime other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Source, Time, PatternError);

    /// <summary>The time and its source, or the error.</summary>
    public override string ToString() => Success ? $"{Time} ({Source})" : ErrorMessage!;

    /// <summary>Whether two results are equal.</summary>
    public static bool operator ==(FileEventTime left, FileEventTime right) => left.Equals(right);

    /// <summary>Whether two results differ.</summary>
    public static bool operator !=(FileEventTime left, FileEventTime right) => !left.Equals(right);
}

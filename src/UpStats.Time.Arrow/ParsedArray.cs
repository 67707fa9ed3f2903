using Apache.Arrow;
using UpStats.Time.Parsing;

namespace UpStats.Time.Arrow;

/// <summary>
/// A parsed Arrow column: the values (null where the input was null or failed) and why each failed row failed.
/// </summary>
/// <typeparam name="TArray">The Arrow array of the results: <see cref="TimestampArray"/> or <see cref="Int64Array"/>.</typeparam>
public sealed class ParsedArray<TArray>
    where TArray : IArrowArray
{
    internal ParsedArray(TArray values, IReadOnlyList<RowError> errors)
    {
        Values = values;
        Errors = errors;
    }

    /// <summary>One value per input row; null where the input was null or the text failed to parse.</summary>
    public TArray Values { get; }

    /// <summary>The rows that failed (index within the input array, as sliced), in row order, with the position and reason.</summary>
    public IReadOnlyList<RowError> Errors { get; }
}

namespace UpStats.Time.Parsing;

/// <summary>What one call of <see cref="OffsetTimestampColumn"/> did.</summary>
/// <param name="Rows">Rows parsed (written to the destination, failed or not), from the start of the input.</param>
/// <param name="Failed">Rows among them that failed; their errors are the first <paramref name="Failed"/> entries of the errors span.</param>
/// <param name="Consumed">How much input those rows used: bytes (line ends included) for UTF-8 lines, values for a
/// span of strings. Continue with the input after it when it is less than the whole input.</param>
public readonly record struct ColumnParseResult(int Rows, int Failed, int Consumed);

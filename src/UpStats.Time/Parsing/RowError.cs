namespace UpStats.Time.Parsing;

/// <summary>A row of a column that failed to parse: its 0-based index within the call, and why.</summary>
/// <param name="Row">The 0-based index of the row (line) within the input of the call that reported it.</param>
/// <param name="Error">Where in the row and why it failed.</param>
public readonly record struct RowError(int Row, ParseError Error);

using UpStats.Time.Parsing;

namespace UpStats.Lake.Migration;

/// <summary>
/// Turns a batch's <c>date_created</c> column into UTC epoch seconds with the library's batch parser
/// (<c>OffsetTimestampColumn</c>): one call per chunk, every row parsed, each failure kept with its position and
/// reason as the job's error. Nothing is guessed: a value that does not parse stays NULL.
/// </summary>
internal sealed class DateCreatedColumn
{
    private RowError[] _failures = new RowError[256];

    /// <summary>Parses every job of <paramref name="batch"/> that has a value.</summary>
    public void Parse(JobBatch batch)
    {
        if (_failures.Length < batch.Count)
        {
            _failures = new RowError[Math.Max(batch.Count, _failures.Length * 2)];
        }
        // As many error slots as rows: the parser never stops early.
        var result = OffsetTimestampColumn.ParseEpochSeconds(batch.Column, batch.EpochSeconds, _failures);
        if (result.Rows != batch.Count)
        {
            throw new InvalidOperationException($"The date column has {result.Rows} rows for {batch.Count} jobs.");
        }
        var errors = batch.Errors;
        foreach (var failure in _failures.AsSpan(0, result.Failed))
        {
            // A job added without a value already carries its own reason (its line is empty).
            if (errors[failure.Row] is null && !batch.ParseAlone.ContainsKey(failure.Row))
            {
                errors[failure.Row] = failure.Error.Message;
            }
        }
        foreach (var (row, value) in batch.ParseAlone)
        {
            if (OffsetTimestamp.TryParseEpochSeconds(value, out var seconds, out var error))
            {
                batch.EpochSeconds[row] = seconds;
            }
            else
            {
                errors[row] = error.Message;
            }
        }
    }
}

namespace UpStats.Time.Partitioning;

/// <summary>
/// The source slices of one owned interval inside a stretch of constant offset, over a fixed-offset source layout,
/// computed when read: for a list <c>(start, end, first label)</c>, item k is the source cell <c>first label + k·step</c>
/// cut to <c>[start, end)</c>. One per <see cref="SourceLayout"/>, so a partition holds no array of slices.
/// </summary>
internal sealed class SourceSliceSeries : ValueListItems<SourceSlice>
{
    private readonly SourceLayout _layout;

    internal SourceSliceSeries(SourceLayout layout) => _layout = layout;

    /// <summary>The <paramref name="count"/> cells from <paramref name="firstLabel"/> covering <c>[start, end)</c>.</summary>
    internal ReadOnlyValueList<SourceSlice> Of(long start, long end, long firstLabel, int count) => new(this, start, end, firstLabel, count);

    internal override SourceSlice Get(long a, long b, long c, int index, ref int cursor)
    {
        var grid = _layout.Grid;
        long label = c + index * grid.StepTicks;
        long pieceStart = label - grid.FixedOffsetTicks, pieceEnd = pieceStart + grid.StepTicks;
        long start = Math.Max(pieceStart, a), end = Math.Min(pieceEnd, b);
        return new SourceSlice(new SourcePartitionKey(label, _layout.Precision), start, end, start == pieceStart && end == pieceEnd);
    }
}

using System.Text;
using UpStats.Time.Parsing;

namespace UpStats.Time.Tests.Parsing;

/// <summary>
/// The parallel column entry point gives exactly what one sequential call gives (result, values, errors with their
/// rows), however the input is cut into chunks, including when the destination or the error span runs out in a
/// later chunk and when a chunk holds more (short) rows than its buffer was sized for.
/// </summary>
public class OffsetTimestampColumnParallelTest
{
    private static byte[] Lines(int seed, int columns, bool shortRows = false)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (int c = 0; c < columns; c++)
        {
            foreach (string row in ColumnDifferential.Column(random, 50))
            {
                text.Append(row.Replace("\n", "", StringComparison.Ordinal)).Append(random.Next(4) == 0 ? "\r\n" : "\n");
            }
            if (shortRows)
            {
                text.Append('\n', 2000); // empty rows: one byte each
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 7)]
    [InlineData(4, 64)]
    public void ParseInChunks_AnyCut_EqualsOneSequentialCall(int seed, int chunks)
    {
        byte[] input = Lines(seed, 40);
        AssertSameAsSequential(input, chunks, rowRoom: int.MaxValue, errorRoom: int.MaxValue);
    }

    [Theory]
    [InlineData(5, 4, 1500, int.MaxValue)] // the destination ends in a later chunk
    [InlineData(6, 4, int.MaxValue, 40)]   // the error span ends in a later chunk
    [InlineData(7, 3, 10, 0)]              // stops at the first bad row, in the first chunk
    public void ParseInChunks_RoomRunsOut_StopsWhereOneCallStops(int seed, int chunks, int rowRoom, int errorRoom)
    {
        AssertSameAsSequential(Lines(seed, 40), chunks, rowRoom, errorRoom);
    }

    [Fact]
    public void ParseInChunks_ChunkOfManyShortRows_EqualsOneSequentialCall()
    {
        AssertSameAsSequential(Lines(8, 10, shortRows: true), 4, int.MaxValue, int.MaxValue);
    }

    [Fact]
    public void ParseEpochSecondsParallel_LargeInput_EqualsOneSequentialCall()
    {
        byte[] input = Lines(9, 2000); // about 2.5 MB: two chunks on a machine with two cores
        Assert.True(input.Length > 2 << 20);
        const int Room = 120_000;
        var expected = new long[Room];
        var expectedErrors = new RowError[Room];
        var sequential = OffsetTimestampColumn.ParseEpochSeconds(input, expected, expectedErrors);
        var actual = new long[Room];
        var actualErrors = new RowError[Room];
        var parallel = OffsetTimestampColumn.ParseEpochSecondsParallel(input, actual, actualErrors);
        Assert.Equal(sequential, parallel);
        Assert.Equal(expected, actual);
        Assert.Equal(expectedErrors, actualErrors);
        var expectedMs = new long[Room];
        var actualMs = new long[Room];
        Assert.Equal(
            OffsetTimestampColumn.ParseEpochMilliseconds(input, expectedMs, new RowError[Room]),
            OffsetTimestampColumn.ParseEpochMillisecondsParallel(input, actualMs, new RowError[Room], maxDegreeOfParallelism: 2));
        Assert.Equal(expectedMs, actualMs);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void ParseEpochSecondsParallel_BadDegree_Throws(int degree)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OffsetTimestampColumn.ParseEpochSecondsParallel(new byte[10], new long[1], new RowError[1], degree));
    }

    private static void AssertSameAsSequential(byte[] input, int chunks, int rowRoom, int errorRoom)
    {
        int rows = input.Count(b => b == (byte)'\n') + 1;
        int destinationLength = Math.Min(rows, rowRoom), errorLength = Math.Min(rows, errorRoom);
        var expected = new long[destinationLength];
        var expectedErrors = new RowError[errorLength];
        var sequential = OffsetTimestampColumn.ParseEpochSeconds(input, expected, expectedErrors);
        var actual = new long[destinationLength];
        var actualErrors = new RowError[errorLength];
        var parallel = OffsetTimestampColumn.ParseEpochSecondsInChunks(input, actual, actualErrors, chunks);
        Assert.Equal(sequential, parallel);
        Assert.Equal(expected, actual);
        Assert.Equal(expectedErrors, actualErrors);
        Assert.True(errorLength == 0 || sequential.Failed > 0, "the input should hold bad rows");
    }
}

using UpStats.Time.Parsing;

namespace UpStats.Time.Tests.Parsing;

/// <summary>The Try path and the column API allocate nothing, for good values and for every kind of failure.</summary>
public class OffsetTimestampAllocationTest
{
    private static readonly string[] Values =
    [
        "2015-10-11T00:26:51+0100", "2015-10-11T00:26:51+01:00", "2015-10-10T23:26:51Z", "2015-10-11 00:26:51.123+01",
        "2015-13-11T00:26:51+0100", "2015-02-29T00:26:51+0100", "2015-10-11T00:26:51", "", "x", "9999-12-31T23:59:59-01:00",
    ];

    [Fact]
    public void TryParse_GoodAndBadValues_AllocateNothing()
    {
        byte[][] utf8 = Values.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var lines = System.Text.Encoding.UTF8.GetBytes(string.Join("\n", Values));
        var destination = new long[Values.Length];
        var errors = new RowError[Values.Length];
        Run(); // JIT and static initialisation first
        long before = GC.GetAllocatedBytesForCurrentThread();
        long failures = Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(failures > 0);

        long Run()
        {
            long failed = 0;
            for (int i = 0; i < Values.Length; i++)
            {
                failed += OffsetTimestamp.TryParseEpochSeconds(utf8[i], out _, out _) ? 0 : 1;
                failed += OffsetTimestamp.TryParseEpochSeconds(Values[i], out _, out _) ? 0 : 1;
                failed += OffsetTimestamp.TryParseEpochMilliseconds(utf8[i], out _, out _) ? 0 : 1;
                failed += OffsetTimestamp.TryParseEpochTicks(Values[i], out _, out _) ? 0 : 1;
                failed += OffsetTimestamp.TryParse(utf8[i], out Instant _, out _) ? 0 : 1;
                failed += OffsetTimestamp.TryParse(Values[i], out Instant _, out _) ? 0 : 1;
            }
            failed += OffsetTimestampColumn.ParseEpochSeconds(lines, destination, errors).Failed;
            failed += OffsetTimestampColumn.ParseEpochMilliseconds(Values, destination, errors).Failed;
            return failed;
        }
    }
}

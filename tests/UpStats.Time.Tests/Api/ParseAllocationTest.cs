using UpStats.Time.Parsing;
using UpStats.Time.Scheduling;

namespace UpStats.Time.Tests.Api;

/// <summary>
/// A successful parse allocates nothing but what the value itself is (a path pattern is an object; the others are
/// structs): <c>Parse</c> returns a struct <see cref="ParseResult{T}"/> that keeps no text on success, and the UTF-8
/// entry points of the character grammars decode on the stack. (Timestamps' failures allocate nothing either:
/// <c>OffsetTimestampAllocationTest</c>.)
/// </summary>
public class ParseAllocationTest
{
    [Fact]
    public void Parse_AndTryParse_ValidText_AllocateNothing()
    {
        Run(); // JIT and static initialisation first
        long before = GC.GetAllocatedBytesForCurrentThread();
        int parsed = Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(16, parsed);

        static int Run()
        {
            int ok = 0;
            ok += OffsetTimestamp.Parse("2015-10-11T00:26:51+0100").Success ? 1 : 0;
            ok += OffsetTimestamp.Parse("2015-10-11T00:26:51.5+01:00".AsSpan()).Success ? 1 : 0;
            ok += OffsetTimestamp.Parse("2015-10-11 00:26:51Z"u8).Success ? 1 : 0;
            ok += OffsetTimestamp.ParseOrThrow("2015-10-11T00:26:51+0100").ToUnixTimeSeconds() == 1444519611 ? 1 : 0;
            ok += RunInterval.Parse("15 minutes").Success ? 1 : 0;
            ok += RunInterval.Parse(" 2h ".AsSpan()).Success ? 1 : 0;
            ok += RunInterval.Parse("7 DAYS"u8).Success ? 1 : 0;
            ok += RunInterval.TryParse("5m", out _, out _) ? 1 : 0;
            ok += RunInterval.TryParse("\u3000 1 hour"u8, out _, out _) ? 1 : 0;
            ok += RunInterval.ParseOrThrow("1 DAY").Days;
            ok += LookbackDuration.Parse("1d12h").Success ? 1 : 0;
            ok += LookbackDuration.Parse("500ms".AsSpan()).Success ? 1 : 0;
            ok += LookbackDuration.Parse("60 DAYS"u8).Success ? 1 : 0;
            ok += LookbackDuration.TryParse("30d", out _, out _) ? 1 : 0;
            ok += LookbackDuration.TryParse("1h 30m"u8, out _, out _) ? 1 : 0;
            ok += LookbackDuration.ParseOrThrow("0") == LookbackDuration.None ? 1 : 0;
            return ok;
        }
    }
}

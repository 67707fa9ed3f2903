using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using UpStats.Time.Scheduling.Windows;
using Interval = NodaTime.Interval;

namespace UpStats.Time.Tests.Scheduling.Windows;

public class WindowMathTest
{
    /// <summary>Ticks from 1900 to 2100: both sides of 1970.</summary>
    private static Gen<long> AnyTicks =>
        from seconds in Gen.Choose(-1_104_494_400, 2_051_222_400)
        from half in Gen.Choose(0, 1)
        from sub in Gen.Choose(0, 9_999_999)
        select (seconds * 2L + half) * TimeSpan.TicksPerSecond + sub;

    /// <summary>A window length: whole minutes up to 400 days, or a few odd ticks.</summary>
    private static Gen<long> Lengths =>
        Gen.OneOf(
            Gen.Choose(1, 400 * 1440).Select(m => m * TimeSpan.TicksPerMinute),
            Gen.Choose(1, 1000).Select(t => (long)t));

    /// <summary>The oracle: decimal floor division, an arithmetic independent of TickMath.</summary>
    private static long FloorStart(long t, long size, long offset) =>
        offset + (long)Math.Floor(((decimal)t - offset) / size) * size;

    [Property(MaxTest = 500)]
    public Property TumblingStart_EqualsFloorDivision_BeforeAndAfter1970() =>
        Prop.ForAll(Arb.From(from t in AnyTicks from size in Lengths from offset in AnyTicks select (t, size, offset)), c =>
        {
            var start = WindowMath.TumblingStart(Instant.FromUnixTimeTicks(c.t), Duration.FromTicks(c.size), Duration.FromTicks(c.offset));
            long s = start.ToUnixTimeTicks();
            return (s == FloorStart(c.t, c.size, c.offset) && s <= c.t && c.t < s + c.size).Label($"{c}: {s}");
        });

    [Property(MaxTest = 500)]
    public Property SlidingWindowsContaining_EqualsABruteForceScan() =>
        Prop.ForAll(Arb.From(from t in AnyTicks from size in Gen.Choose(1, 3000) from slide in Gen.Choose(1, 500) from offset in Gen.Choose(-10_000, 10_000) select (t, size, slide, offset)), c =>
        {
            // Unit = one minute, so the brute force walks at most a few thousand candidate starts.
            long unit = TimeSpan.TicksPerMinute;
            long size = c.size * unit, slide = c.slide * unit, offset = c.offset * unit;
            var expected = new List<Interval>();
            for (long s = FloorStart(c.t - size, slide, offset); s <= c.t; s += slide)
            {
                if (s <= c.t && c.t < s + size)
                {
                    expected.Add(new Interval(Instant.FromUnixTimeTicks(s), Instant.FromUnixTimeTicks(s + size)));
                }
            }
            var actual = WindowMath.SlidingWindowsContaining(Instant.FromUnixTimeTicks(c.t), Duration.FromTicks(size), Duration.FromTicks(slide), Duration.FromTicks(offset));
            return (expected.SequenceEqual(actual) && actual.Count == expected.Count).Label($"{c}: {actual.Count} vs {expected.Count}");
        });

    [Fact]
    public void TumblingStart_OneSecondBefore1970_IsInTheWindowBefore1970()
    {
        var t = Instant.FromUtc(1969, 12, 31, 23, 59, 59);
        Assert.Equal(Instant.FromUtc(1969, 12, 31, 0, 0), WindowMath.TumblingStart(t, Duration.FromDays(1)));
        Assert.Equal(Instant.FromUtc(1969, 12, 31, 23, 45), WindowMath.TumblingStart(t, Duration.FromMinutes(15)));
    }

    [Fact]
    public void TumblingWindow_ThirtyDaysOffsetToJan2022_StartsAtUpsolversBlocks()
    {
        // 30-day tumbling windows aligned to 2022-01-01: Jan 1 – Jan 31, Jan 31 – Mar 2.
        var offset = Instant.FromUtc(2022, 1, 1, 0, 0) - NodaConstants.UnixEpoch;
        var window = WindowMath.TumblingWindow(Instant.FromUtc(2022, 2, 14, 12, 0), Duration.FromDays(30), offset);
        Assert.Equal(new Interval(Instant.FromUtc(2022, 1, 31, 0, 0), Instant.FromUtc(2022, 3, 2, 0, 0)), window);
    }

    [Fact]
    public void SlidingWindowsContaining_ThirtyDaysEveryDay_GivesThirtyWindows()
    {
        var windows = WindowMath.SlidingWindowsContaining(Instant.FromUtc(2022, 8, 4, 11, 3), Duration.FromDays(30), Duration.FromDays(1));
        Assert.Equal(30, windows.Count);
        Assert.Equal(Instant.FromUtc(2022, 7, 6, 0, 0), windows[0].Start);
        Assert.Equal(Instant.FromUtc(2022, 8, 4, 0, 0), windows[29].Start);
    }

    [Fact]
    public void SlidingWindowsContaining_SlideLongerThanSize_CanBeEmpty()
    {
        var windows = WindowMath.SlidingWindowsContaining(Instant.FromUtc(2022, 1, 1, 12, 0), Duration.FromHours(1), Duration.FromDays(1));
        Assert.Empty(windows);
    }

    [Fact]
    public void TumblingStart_ZeroSize_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WindowMath.TumblingStart(Instant.FromUtc(2022, 1, 1, 0, 0), Duration.Zero));
}

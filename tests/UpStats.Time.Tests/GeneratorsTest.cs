namespace UpStats.Time.Tests;

/// <summary>The mutation profile's zone sample stays what its lower-bound argument needs.</summary>
public class GeneratorsTest
{
    [Fact]
    public void ZoneSample_IsASubsetOfEveryZone_HoldingEveryHardZone()
    {
        var sample = Generators.ZoneSample();

        Assert.Subset(Generators.AllZoneIds.ToHashSet(), sample.ToHashSet());
        Assert.Subset(sample.ToHashSet(), Generators.HardZones.ToHashSet());
        Assert.InRange(sample.Length, Generators.AllZoneIds.Count / 12, Generators.AllZoneIds.Count / 6);
    }

    [Fact]
    public void ZonesToWalk_WithoutTheProfile_IsEveryZone()
    {
        Assert.True(Environment.GetEnvironmentVariable("UPSTATS_MUTATION_PROFILE") == "1"
            || Generators.ZonesToWalk.SequenceEqual(Generators.AllZoneIds));
    }
}

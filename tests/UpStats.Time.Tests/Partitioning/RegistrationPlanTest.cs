using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Testing;
using UpStats.Time.Partitioning;
using UpStats.Time.Paths;
using UpStats.Time.Rendering;

namespace UpStats.Time.Tests.Partitioning;

// Udemy's hourly workflow: register regular PT hours at their UTC folder, copy the two UTC hours of the
// fall-back 01:00 into one folder once the second has ended, never touch the skipped 02:00.
public class RegistrationPlanTest
{
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    private static readonly RegistrationOptions S3 = new("s3://bucket/events");

    private static RegistrationPlan Plan(string zone, LocalDate date, Instant now, RegistrationOptions? options = null) =>
        RegistrationPlan.Create(PartitionMap.For(DateTimeZoneProviders.Tzdb[zone], PartitionGranularity.Hour), date, date.PlusDays(1), new FakeClock(now), options ?? S3);

    private static PlannedPartition Hour(RegistrationPlan plan, string key) => plan.Partitions.Single(p => p.Key.ToString() == key);

    [Fact]
    public void Create_UdemyFallBackHourBeforeUtc10_WaitsAndDoesNothing()
    {
        var plan = Plan("America/Los_Angeles", new LocalDate(2024, 11, 3), Instant.FromUtc(2024, 11, 3, 9, 59, 59));
        var one = Hour(plan, "2024-11-03T01");
        Assert.Equal(PartitionStatus.Waiting, one.Status);
        Assert.Equal(Instant.FromUtc(2024, 11, 3, 10, 0), one.ReadyAt);
        Assert.Empty(one.Actions);
        Assert.DoesNotContain(plan.Actions, a => a.Key == one.Key);
    }

    [Fact]
    public void Create_UdemyFallBackHourAfterUtc10_MaterialisesBothUtcHoursThenRegistersTheFolder()
    {
        var plan = Plan("America/Los_Angeles", new LocalDate(2024, 11, 3), Instant.FromUtc(2024, 11, 3, 10, 0));
        var one = Hour(plan, "2024-11-03T01");
        Assert.Equal(PartitionStatus.Ready, one.Status);
        var materialize = Assert.IsType<MaterializeAction>(one.Actions[0]);
        var register = Assert.IsType<RegisterAction>(one.Actions[1]);
        const string folder = "s3://bucket/events/_local/America_Los_Angeles/year=2024/month=11/day=03/hour=01";
        Assert.Equal(folder, materialize.TargetLocation);
        Assert.Equal(["s3://bucket/events/year=2024/month=11/day=03/hour=08", "s3://bucket/events/year=2024/month=11/day=03/hour=09"],
            materialize.Copies.Select(c => c.SourceLocation));
        Assert.All(materialize.Copies, c => Assert.True(c.IsWhole));
        Assert.Equal(folder, register.Location);
        Assert.Equal(["year=2024", "month=11", "day=03", "hour=01"], register.PartitionValues.Select(v => $"{v.Key}={v.Value}"));
    }

    [Fact]
    public void Create_RegularHour_RegistersTheUtcFolderWithoutCopying()
    {
        var plan = Plan("America/Los_Angeles", new LocalDate(2024, 11, 3), Instant.FromUtc(2024, 11, 4, 0, 0));
        var zero = Hour(plan, "2024-11-03T00");
        var register = Assert.IsType<RegisterAction>(Assert.Single(zero.Actions));
        Assert.Equal("s3://bucket/events/year=2024/month=11/day=03/hour=07", register.Location);
        Assert.Equal(Instant.FromUtc(2024, 11, 3, 8, 0), zero.ReadyAt);
    }

    [Fact]
    public void Create_UdemySpringForward_SkippedHourHasNoActionEver()
    {
        var plan = Plan("America/Los_Angeles", new LocalDate(2024, 3, 10), Instant.FromUtc(2030, 1, 1, 0, 0));
        var two = Hour(plan, "2024-03-10T02");
        Assert.Equal(PartitionStatus.Skipped, two.Status);
        Assert.Null(two.ReadyAt);
        Assert.Null(two.Location);
        Assert.Empty(two.Actions);
        Assert.Equal(23, plan.Actions.Count());
    }

    [Fact]
    public void Create_Grace_DelaysReadiness()
    {
        var options = new RegistrationOptions("s3://bucket/events") { Grace = Duration.FromMinutes(15) };
        var early = Plan("America/Los_Angeles", new LocalDate(2024, 11, 3), Instant.FromUtc(2024, 11, 3, 10, 14), options);
        var late = Plan("America/Los_Angeles", new LocalDate(2024, 11, 3), Instant.FromUtc(2024, 11, 3, 10, 15), options);
        Assert.Equal(PartitionStatus.Waiting, Hour(early, "2024-11-03T01").Status);
        Assert.Equal(PartitionStatus.Ready, Hour(late, "2024-11-03T01").Status);
        Assert.Equal(Instant.FromUtc(2024, 11, 3, 10, 15), Hour(late, "2024-11-03T01").ReadyAt);
    }

    [Fact]
    public void Create_KolkataPartialHour_CopiesTheSlicesOfTwoCutUtcHours()
    {
        var plan = Plan("Asia/Kolkata", new LocalDate(2024, 1, 15), Instant.FromUtc(2024, 2, 1, 0, 0));
        var ten = Hour(plan, "2024-01-15T10");
        var m = Assert.IsType<MaterializeAction>(ten.Actions[0]);
        Assert.Equal([(Instant.FromUtc(2024, 1, 15, 4, 30), Instant.FromUtc(2024, 1, 15, 5, 0)), (Instant.FromUtc(2024, 1, 15, 5, 0), Instant.FromUtc(2024, 1, 15, 5, 30))],
            m.Copies.Select(c => (c.Start, c.End)));
        Assert.All(m.Copies, c => Assert.False(c.IsWhole));
        // Ready when the later UTC hour (05) has ended, not at 05:30.
        Assert.Equal(Instant.FromUtc(2024, 1, 15, 6, 0), ten.ReadyAt);
    }

    [Fact]
    public void Create_ExplicitMaterializedRootAndTemplates_AreUsed()
    {
        var options = new RegistrationOptions("gs://b/utc/")
        {
            MaterializedRoot = "gs://b/pt",
            SourceTemplate = PathPattern.ParseOrThrow("dt={yyyy}-{MM}-{dd}/hr={HH}"),
            TargetTemplate = PathPattern.ParseOrThrow("dt={yyyy}-{MM}-{dd}/hr={HH}"),
        };
        var plan = Plan("America/Los_Angeles", new LocalDate(2024, 11, 3), Instant.FromUtc(2024, 11, 5, 0, 0), options);
        var one = Hour(plan, "2024-11-03T01");
        Assert.Equal("gs://b/pt/dt=2024-11-03/hr=01", one.Location);
        Assert.Equal("gs://b/utc/dt=2024-11-03/hr=08", ((MaterializeAction)one.Actions[0]).Copies[0].SourceLocation);
        Assert.Equal(["dt=2024-11-03", "hr=01"], one.PartitionValues.Select(v => $"{v.Key}={v.Value}"));
    }

    [Fact]
    public void Create_TargetTemplateWithoutColumns_Throws()
    {
        var options = new RegistrationOptions("s3://b") { TargetTemplate = PathPattern.ParseOrThrow("{yyyy}/{MM}/{dd}/{HH}") };
        Assert.Throws<ArgumentException>(() => Plan("UTC", new LocalDate(2024, 1, 1), Instant.FromUtc(2024, 1, 2, 0, 0), options));
    }

    [Property(MaxTest = 200)]
    public Property Create_AnyZoneAndNow_ActsOnlyAfterEverySourceIsCompleteAndRerunsIdentically() =>
        Prop.ForAll(Arb.From(from zd in Generators.ZoneAndLocalDate from hours in Gen.Choose(-30, 60) from grace in Gen.Choose(0, 90) select (zd.Zone, zd.Date, hours, grace)), c =>
        {
            var map = PartitionMap.For(c.Zone, PartitionGranularity.Hour);
            var now = c.Date.AtMidnight().InUtc().ToInstant() + Duration.FromHours(c.hours);
            var options = new RegistrationOptions("s3://b/e") { Grace = Duration.FromMinutes(c.grace) };
            var plan = RegistrationPlan.Create(map, c.Date, c.Date.PlusDays(1), new FakeClock(now), options);
            var again = RegistrationPlan.Create(map, c.Date, c.Date.PlusDays(1), new FakeClock(now), options);
            var later = RegistrationPlan.Create(map, c.Date, c.Date.PlusDays(1), new FakeClock(now + Duration.FromHours(5)), options);
            var problems = new List<string>();
            foreach (var p in plan.Partitions)
            {
                // Readiness is the end of the latest UTC source hour, plus the grace.
                var expectedReady = p.Partition.Sources.Count == 0
                    ? (Instant?)null
                    : p.Partition.Sources.ToArray().Max(s => s.Key.Label.InUtc().ToInstant() + Duration.FromHours(1)) + options.Grace;
                var expectedStatus = expectedReady is null ? PartitionStatus.Skipped : now < expectedReady ? PartitionStatus.Waiting : PartitionStatus.Ready;
                if (p.ReadyAt != expectedReady || p.Status != expectedStatus)
                {
                    problems.Add($"{p.Key}: ready {p.ReadyAt} status {p.Status}, expected {expectedReady} {expectedStatus}");
                }
                if ((p.Actions.Count > 0) != (p.Status == PartitionStatus.Ready)
                    || (p.Actions.Count > 0 && p.Actions[^1] is not RegisterAction)
                    || (p.Status == PartitionStatus.Ready && (p.Actions.Count == 2) != (p.Partition.Kind is PartitionKind.Merged or PartitionKind.Partial)))
                {
                    problems.Add($"{p.Key}: actions {string.Join(", ", p.Actions)} for {p.Status} {p.Partition.Kind}");
                }
            }
            var lines = HiveStatementRenderer.Render(plan, "t");
            var laterStatements = HiveStatementRenderer.Render(later, "t").Where(l => l.StartsWith("ALTER", StringComparison.Ordinal)).ToHashSet();
            if (!lines.SequenceEqual(HiveStatementRenderer.Render(again, "t")))
            {
                problems.Add("re-planning gave other statements");
            }
            if (!lines.Where(l => l.StartsWith("ALTER", StringComparison.Ordinal)).All(laterStatements.Contains))
            {
                problems.Add("a later plan dropped a statement");
            }
            return (problems.Count == 0).Label($"{c.Zone.Id} {c.Date} now {now}: {string.Join("; ", problems.Take(5))}");
        });
}

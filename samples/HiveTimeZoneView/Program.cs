using HiveTimeZoneView;
using NodaTime;
using NodaTime.Text;

// dotnet run -c Release --project samples/HiveTimeZoneView -- [--zone ZONE] [--from DATE --to DATE] [--keep]
// Without --from/--to: the three days around each 2024 DST transition of America/Los_Angeles.
string zoneId = "America/Los_Angeles";
string? fromText = null, toText = null;
bool keep = false;
for (int i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    try
    {
        switch (args[i])
        {
            case "--zone": zoneId = Value(); break;
            case "--from": fromText = Value(); break;
            case "--to": toText = Value(); break;
            case "--keep": keep = true; break;
            default: throw new ArgumentException($"unknown argument '{args[i]}' (use --zone ZONE --from yyyy-MM-dd --to yyyy-MM-dd [--keep])");
        }
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine(ex.Message);
        return 2;
    }
}
var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
if (zone is null)
{
    Console.Error.WriteLine($"--zone: unknown time zone '{zoneId}'");
    return 2;
}
List<(LocalDate, LocalDate)> ranges;
if (fromText is null && toText is null)
{
    ranges = [(new LocalDate(2024, 3, 9), new LocalDate(2024, 3, 12)), (new LocalDate(2024, 11, 2), new LocalDate(2024, 11, 5))];
}
else
{
    var from = LocalDatePattern.Iso.Parse(fromText ?? "");
    var to = LocalDatePattern.Iso.Parse(toText ?? "");
    if (!from.Success || !to.Success || from.Value >= to.Value || Period.Between(from.Value, to.Value, PeriodUnits.Days).Days > 62)
    {
        Console.Error.WriteLine("--from and --to: two dates yyyy-MM-dd with from < to, at most 62 days apart");
        return 2;
    }
    ranges = [(from.Value, to.Value)];
}

string workDir = Path.Combine(Path.GetTempPath(), $"hive-tz-view-{Environment.ProcessId}");
Directory.CreateDirectory(workDir);
try
{
    Console.WriteLine($"{zone.Id}: local dates {string.Join(" and ", ranges.Select(r => $"[{r.Item1:uuuu-MM-dd}, {r.Item2:uuuu-MM-dd})"))}");
    var report = ViewCheck.Run(zone, ranges, workDir, seed: 2024, Console.Out);
    Console.WriteLine(report.Success ? "all checks hold" : "CHECKS FAILED");
    return report.Success ? 0 : 1;
}
finally
{
    if (keep)
    {
        Console.WriteLine($"kept {workDir}");
    }
    else
    {
        Directory.Delete(workDir, recursive: true);
    }
}

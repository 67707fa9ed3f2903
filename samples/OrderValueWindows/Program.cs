using System.Globalization;
using OrderValueWindows;
using UpStats.Time.Scheduling;

// Upsolver's three window cases over generated orders: the average order value per country
//   1. sliding:  a 30-day window advanced every minute   (RUN_INTERVAL = 1 MINUTE, lookback 30d)
//   2. tumbling: 30-day windows from 2022-01-01            (RUN_INTERVAL = 30 DAYS)
//   3. both:     a 90-day window every 30 days             (RUN_INTERVAL = 30 DAYS, lookback 60d)
// computed incrementally with panes and checked against a brute-force rescan. Exit 1 when they disagree.
//
//   dotnet run -c Release --project samples/OrderValueWindows -- [--orders N] [--seed S] [--rescan-every K]
int orderCount = 1_000_000, seed = 42, rescanEvery = 1000;
for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--orders": orderCount = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--rescan-every": rescanEvery = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}' (use --orders N, --seed S, --rescan-every K)");
            return 2;
    }
}

var start = Instant.FromUtc(2022, 1, 1, 0, 0);
var end = Instant.FromUtc(2022, 4, 1, 0, 0);
// Orders from 60 days before the first task, so that every window of every case is full.
var orders = Orders.Generate(orderCount, seed, start - Duration.FromDays(60), end);
Console.WriteLine($"{orders.Count:N0} orders from {start - Duration.FromDays(60)} to {end}, seed {seed}, {Orders.Countries.Length} countries");

var cases = new[]
{
    ("sliding 30d every minute", TaskSchedule.Create(start, RunInterval.ParseOrThrow("1 MINUTE"), endAt: end, lookback: LookbackDuration.ParseOrThrow("30d")), rescanEvery),
    ("tumbling 30 DAYS", TaskSchedule.Create(start, RunInterval.ParseOrThrow("30 DAYS"), endAt: end), 1),
    ("90d every 30 DAYS", TaskSchedule.Create(start, RunInterval.ParseOrThrow("30 DAYS"), endAt: end, lookback: LookbackDuration.ParseOrThrow("60d")), 1),
};
int failures = 0;
foreach (var (name, schedule, every) in cases)
{
    var r = WindowedAov.Check(name, orders, schedule, every);
    Console.WriteLine();
    Console.WriteLine($"== {name}: {schedule}");
    Console.WriteLine($"   {r.Tasks:N0} tasks; incremental {r.Incremental.TotalMilliseconds:N1} ms ({r.IncrementalMicrosPerTask:N2} µs/task)");
    Console.WriteLine($"   rescan of {r.RescannedTasks:N0} task(s){(every > 1 ? $" (every {every:N0}th task and the last, to keep it affordable)" : " (all)")}: {r.Rescan.TotalMilliseconds:N1} ms ({r.RescanMicrosPerTask:N2} µs/task)");
    if (every > 1)
    {
        Console.WriteLine($"   a rescan of all {r.Tasks:N0} tasks would take about {r.RescanMicrosPerTask * r.Tasks / 1e6:N1} s; incremental is {r.SpeedUp:N0}x faster per task");
    }
    Console.WriteLine($"   last task {r.LastTask}: AOV " + string.Join(", ",
        Enumerable.Range(0, 5).Select(c => $"{Orders.Countries[c]} {r.LastStates[c].Value / 100:F2} ({r.LastStates[c].Count:N0})")) + ", …");
    Console.WriteLine(r.Mismatches == 0 ? "   incremental == rescan: OK" : $"   MISMATCH: {r.Mismatches} country windows differ");
    failures += r.Mismatches;
}
return failures == 0 ? 0 : 1;

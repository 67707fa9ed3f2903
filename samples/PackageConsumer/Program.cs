using NodaTime;
using UpStats.Time.Grid;

// A user's first program against the NuGet package: the hourly partitions of a Los Angeles fall-back day.
var grid = LocalClockGrid.EveryMinutes(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], 60);
var repeated = grid.InstantsOf(new LocalDateTime(2024, 11, 3, 1, 0));
Console.WriteLine($"PT 2024-11-03T01 owns {string.Join(", ", repeated)}");
return repeated.Count == 1 && repeated[0].Duration == Duration.FromHours(2) ? 0 : 1;

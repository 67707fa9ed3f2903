using NodaTime;
using UpStats.Time.Grid;
using UpStats.Time.Parsing;

// A user's first program against the NuGet package: the hourly partitions of a Los Angeles fall-back day.
var grid = LocalClockGrid.EveryMinutes(DateTimeZoneProviders.Tzdb["America/Los_Angeles"], 60);
var repeated = grid.InstantsOf(new LocalDateTime(2024, 11, 3, 1, 0));
Console.WriteLine($"PT 2024-11-03T01 owns {string.Join(", ", repeated)}");

// ... and UpStats' timestamp to UTC epoch seconds, with the error of a bad one.
bool parsed = OffsetTimestamp.TryParseEpochSeconds("2015-10-11T00:26:51+0100"u8, out long seconds, out _);
Console.WriteLine($"2015-10-11T00:26:51+0100 = {OffsetTimestamp.ParseOrThrow("2015-10-11T00:26:51+0100")} = {seconds} epoch seconds");
bool rejected = !OffsetTimestamp.TryParseEpochSeconds("2015-02-29T00:26:51+0100", out _, out var error);
Console.WriteLine($"2015-02-29T00:26:51+0100: {error.Message}");

return repeated.Count == 1 && repeated[0].Duration == Duration.FromHours(2)
    && parsed && seconds == 1444519611 && rejected && error.Position == 8 ? 0 : 1;

using System.Globalization;
using NodaTime;
using NodaTime.Text;
using UpStats.Time.Paths;
using UpStats.Time.Scheduling;

namespace StorageIngestion;

/// <summary>What one run found: each check with whether it held.</summary>
public sealed record IngestionReport(IReadOnlyList<(string Check, bool Held)> Checks)
{
    /// <summary>Whether every check held.</summary>
    public bool Success => Checks.Count > 0 && Checks.All(c => c.Held);
}

/// <summary>
/// Upsolver-style ingestion of a bucket (a folder tree on local disk): one-minute tasks over a window, each listing
/// only the folders its minute needs, files assigned by event time (the date in the path, else the modified time).
/// The expected event time of every file is worked out when the file is written, with NodaTime alone, so the check
/// does not grade the library with itself.
/// </summary>
public static class IngestionCheck
{
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    private static readonly LocalDateTimePattern UpsolverFolder = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'/'MM'/'dd'/'HH'/'mm");
    private static readonly LocalDateTimePattern KafkaFolder = LocalDateTimePattern.CreateWithInvariantCulture("'year='uuuu'/month='MM'/day='dd'/hour='HH");

    /// <summary>A file the generator wrote, with the event time and source the rule must give it.</summary>
    private sealed record BucketFile(string Path, Instant Expected, FileTimeSource Source);

    /// <summary>
    /// Writes the bucket under <paramref name="workDir"/>, runs the one-minute tasks of <c>[start, end)</c> (the PT
    /// fall-back night by default) and checks that every file is ingested exactly once, by the task whose minute holds
    /// its event time.
    /// </summary>
    public static IngestionReport Run(string workDir, int seed, TextWriter log, Instant? start = null, Instant? end = null)
    {
        var from = start ?? Instant.FromUtc(2024, 11, 3, 7, 30);
        var to = end ?? Instant.FromUtc(2024, 11, 3, 10, 30);
        string bucket = Path.Combine(workDir, "bucket");
        var files = WriteBucket(bucket, from, to, new Random(seed));
        log.WriteLine($"bucket {bucket}: {files.Count} files ({files.Count(f => f.Source == FileTimeSource.Modified)} without a date in their path)");

        // Two sources, as Upsolver would define them: PREFIX + DATE_PATTERN (+ the zone the folders are written in).
        var schedule = TaskSchedule.Create(from, RunInterval.Parse("1 MINUTE").Value, endAt: to);
        var sources = new[]
        {
            new FileIngestion(schedule, new PathLayout(PathPattern.ParseOrThrow("'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH"), "topics/events/")),
            new FileIngestion(schedule, new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"), "orders/", LosAngeles)),
        };

        // Files whose path holds no date are read by their modified time: one listing of each source finds them.
        var undated = new List<(string Path, Instant Modified)>();
        foreach (var source in sources)
        {
            foreach (var path in ListFiles(bucket, source.Layout.Prefix.TrimEnd('/')))
            {
                if (!source.Layout.TryReadEventTime(path, out _, out _))
                {
                    undated.Add((path, Modified(bucket, path)));
                }
            }
        }

        var takenBy = new Dictionary<string, List<(ScheduledTask Task, FileEventTime Time)>>();
        int tasks = 0, listings = 0, foldersOutsideTheirTask = 0, missingFolders = 0;
        foreach (var task in schedule.Tasks())
        {
            tasks++;
            foreach (var source in sources)
            {
                var candidates = new List<(string Path, Instant Modified)>();
                foreach (var prefix in source.PrefixesOf(task))
                {
                    listings++;
                    // Discovery lists only folders whose time shares an instant with the task's minute.
                    if (prefix.End <= task.Start || prefix.Start >= task.End)
                    {
                        foldersOutsideTheirTask++;
                    }
                    var found = ListFiles(bucket, prefix.Path);
                    missingFolders += found.Count == 0 ? 1 : 0;
                    candidates.AddRange(found.Select(p => (p, Modified(bucket, p))));
                }
                candidates.AddRange(undated.Where(u => u.Path.StartsWith(source.Layout.Prefix, StringComparison.Ordinal)));
                foreach (var (path, modified) in candidates)
                {
                    if (source.TryAssign(path, modified, out var owner, out var time) && owner == task)
                    {
                        (takenBy.TryGetValue(path, out var list) ? list : takenBy[path] = []).Add((task, time));
                    }
                }
            }
        }
        log.WriteLine($"{tasks} one-minute tasks listed {listings} folders ({missingFolders} of them empty or absent): the whole bucket holds {Directory.GetDirectories(bucket, "*", SearchOption.AllDirectories).Length} folders");

        var checks = new List<(string, bool)>();
        void Check(string what, bool held)
        {
            checks.Add((what, held));
            log.WriteLine($"[{(held ? "ok" : "FAILED")}] {what}");
        }
        var once = files.Where(f => takenBy.TryGetValue(f.Path, out var l) && l.Count == 1).ToList();
        Check($"every file is ingested exactly once ({once.Count} of {files.Count})", once.Count == files.Count && takenBy.Count == files.Count);
        var misplaced = once.Where(f => !takenBy[f.Path][0].Task.Contains(f.Expected) || takenBy[f.Path][0].Time.Time != f.Expected).ToList();
        foreach (var f in misplaced.Take(5))
        {
            log.WriteLine($"  {f.Path}: expected {f.Expected}, got {takenBy[f.Path][0].Time} in {takenBy[f.Path][0].Task}");
        }
        Check("each by the task whose minute holds its event time", misplaced.Count == 0);
        Check("event times come from the path, else the modified time", once.All(f => takenBy[f.Path][0].Time.Source == f.Source));
        Check("no task lists a folder outside its minute", foldersOutsideTheirTask == 0);
        var repeated = files.Where(f => f.Path.StartsWith("orders/2024/11/03/01/", StringComparison.Ordinal) && f.Source == FileTimeSource.Pattern).ToList();
        Check($"PT 01:xx is read twice; its folders' files ({repeated.Count}) take the first pass", repeated.Count > 0 && repeated.All(f => f.Expected < Instant.FromUtc(2024, 11, 3, 9, 0)));
        return new IngestionReport(checks);
    }

    private static List<BucketFile> WriteBucket(string bucket, Instant from, Instant to, Random random)
    {
        var files = new List<BucketFile>();
        long seconds = (to - from).ToTimeSpan().Ticks / TimeSpan.TicksPerSecond;
        Instant Any() => from + Duration.FromSeconds(random.NextInt64(seconds));
        void Write(string path, Instant expected, FileTimeSource source, Instant modified)
        {
            string full = Path.Combine(bucket, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, path);
            File.SetLastWriteTimeUtc(full, modified.ToDateTimeUtc());
            files.Add(new BucketFile(path, expected, source));
        }

        // Upsolver layout, minute folders on Pacific Time: the event time is the folder's minute, read on PT's clock
        // (first pass of a repeated minute), whatever the file's modified time says.
        for (int i = 0; i < 150; i++)
        {
            var written = Any();
            var local = written.InZone(LosAngeles).LocalDateTime;
            var minute = local.Date + new LocalTime(local.Hour, local.Minute);
            var expected = LosAngeles.MapLocal(minute).First().ToInstant();
            Write($"orders/{UpsolverFolder.Format(minute)}/part-{i:D4}.csv", expected, FileTimeSource.Pattern, written + Duration.FromSeconds(random.Next(1, 600)));
        }
        // Kafka Connect layout, UTC hours: hours starting inside the window.
        var firstHour = Instant.FromUnixTimeSeconds(((from.ToUnixTimeSeconds() + 3599) / 3600) * 3600);
        for (int i = 0; i < 60; i++)
        {
            var hour = firstHour + Duration.FromHours(random.Next((int)((to - firstHour).TotalHours + 0.999)));
            if (hour >= to)
            {
                continue;
            }
            Write($"topics/events/{KafkaFolder.Format(hour.InUtc().LocalDateTime)}/events+0+{i:D10}.json", hour, FileTimeSource.Pattern, hour + Duration.FromMinutes(random.Next(1, 90)));
        }
        // No date in the path, or dates with wrong digits: the modified time set on disk is the event time.
        string[] undated =
        [
            "orders/manual/upload-{0}.csv",
            "orders/2024/11/03/01/3x/part-{0}.csv",           // wrong digit
            "orders/2024/11/3/01/30/part-{0}.csv",            // short field
            "orders/2024/11/03/\uFF10\uFF11/30/part-{0}.csv", // fullwidth digits
            "orders/2024/02/30/01/30/part-{0}.csv",           // no such day
            "topics/events/year=2024/month=13/day=03/hour=08/part-{0}.json",
            "topics/events/late/part-{0}.json",
        ];
        for (int i = 0; i < 40; i++)
        {
            var modified = Instant.FromUnixTimeSeconds(Any().ToUnixTimeSeconds());
            Write(string.Format(CultureInfo.InvariantCulture, undated[i % undated.Length], i), modified, FileTimeSource.Modified, modified);
        }
        return files;
    }

    /// <summary>The files under <paramref name="prefix"/> (a folder of the bucket), as bucket paths with '/'.</summary>
    private static List<string> ListFiles(string bucket, string prefix)
    {
        string folder = Path.Combine(bucket, prefix);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(bucket, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private static Instant Modified(string bucket, string path) =>
        Instant.FromDateTimeUtc(File.GetLastWriteTimeUtc(Path.Combine(bucket, path)));
}

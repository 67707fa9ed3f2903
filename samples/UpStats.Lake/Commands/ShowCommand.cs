using System.CommandLine;
using NodaTime;
using UpStats.Lake.Display;
using UpStats.Lake.Engines;
using UpStats.Lake.Store;

namespace UpStats.Lake.Commands;

/// <summary><c>show --job ID [--zone ZONE]</c>: a job's stored UTC time, shown in the reader's zone.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var store = new LakeOptions();
        var job = new Option<string>("--job") { Description = "the job id", Required = true };
        var zone = ZoneOption();
        var command = new Command("show", "Show a job's date_created (stored as UTC) in the reader's time zone.");
        store.AddTo(command);
        command.Options.Add(job);
        command.Options.Add(zone);
        command.SetAction(result =>
        {
            var readerZone = ReadZone(result, zone);
            using var database = LakeDatabase.Open(store.Read(result).MustExist("--db"));
            var id = result.GetValue(job)!;
            var record = database.FindJob(id);
            if (record is null)
            {
                Console.Error.WriteLine($"no job {id} in {database.Location}");
                return 1;
            }
            Console.WriteLine(Describe(record, readerZone));
            return 0;
        });
        return command;
    }

    /// <summary>The <c>--zone</c> option (default UTC).</summary>
    public static Option<string> ZoneOption() => new("--zone")
    {
        Description = "the reader's time zone, a tzdb id such as Europe/Berlin (default UTC)",
        DefaultValueFactory = _ => "UTC",
    };

    /// <summary>Reads <c>--zone</c> or fails with a usage error.</summary>
    public static DateTimeZone ReadZone(ParseResult result, Option<string> option)
    {
        var id = result.GetValue(option)!;
        return JobTimeDisplay.FindZone(id) ?? throw new LakeUsageException($"--zone: unknown time zone '{id}' (use a tzdb id such as Europe/Berlin or UTC).");
    }

    /// <summary>One line: id, UTC, local time in the zone (or the stored error).</summary>
    public static string Describe(JobRecord job, DateTimeZone zone) =>
        job.DateCreated is { } seconds
            ? $"{job.JobId}  {JobTimeDisplay.FormatUtc(seconds)}  {JobTimeDisplay.FormatLocal(seconds, zone)} {zone.Id}  (raw id {job.RawId})"
            : $"{job.JobId}  no date_created: {job.Error}  (raw id {job.RawId})";
}

using System.CommandLine;
using System.Globalization;
using UpStats.Lake.Display;
using UpStats.Lake.Engines;

namespace UpStats.Lake.Commands;

/// <summary>
/// <c>newer [--reader NAME] [--zone ZONE]</c>: the jobs created after the newest one this reader already saw,
/// oldest first, in the reader's zone; then the reader's bound moves forward to the newest shown.
/// </summary>
internal static class NewerCommand
{
    public static Command Create()
    {
        var store = new LakeOptions();
        var reader = new Option<string>("--reader") { Description = "whose \"already seen\" bound to use and move (default bot)", DefaultValueFactory = _ => "bot" };
        var zone = ShowCommand.ZoneOption();
        var limit = new Option<int>("--limit") { Description = "show at most about N jobs (jobs of the same second are never split); default 20", DefaultValueFactory = _ => 20 };
        var peek = new Option<bool>("--peek") { Description = "do not move the bound" };
        var command = new Command("newer", "Show only the jobs newer than what this reader already saw, and move its bound to the newest date_created shown.");
        store.AddTo(command);
        command.Options.Add(reader);
        command.Options.Add(zone);
        command.Options.Add(limit);
        command.Options.Add(peek);
        command.SetAction(result =>
        {
            var readerZone = ShowCommand.ReadZone(result, zone);
            var max = result.GetValue(limit);
            if (max < 1)
            {
                throw new LakeUsageException("--limit: must be 1 or more.");
            }
            using var database = LakeDatabase.Open(store.Read(result).MustExist("--db"));
            var name = result.GetValue(reader)!;
            var bound = database.ReaderMark(name);
            var jobs = database.JobsCreatedAfter(bound, max);
            Console.WriteLine(bound is null
                ? $"reader {name}: nothing seen yet"
                : $"reader {name}: newer than {JobTimeDisplay.FormatUtc(bound.Value)} ({JobTimeDisplay.FormatLocal(bound.Value, readerZone)})");
            foreach (var job in jobs)
            {
                Console.WriteLine(ShowCommand.Describe(job, readerZone));
            }
            var moved = SearchBound.MoveForward(bound, jobs.Select(j => j.DateCreated!.Value));
            if (!result.GetValue(peek) && moved is { } newest && newest != bound)
            {
                database.MoveReaderMark(name, newest);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{jobs.Count} newer jobs; next search: date_created > {(moved is null ? "(none yet)" : JobTimeDisplay.FormatUtc(moved.Value))}"));
            return 0;
        });
        return command;
    }
}
